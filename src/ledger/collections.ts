import { and, between, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { ledgerEntry } from './tables.ts';

/**
 * Money the practice collected with an effective date in from..to (inclusive): insurance and
 * patient payments less refunds (to patients or back to payers). Reversals are the same kinds with
 * the opposite sign, so they cancel here too; payer-level adjustments (PLB interest, recoupments)
 * are left out: they are not payments for care. Cents.
 */
export async function collectionsBetween(
  db: Executor,
  practiceId: number,
  from: string,
  to: string,
): Promise<number> {
  const [row] = await db
    .select({
      cents: sql<string>`coalesce(sum(case when ${ledgerEntry.kind} = 'refund' then -${ledgerEntry.amountCents}
        when ${ledgerEntry.kind} in ('insurance_payment', 'patient_payment') then ${ledgerEntry.amountCents}
        else 0 end), 0)::bigint`,
    })
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.practiceId, practiceId), between(ledgerEntry.effectiveDate, from, to)));
  return Number(row!.cents);
}
