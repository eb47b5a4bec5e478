import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { lineChargeFor } from '../practices/index.ts';
import type { Cents } from '../shared/money.ts';
import { payerFeeScheduleEntry } from './tables.ts';

/** One contracted rate of a payer fee schedule. */
export interface ContractedRate {
  payerId: number;
  procedureCode: string;
  modifier: string | null;
  allowedCents: Cents;
  effectiveDate: string;
  endDate: string | null;
}

/** Every contracted rate of a practice's payers. */
export async function contractedRatesOf(db: Executor, practiceId: number): Promise<ContractedRate[]> {
  return db
    .select({
      payerId: payerFeeScheduleEntry.payerId,
      procedureCode: payerFeeScheduleEntry.procedureCode,
      modifier: payerFeeScheduleEntry.modifier,
      allowedCents: payerFeeScheduleEntry.allowedCents,
      effectiveDate: payerFeeScheduleEntry.effectiveDate,
      endDate: payerFeeScheduleEntry.endDate,
    })
    .from(payerFeeScheduleEntry)
    .where(eq(payerFeeScheduleEntry.practiceId, practiceId));
}

/**
 * What the payer's contract allows for a service line: the rate for the code in effect on the date
 * of service, the line's first modifier winning over the plain code, times the units (the same
 * choice as the charge master's, src/practices/fee-schedule.ts). Undefined when the contract has
 * no rate for it: then nothing can be called underpaid.
 */
export function contractedAllowed(
  rates: readonly ContractedRate[],
  payerId: number,
  line: { procedureCode: string; modifiers: string[]; serviceDate: string; units: number },
): Cents | undefined {
  const ofPayer = rates
    .filter((r) => r.payerId === payerId)
    .map((r) => ({ ...r, chargeCents: r.allowedCents }));
  return lineChargeFor(ofPayer, line);
}
