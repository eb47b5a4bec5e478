import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { formats } from '../shared/formats.ts';

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

export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? strict : coercing).compile(schema);
}
