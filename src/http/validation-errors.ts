import { formats } from '../shared/formats.ts';
import type { FieldError } from '../shared/problem.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns ajv's errors into field errors a person can act on, each at its JSON pointer. */
export function toFieldErrors(errors: AjvError[], context: string): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = fieldError(e);
    if (!out.some((o) => o.pointer === field.pointer && o.detail === field.detail)) out.push(field);
  }
  return out.map((e) => (context === 'body' ? e : { ...e, detail: `${context} ${e.pointer}: ${e.detail}` }));
}

function fieldError(e: AjvError): FieldError {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { pointer: `${e.instancePath}/${String(p.missingProperty)}`, detail: 'is required' };
    case 'additionalProperties':
      return { pointer: `${e.instancePath}/${String(p.additionalProperty)}`, detail: 'is not a known field' };
    case 'format':
      return {
        pointer: e.instancePath,
        detail: formats[String(p.format)]?.message ?? `is not a valid ${String(p.format)}`,
      };
    case 'maxLength':
      return { pointer: e.instancePath, detail: `is longer than ${String(p.limit)} characters` };
    case 'minLength':
      return {
        pointer: e.instancePath,
        detail: Number(p.limit) === 1 ? 'must not be empty' : `is shorter than ${String(p.limit)} characters`,
      };
    case 'type':
      return { pointer: e.instancePath, detail: `must be ${String(p.type)}` };
    default:
      return { pointer: e.instancePath, detail: e.message ?? e.keyword };
  }
}
