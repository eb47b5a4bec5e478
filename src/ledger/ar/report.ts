import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { patientsByIds } from '../../patients/index.ts';
import { payerNames } from '../../payers/index.ts';
import { addDays } from '../../shared/dates.ts';
import { ledgerEntry } from '../tables.ts';
import { ageBalances, AR_BUCKETS, type Aging, type OpenBalance } from './aging.ts';
import { inChunks } from './in-chunks.ts';
import { daysInAr, netCollectionRate } from './measures.ts';
import { linesOfAr } from './open-lines.ts';

export type AgingBy = 'payer' | 'patient';

const patientLabel = (p: { lastName: string; firstName: string; accountNumber: string }) =>
  `${p.lastName}, ${p.firstName} (${p.accountNumber})`;

/**
 * A/R aging from the ledger: by payer, each line's insurance balance under the payer now holding
 * it; by patient, each line's patient balance (an unapplied credit counts as current). Aged from
 * the date of service.
 */
export async function arAging(db: Executor, practiceId: number, by: AgingBy, today: string): Promise<Aging> {
  const { lines, credits } = await linesOfAr(db, practiceId);
  const balances: OpenBalance[] = [];
  if (by === 'payer') {
    const ids = [...new Set(lines.flatMap((l) => (l.payerId == null ? [] : [l.payerId])))];
    const names = new Map(
      (await inChunks(ids, (slice) => payerNames(db, practiceId, slice))).map((p) => [p.id, p.name]),
    );
    for (const l of lines)
      balances.push({
        key: l.payerId == null ? 'payer:none' : `payer:${l.payerId}`,
        label: l.payerId == null ? 'No payer' : (names.get(l.payerId) ?? `Payer ${l.payerId}`),
        serviceDate: l.serviceDate,
        cents: l.balances.insuranceBalance,
      });
  } else {
    const ids = [...new Set([...lines.map((l) => l.patientId), ...credits.map((c) => c.patientId)])];
    const names = new Map(
      (await inChunks(ids, (slice) => patientsByIds(db, practiceId, slice))).map((p) => [
        p.id,
        patientLabel(p),
      ]),
    );
    const label = (id: number) => names.get(id) ?? `Patient ${id}`;
    for (const l of lines)
      balances.push({
        key: `patient:${l.patientId}`,
        label: label(l.patientId),
        serviceDate: l.serviceDate,
        cents: l.balances.patientBalance,
      });
    for (const c of credits)
      balances.push({
        key: `patient:${c.patientId}`,
        label: label(c.patientId),
        serviceDate: today,
        cents: -c.creditCents,
      });
  }
  return ageBalances(balances, today, AR_BUCKETS);
}

export interface ArSummary {
  today: string;
  insuranceArCents: number;
  patientArCents: number;
  totalArCents: number;
  /** Charges with a date of service in the 90 days to today. */
  chargesLast90DaysCents: number;
  daysInAr: number | null;
  period: { from: string; to: string };
  chargesCents: number;
  contractualAdjustmentsCents: number;
  /** Insurance and patient payments less refunds, by the day the money moved. */
  paymentsCents: number;
  netCollectionRate: number | null;
}

/** Days in A/R (over the last 90 days) and the net collection rate over the period (default: the same 90 days). */
export async function arSummary(
  db: Executor,
  practiceId: number,
  today: string,
  period: { from?: string; to?: string } = {},
): Promise<ArSummary> {
  const { lines, credits } = await linesOfAr(db, practiceId);
  const insuranceArCents = lines.reduce((s, l) => s + l.balances.insuranceBalance, 0);
  const patientArCents =
    lines.reduce((s, l) => s + l.balances.patientBalance, 0) - credits.reduce((s, c) => s + c.creditCents, 0);
  const totalArCents = insuranceArCents + patientArCents;
  const last90 = await sumsByKind(db, practiceId, addDays(today, -89), today);
  const to = period.to ?? today;
  const from = period.from ?? addDays(to, -89);
  const inPeriod = await sumsByKind(db, practiceId, from, to);
  const chargesCents = inPeriod('charge');
  const contractualAdjustmentsCents = inPeriod('contractual_adjustment');
  const paymentsCents = inPeriod('insurance_payment') + inPeriod('patient_payment') - inPeriod('refund');
  return {
    today,
    insuranceArCents,
    patientArCents,
    totalArCents,
    chargesLast90DaysCents: last90('charge'),
    daysInAr: daysInAr(totalArCents, last90('charge')),
    period: { from, to },
    chargesCents,
    contractualAdjustmentsCents,
    paymentsCents,
    netCollectionRate: netCollectionRate(paymentsCents, chargesCents, contractualAdjustmentsCents),
  };
}

const SUMMED_KINDS = ['charge', 'contractual_adjustment', 'insurance_payment', 'patient_payment', 'refund'];

async function sumsByKind(db: Executor, practiceId: number, from: string, to: string) {
  const rows = await db
    .select({ kind: ledgerEntry.kind, cents: sql<string>`sum(${ledgerEntry.amountCents})::text` })
    .from(ledgerEntry)
    .where(
      and(
        eq(ledgerEntry.practiceId, practiceId),
        inArray(ledgerEntry.kind, SUMMED_KINDS),
        gte(ledgerEntry.effectiveDate, from),
        lte(ledgerEntry.effectiveDate, to),
      ),
    )
    .groupBy(ledgerEntry.kind);
  const byKind = new Map(rows.map((r) => [r.kind, Number(r.cents)]));
  return (kind: string) => byKind.get(kind) ?? 0;
}
