import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { formats } from '../../../src/shared/formats.ts';
import type { FieldError } from '../api/problem.ts';

/**
 * Checks a request body against the schema the server validates with, before it is sent, and
 * words each error the way the server does (src/http/validation-errors.ts).
 */
export function checkBody(schema: TSchema, body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const e of Value.Errors(schema, body)) {
    if (errors.some((o) => o.pointer === e.path)) continue;
    errors.push({ pointer: e.path, detail: wording(e.type, e.schema as Record<string, unknown>, e.message) });
  }
  return errors;
}

function wording(type: ValueErrorType, schema: Record<string, unknown>, message: string): string {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.StringFormat:
      return formats[String(schema.format)]?.message ?? `is not a valid ${String(schema.format)}`;
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1
        ? 'must not be empty'
        : `is shorter than ${String(schema.minLength)} characters`;
    case ValueErrorType.StringMaxLength:
      return `is longer than ${String(schema.maxLength)} characters`;
    case ValueErrorType.StringPattern:
      return 'has characters that are not allowed (letters, digits and hyphens)';
    case ValueErrorType.ArrayMaxItems:
      return `has more than ${String(schema.maxItems)} entries`;
    case ValueErrorType.ArrayMinItems:
      return `needs at least ${String(schema.minItems)}`;
    case ValueErrorType.ArrayUniqueItems:
      return 'has the same entry twice';
    case ValueErrorType.Union:
      return 'is not one of the allowed values';
    default:
      return message.charAt(0).toLowerCase() + message.slice(1);
  }
}
