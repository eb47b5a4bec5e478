import type { TObject, TSchema } from '@sinclair/typebox';

const allowsNull = (schema: TSchema | undefined): boolean =>
  Array.isArray(schema?.anyOf) && (schema.anyOf as TSchema[]).some((s) => s.type === 'null');

/**
 * Turns form values into a request body: an emptied field becomes null where the schema allows
 * null (so an edit clears it) and is left out otherwise (so a required one reads "is required").
 */
export function toBody(schema: TObject, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (!empty) body[key] = typeof value === 'string' ? value.trim() : value;
    else if (allowsNull(schema.properties[key])) body[key] = null;
  }
  return body;
}
