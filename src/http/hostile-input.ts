import type { FastifyInstance } from 'fastify';
import { HttpProblemError, type FieldError } from './problem.ts';

// PostgreSQL cannot store U+0000 in text or jsonb (the insert fails: a 500), and a lone UTF-16
// surrogate cannot be encoded as UTF-8 (it would be stored as U+FFFD, silently changed). Both
// are refused at the edge, for every route, with the field named.
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string (value or object key) holding a NUL or a lone surrogate, with its JSON pointer. */
export function findBadString(value: unknown, pointer = ''): FieldError | undefined {
  if (typeof value === 'string') {
    const match = BAD_CHARACTER.exec(value);
    if (!match) return undefined;
    const what = match[0] === '\u0000' ? 'a NUL character' : 'an unpaired UTF-16 surrogate';
    return { pointer, detail: `contains ${what}, which cannot be stored` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadString(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (BAD_CHARACTER.test(key))
        return { pointer: at.replace(BAD_CHARACTER, '?'), detail: 'has a field name that cannot be stored' };
      const found = findBadString(v, at);
      if (found) return found;
    }
  }
  return undefined;
}

const PARTS = [
  ['params', 'path parameter'],
  ['query', 'query parameter'],
  ['body', ''],
] as const;

export function registerHostileInputCheck(app: FastifyInstance): void {
  // preValidation: after the body is parsed, before the route's schema and handler see it.
  app.addHook('preValidation', async (request) => {
    for (const [part, label] of PARTS) {
      const bad = findBadString(request[part]);
      if (!bad) continue;
      const detail = label ? `${label} ${bad.pointer}: ${bad.detail}` : bad.detail;
      const errors = [{ pointer: bad.pointer, detail }];
      throw new HttpProblemError('BAD_REQUEST', `${bad.pointer || '/'} ${bad.detail}`, errors);
    }
  });
}

const INT4 = { minimum: -2_147_483_648, maximum: 2_147_483_647 };

/**
 * A copy of a JSON schema in which every integer without bounds gets the bounds of a PostgreSQL
 * integer: `page=1e308` is an integer to JSON Schema but overflows every column and OFFSET.
 */
export function boundIntegers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(boundIntegers);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = boundIntegers(value);
  const type = out.type;
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT4.maximum;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT4.minimum;
  }
  return out;
}
