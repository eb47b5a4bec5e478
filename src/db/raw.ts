// Plain parameterised SQL in the caller's transaction, for the few hot statements where drizzle's
// query builder costs more than the database: profiling bench:remits found a third of posting's
// CPU in drizzle walking every parameter of its multi-row inserts and long IN lists (`is`,
// buildQueryFromSourceParams). Lists go to PostgreSQL as one array parameter each instead.
import { Column, getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './connection.ts';

interface QueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The node-postgres pool or client, or the PGlite (transaction), under a drizzle handle. */
const clientOf = (db: Executor) => (db as unknown as { session: { client: QueryClient } }).session.client;

/**
 * Runs one statement with positional parameters ($1, $2, …) on the handle's connection, so inside
 * the caller's transaction. Rows come back as the driver gives them: snake_case names, bigint as
 * text; cast dates to text in the SQL (node-postgres would make them local-midnight Dates). Pass
 * jsonb values as JSON text.
 */
export async function queryRaw(
  db: Executor,
  text: string,
  values: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  return (await clientOf(db).query(text, [...values])).rows as Record<string, unknown>[];
}

/**
 * `column = any($1)`: a list of ids or codes as one array parameter. drizzle's inArray makes a
 * placeholder a value, which for the thousands of an 835 chunk costs more to build (and for
 * PostgreSQL to parse) than the query itself. An empty list matches nothing, as inArray's does.
 */
export const isAnyOf = (column: Column | SQL, values: readonly (string | number)[]): SQL =>
  sql`${column} = any(${sql.param([...values])})`;

/** Rows a statement at most: an 835 chunk's claim payments, with their JSON, stay a few MB. */
const MAX_ROWS = 5_000;

/** A column to insert into: its name and its SQL type as the schema gives it (`integer`, `text[]`, `jsonb`). */
export interface InsertColumn {
  name: string;
  type: string;
}

const ESCAPED = /[\\"]/g;

/**
 * One element of an array literal: NULL, a number or boolean as written, anything else quoted
 * (a quote or backslash escaped). A JS array becomes its own literal, quoted as one element.
 */
function element(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'string':
      return `"${v.replace(ESCAPED, '\\$&')}"`;
  }
  if (v instanceof Date) return `"${v.toISOString()}"`;
  if (Array.isArray(v)) return element(`{${v.map(element).join(',')}}`);
  throw new Error(`insertColumns: a ${typeof v} cannot be sent as a column value`);
}

/** A backslash escape JSON has and an array literal does not (`\\n` would be read as `n`). */
const JSON_ONLY_ESCAPE = /\\[bfnrtu]/;

/**
 * A column's values as one array literal. JSON.stringify writes a list of strings, numbers,
 * booleans and nulls as the literal wants it (quotes and backslashes escaped, null unquoted), many
 * times faster than escaping each value here, unless a value holds a control character or a
 * BigInt, or the values are arrays: those take the slow path.
 */
function arrayLiteral(values: readonly unknown[], ofArrays: boolean): string {
  if (!ofArrays) {
    let json: string | undefined;
    try {
      json = JSON.stringify(values);
    } catch {
      json = undefined; // a BigInt
    }
    if (json !== undefined && !JSON_ONLY_ESCAPE.test(json)) return `{${json.slice(1, -1)}}`;
  }
  return `{${values.map(element).join(',')}}`;
}

const isJsonType = (type: string) => type === 'json' || type === 'jsonb';

/**
 * A JSON column's values (each its JSON text, or null for SQL NULL) as one JSON array: the texts
 * are joined, not escaped again as an array literal's elements would be (an 835's claim payments
 * carry a document each), and PostgreSQL reads the array with its JSON reader.
 */
const jsonArray = (values: readonly unknown[]): string =>
  `[${values.map((v) => (v == null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v))).join(',')}]`;

/** serial is a column's default, not a type an array can have. */
const elementType = (type: string) =>
  ({ serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' })[type] ?? type;

/**
 * The one value every row has in a column (null, a number, a string, a boolean), or undefined when
 * the rows differ or the value is an object (a Date, an array, a document).
 */
function sameInEvery(column: readonly unknown[]): { value: unknown } | undefined {
  const first = column[0];
  if (first !== null && typeof first === 'object') return undefined;
  for (let i = 1; i < column.length; i++) if (column[i] !== first) return undefined;
  return { value: first ?? null };
}

/** A value every row has, as its text for a typed placeholder (`$3::date`). */
const scalarText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);

/**
 * Inserts rows given a column at a time (each list of values as long as the rows, in `columns`
 * order) by `insert … select from unnest(…)`: one array parameter a column, whatever the number of
 * rows. A profile of PostgreSQL under bench:remits found a third of its CPU parsing and planning
 * multi-row VALUES (every value an expression to analyze, copy and fold into the plan); unnest's
 * statement is the same few hundred characters for any number of rows. A column of an array type
 * goes as an array of its values' literals, each cast back in the select (unnest would flatten an
 * array of arrays); a JSON column goes as one JSON array, its elements read back into an array (a
 * JSON null is SQL NULL). `returning` (SQL) names what to return: the rows come back in the order
 * given (unnest yields its elements in order, and the insert returns rows as it inserts them).
 */
export async function insertColumns(
  db: Executor,
  table: string,
  columns: readonly InsertColumn[],
  values: readonly (readonly unknown[])[],
  returning?: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const count = values[0]?.length ?? 0;
  for (let from = 0; from < count; from += MAX_ROWS) {
    const whole = from === 0 && count <= MAX_ROWS;
    const part = values.map((v) => (whole ? v : v.slice(from, from + MAX_ROWS)));
    // A value every row has (the practice, the date, a null) goes once, not as an array for unnest
    // to expand: a ledger chunk's entries share about a third of their columns. unnest needs one array.
    const same = part.map((column, n) =>
      n > 0 && column.length > 1 && (!isJsonType(columns[n]!.type) || column[0] == null)
        ? sameInEvery(column)
        : undefined,
    );
    const select = columns.map((c, n) =>
      same[n]
        ? `$${n + 1}::${c.type.endsWith(']') ? c.type : elementType(c.type)}`
        : c.type.endsWith(']')
          ? `u.c${n}::${c.type}`
          : `u.c${n}`,
    );
    const arrays = columns.flatMap((c, n) =>
      same[n]
        ? []
        : isJsonType(c.type)
          ? `array(select case when json_typeof(e) = 'null' then null else e::${c.type} end from json_array_elements($${n + 1}::json) as e)`
          : c.type.endsWith(']')
            ? `$${n + 1}::text[]`
            : `$${n + 1}::${elementType(c.type)}[]`,
    );
    const names = columns.flatMap((c, n) => (same[n] ? [] : [`c${n}`]));
    const text =
      `insert into ${table} (${columns.map((c) => c.name).join(', ')}) select ${select.join(', ')} ` +
      `from unnest(${arrays.join(', ')}) as u(${names.join(', ')})` +
      (returning ? ` returning ${returning}` : '');
    const params = columns.map((c, n) => {
      const one = same[n];
      if (one) return scalarText(one.value);
      return isJsonType(c.type) ? jsonArray(part[n]!) : arrayLiteral(part[n]!, c.type.endsWith(']'));
    });
    const returned = await queryRaw(db, text, params);
    for (const row of returned) out.push(row);
  }
  return out;
}

/** drizzle's own mapping for columns that send their values unchanged (integer, text, boolean…). */
const sentAsIs = Column.prototype.mapToDriverValue;

/** The column's name in the database: the schema's key in snake_case (connection.ts sets that casing). */
const nameOf = (c: Column) => (c.keyAsName ? toSnakeCase(c.name) : c.name);

/**
 * drizzle's `insert(table).values(rows).returning()` for many rows at once, by insertColumns (its
 * builder walks every value of every row, which for an 835 chunk cost more than the database):
 * the columns come from the table's schema, each value is sent as drizzle would send it, and the
 * rows come back mapped as drizzle maps them (or only their ids).
 * A column left out of every row takes its default; one given in some rows and not others is
 * null in those (as an explicit null would be), unless it has a default, which the insert refuses.
 */
export async function insertMany<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  returning: 'rows',
): Promise<T['$inferSelect'][]>;
export async function insertMany<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  returning?: 'ids',
): Promise<number[]>;
export async function insertMany<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  returning: 'rows' | 'ids' = 'ids',
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const all = Object.entries(getTableColumns(table)) as [string, Column][];
  const given = all.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  for (const [key, column] of given)
    if (column.hasDefault && rows.some((r) => (r as Record<string, unknown>)[key] === undefined))
      throw new Error(
        `insertMany ${getTableName(table)}: ${key} is given in some rows only, and has a default`,
      );
  for (const [key, column] of all)
    if ((column as { defaultFn?: unknown }).defaultFn)
      throw new Error(`insertMany ${getTableName(table)}: ${key} has a default made in JavaScript`);
  const types = new Map(all.map(([key, c]) => [key, c.getSQLType()]));
  const isJson = (key: string) => types.get(key) === 'json' || types.get(key) === 'jsonb';
  // each value as drizzle would send it (JSON as its text, a Date as ISO text, an array as its
  // literal), a column at a time; most columns send their values as they are
  const values = given.map(([key, c]) => {
    const sent = c.mapToDriverValue === sentAsIs ? undefined : (v: unknown) => c.mapToDriverValue(v);
    return rows.map((r) => {
      const v = (r as Record<string, unknown>)[key];
      return v == null ? null : sent ? sent(v) : v;
    });
  });
  // dates as text: node-postgres would make them local-midnight Dates; json given is not sent back
  const givenKeys = new Set(given.map(([key]) => key));
  const back = all.filter(([key]) => !(isJson(key) && givenKeys.has(key)));
  const selected = back.map(([key, c]) =>
    types.get(key) === 'date' ? `"${nameOf(c)}"::text as "${nameOf(c)}"` : `"${nameOf(c)}"`,
  );
  const out = await insertColumns(
    db,
    `"${getTableName(table)}"`,
    given.map(([key, c]) => ({ name: `"${nameOf(c)}"`, type: types.get(key)! })),
    values,
    returning === 'ids' ? 'id' : selected.join(', '),
  );
  if (returning === 'ids') return out.map((r) => Number(r.id));
  const allNames = all.map(([, c]) => nameOf(c));
  return out.map((r, i) => {
    const row: Record<string, unknown> = {};
    all.forEach(([key, c], n) => {
      const v =
        isJson(key) && givenKeys.has(key) ? (rows[i] as Record<string, unknown>)[key] : r[allNames[n]!];
      row[key] = v == null ? null : isJson(key) && givenKeys.has(key) ? v : c.mapFromDriverValue(v);
    });
    return row;
  });
}
