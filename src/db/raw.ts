// Plain parameterised SQL in the caller's transaction, for the few hot statements where drizzle's
// query builder costs more than the database: profiling bench:remits found a third of posting's
// CPU in drizzle walking every parameter of its multi-row inserts and long IN lists (`is`,
// buildQueryFromSourceParams). Lists go to PostgreSQL as one array parameter each instead.
import { getTableColumns, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
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

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;
/** Rows a statement at most, however few parameters they need (its text stays a few hundred KB). */
const MAX_ROWS = 5_000;

/**
 * Inserts rows (each its values in `columns` order) by multi-row INSERTs of plain placeholders,
 * as many rows a statement as the parameter limit allows. Measured against one JSON parameter
 * (json_to_recordset) and an array a column (unnest): as fast for narrow rows, twice as fast for
 * rows carrying a JSON document (PostgreSQL's JSON reader is the slow part). Values go as the
 * driver sends them (JSON as its text, arrays as arrays). `returning` (SQL) names what to return:
 * the rows come back in the order given (a multi-row INSERT returns them in the order of its VALUES).
 *
 * A value repeated in a column (the practice, the posting date, the claim of a claim's entries)
 * is sent once and its placeholder repeated, and a null is written as NULL: an 835 chunk's ledger
 * entries carry about one parameter each instead of eighteen (bench:remits: 26,949 for 24,001), less
 * for the driver to bind and the server to read. Each column keeps its own placeholders, so each takes its type from its column.
 */
export async function insertRows(
  db: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning?: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const width = columns.length;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const tail = returning ? ` returning ${returning}` : '';
  let values: unknown[] = [];
  let tuples: string[] = [];
  let seen = columns.map(() => new Map<unknown, string>());
  const flush = async () => {
    out.push(...(await queryRaw(db, head + tuples.join(',') + tail, values)));
    values = [];
    tuples = [];
    seen = columns.map(() => new Map<unknown, string>());
  };
  for (const row of rows) {
    if (values.length + width > MAX_PARAMETERS || tuples.length >= MAX_ROWS) await flush();
    const marks: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      if (v === null) {
        marks.push('NULL');
        continue;
      }
      // a repeat is told by value: strings, numbers and booleans (arrays and Dates are sent each time)
      const repeatable = typeof v !== 'object';
      let mark = repeatable ? seen[c]!.get(v) : undefined;
      if (mark === undefined) {
        values.push(v);
        mark = `$${values.length}`;
        if (repeatable) seen[c]!.set(v, mark);
      }
      marks.push(mark);
    }
    tuples.push(`(${marks.join(',')})`);
  }
  if (tuples.length) await flush();
  return out;
}

/** The column's name in the database: the schema's key in snake_case (connection.ts sets that casing). */
const nameOf = (c: Column) => (c.keyAsName ? toSnakeCase(c.name) : c.name);

/**
 * drizzle's `insert(table).values(rows).returning()` for many rows at once, by insertRows (its
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
  // each value as drizzle would send it (JSON as its text, a Date as ISO text, an array as its literal)
  const values = rows.map((r) =>
    given.map(([key, c]) => {
      const v = (r as Record<string, unknown>)[key];
      return v == null ? null : c.mapToDriverValue(v);
    }),
  );
  // dates as text: node-postgres would make them local-midnight Dates; json given is not sent back
  const givenKeys = new Set(given.map(([key]) => key));
  const back = all.filter(([key]) => !(isJson(key) && givenKeys.has(key)));
  const selected = back.map(([key, c]) =>
    types.get(key) === 'date' ? `"${nameOf(c)}"::text as "${nameOf(c)}"` : `"${nameOf(c)}"`,
  );
  const out = await insertRows(
    db,
    `"${getTableName(table)}"`,
    given.map(([, c]) => `"${nameOf(c)}"`),
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
