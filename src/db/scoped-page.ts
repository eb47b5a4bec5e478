// Paged lists over large tables whose indexes lead with practice_id, read fast for any scope.
import { count, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './connection.ts';

/**
 * For a scope of several practices: each practice's first `limit` row ids in the page's order, as
 * one `union all` to use in `id in (…)`. PostgreSQL cannot walk a (practice_id, …, sort column)
 * index in order for `practice_id in (…)` and sorts every match instead (seconds at a million
 * rows); one ordered, limited walk per practice, then a sort of at most practices × limit rows,
 * gives the same page.
 */
export function eachPracticeFirst(
  scope: readonly number[],
  firstIds: (practiceId: number) => SQLWrapper,
): SQL {
  return sql`(${sql.join(
    scope.map((p) => sql`(${firstIds(p)})`),
    sql` union all `,
  )})`;
}

/**
 * How many rows a filter matches, counting no further than `cap`: past it the list says "cap or
 * more" (counting a hundred thousand matches costs more than reading the page).
 */
export async function countUpTo(
  db: Executor,
  table: PgTable,
  where: SQL | undefined,
  cap: number,
): Promise<{ total: number; totalCapped: boolean }> {
  const rows = db
    .select({ one: sql<number>`1`.as('one') })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('matching');
  const [row] = await db.select({ n: count() }).from(rows);
  const n = Number(row?.n ?? 0);
  return { total: Math.min(n, cap), totalCapped: n > cap };
}
