import { Ajv, type Options, type ValidateFunction } from 'ajv';
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
const compiled = new WeakMap<object, Map<string, ValidateFunction>>();

function compileNow(schema: object, kind: 'body' | 'text') {
  const byKind = compiled.get(schema) ?? new Map<string, ValidateFunction>();
  compiled.set(schema, byKind);
  let validate = byKind.get(kind);
  if (!validate) {
    validate = (kind === 'body' ? strict : coercing).compile(boundIntegers(schema) as object);
    byKind.set(kind, validate);
  }
  return validate;
}

/**
 * Compiles a route's schema at the route's first request: compiling every route's schemas when
 * the server starts cost about a second of CPU before it could listen.
 */
export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  const kind = httpPart === 'body' ? 'body' : 'text';
  let validate: ValidateFunction | undefined;
  const lazy = (data: unknown, context?: Parameters<ValidateFunction>[1]) => {
    validate ??= compileNow(schema, kind);
    const valid = validate(data, context);
    lazy.errors = validate.errors;
    return valid;
  };
  lazy.errors = undefined as ValidateFunction['errors'];
  // Fastify passes the parent object to a compiled Ajv validator (marked by schemaEnv), which lets
  // coercion replace a whole query string or params value; the lazy one always forwards it.
  lazy.schemaEnv = true;
  return lazy;
}
