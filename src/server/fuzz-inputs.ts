/**
 * Hostile inputs for every route, generated from the route's own schema in the OpenAPI document
 * (used by hostile-input.db.test.ts). Pure: the test sends the requests.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: unknown;
  /** What was made hostile, for the failure message. */
  what: string;
}

const HUGE = 'x'.repeat(100_000);

/** Values no route should fail on: NUL, lone surrogates, absurd numbers, path tricks, wrong types, nesting. */
export const HOSTILE_VALUES: unknown[] = [
  '\u0000',
  'abc\u0000def',
  '\uD800',
  'x\uDC00y',
  1e308,
  -1e308,
  -1,
  0,
  1.5,
  2_147_483_648,
  '1e308',
  'NaN',
  '',
  '.',
  '..',
  '../../../etc/passwd',
  HUGE,
  true,
  null,
  [],
  {},
  [[[[['deep']]]]],
  { a: { b: { c: { d: '\u0000' } } } },
  ['\uD800'],
];

/**
 * In a URL every value arrives as text, so the list is shorter: the texts that differ
 * (JSON-looking text stands for the wrong types).
 */
export const URL_VALUES: unknown[] = [
  '\u0000',
  '\uD800',
  'x\uDC00y',
  '1e308',
  '-1',
  '0',
  '1.5',
  '2147483648',
  '',
  '.',
  '..',
  '../../../etc/passwd',
  'x'.repeat(5_000),
  'true',
  '[]',
  '{"a":{"b":"\u0000"}}',
];

/** A value the schema is likely to accept, so that the one hostile field is what gets judged. */
export function plausible(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return 'a';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return plausible(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = plausible(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => plausible(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T10:00:00Z';
      if (schema.format === 'email') return 'fuzz@example.org';
      return 'A'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 'a';
  }
}

/** Percent-encoded; a lone surrogate as the bytes a careless client sends (WTF-8: %ED%A0%80). */
function inUrl(value: unknown): string {
  const text = typeof value === 'string' ? value.slice(0, 5_000) : (JSON.stringify(value) ?? '');
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    return encodeURIComponent(ch);
  });
}

const describe = (value: unknown) =>
  typeof value === 'string' && value.length > 40 ? `${value.length} chars` : JSON.stringify(value);

/** Every request: each path parameter, query parameter and top-level body field made hostile in turn. */
export function fuzzRequests(paths: Record<string, Record<string, OpenApiOperation>>): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const baseBody = bodySchema ? plausible(bodySchema) : undefined;
      const urlWith = (hostile?: { name: string; value: unknown }) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) =>
          hostile?.name === name
            ? inUrl(hostile.value)
            : String(plausible(pathParams.find((p) => p.name === name)?.schema)),
        );
      const base = { method: method.toUpperCase(), ...(baseBody !== undefined ? { payload: baseBody } : {}) };
      for (const value of URL_VALUES) {
        for (const p of pathParams)
          out.push({
            ...base,
            url: urlWith({ name: p.name, value }),
            what: `path ${p.name}=${describe(value)}`,
          });
        for (const p of queryParams)
          out.push({
            ...base,
            url: `${urlWith()}?${p.name}=${inUrl(value)}`,
            what: `query ${p.name}=${describe(value)}`,
          });
      }
      if (!bodySchema) continue;
      for (const value of HOSTILE_VALUES) {
        out.push({ ...base, url: urlWith(), payload: value, what: `body=${describe(value)}` });
        for (const field of Object.keys(bodySchema.properties ?? {}))
          out.push({
            ...base,
            url: urlWith(),
            payload: { ...(baseBody as object), [field]: value },
            what: `body /${field}=${describe(value)}`,
          });
      }
    }
  }
  return out;
}
