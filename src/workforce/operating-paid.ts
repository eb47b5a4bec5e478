import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { payoutLine, payoutRun } from './comp-plan-tables.ts';
import type { PaidPeriod } from './operating-cost.ts';

/**
 * What each person was paid by the stored payout runs whose period overlaps from..to. A period run
 * twice (a correction) counts once: its latest run.
 */
export async function paidPeriodsBetween(
  db: Executor,
  practiceId: number,
  from: string,
  to: string,
): Promise<PaidPeriod[]> {
  const rows = await db
    .select({
      staffId: payoutLine.staffId,
      periodFrom: payoutRun.periodFrom,
      periodTo: payoutRun.periodTo,
      totalCents: payoutLine.totalCents,
    })
    .from(payoutLine)
    .innerJoin(payoutRun, eq(payoutRun.id, payoutLine.runId))
    .where(
      and(eq(payoutRun.practiceId, practiceId), lte(payoutRun.periodFrom, to), gte(payoutRun.periodTo, from)),
    )
    .orderBy(desc(payoutRun.id));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.staffId}|${r.periodFrom}|${r.periodTo}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
