import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { formats } from '../shared/formats.ts';
import { boundIntegers } from './hostile-input.ts';

// Two validators: request bodies are taken exactly as sent (no type coercion, unknown fields
// refused), while query strings and path parameters, which arrive as text, are coerced.
function build(options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
    ...options,
  });
  addFormats.default(ajv);
  for (const [name, f] of Object.entries(formats)) ajv.addFormat(name, f.check);
  return ajv;
}

const strict = build({ coerceTypes: false });
const coercing = build({ coerceTypes: 'array' });

// Compiled once per schema object: routes share schemas (the resource engine's list query).
const compiled = new WeakMap<object, Map<string, ReturnType<Ajv['compile']>>>();

export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  const kind = httpPart === 'body' ? 'body' : 'text';
  const byKind = compiled.get(schema) ?? new Map<string, ReturnType<Ajv['compile']>>();
  compiled.set(schema, byKind);
  let validate = byKind.get(kind);
  if (!validate) {
    validate = (kind === 'body' ? strict : coercing).compile(boundIntegers(schema) as object);
    byKind.set(kind, validate);
  }
  return validate;
}
