import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { addDays } from '../shared/dates.ts';
import { claim, claimEvent } from './tables.ts';

/**
 * Claims first submitted in each month of from..to (UTC days, as the claim history keeps them): a
 * claim sent again after a rejection counts once, in the month it first left; a corrected or
 * secondary claim is a claim of its own. Months with none are left out.
 */
export async function claimsSubmittedByMonth(
  db: Executor,
  practiceId: number,
  from: string,
  to: string,
): Promise<{ month: string; claims: number }[]> {
  const first = db
    .select({ claimId: claimEvent.claimId, at: sql<Date>`min(${claimEvent.at})`.as('first_at') })
    .from(claimEvent)
    .innerJoin(claim, eq(claim.id, claimEvent.claimId))
    .where(and(eq(claim.practiceId, practiceId), eq(claimEvent.toState, 'submitted')))
    .groupBy(claimEvent.claimId)
    .as('first_submitted');
  const month = sql<string>`to_char(${first.at} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await db
    .select({ month, claims: sql<number>`count(*)::int` })
    .from(first)
    .where(
      and(
        sql`${first.at} >= ${`${from}T00:00:00Z`}::timestamptz`,
        sql`${first.at} < ${`${addDays(to, 1)}T00:00:00Z`}::timestamptz`,
      ),
    )
    .groupBy(month)
    .orderBy(month);
  return rows.map((r) => ({ month: r.month, claims: Number(r.claims) }));
}
