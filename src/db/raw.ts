// Plain parameterised SQL in the caller's transaction, for the few hot statements where drizzle's
// query builder costs more than the database: profiling bench:remits found a third of posting's
// CPU in drizzle walking every parameter of its multi-row inserts (`is`, buildQueryFromSourceParams).
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

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows (each its values in `columns` order) by multi-row INSERTs of plain placeholders,
 * as many rows a statement as the parameter limit allows. `returning` (SQL) names what to return:
 * the rows come back in the order given (a multi-row INSERT returns them in the order of its VALUES).
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
  const perStatement = Math.floor(MAX_PARAMETERS / width);
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (let c = 0; c < width; c++) {
        values.push(row[c] ?? null);
        marks.push(`$${values.length}`);
      }
      tuples.push(`(${marks.join(',')})`);
    }
    const text = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(',')}${returning ? ` returning ${returning}` : ''}`;
    out.push(...(await queryRaw(db, text, values)));
  }
  return out;
}
