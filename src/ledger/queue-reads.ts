// What the work queues read of the ledger: what the payer paid and put on the patient on each
// line (with the day it paid), and the patients billed by statement with what they owe today.
import { and, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { SUMS, toSums } from './balances.ts';
import { balancesFromSums } from './kinds.ts';
import { statementSettingsOf } from './statements/run.ts';
import { patientStatement } from './statements/tables.ts';
import { ledgerEntry } from './tables.ts';

/** Per service line: insurance paid, patient responsibility and the day of the last insurance payment. */
export async function linePayments(db: Executor, serviceLineIds: readonly number[]) {
  if (serviceLineIds.length === 0) return [];
  const rows = await db
    .select({
      serviceLineId: ledgerEntry.serviceLineId,
      paidOn: sql<
        string | null
      >`max(${ledgerEntry.effectiveDate}) filter (where ${ledgerEntry.kind} = 'insurance_payment')::text`,
      ...SUMS,
    })
    .from(ledgerEntry)
    .where(inArray(ledgerEntry.serviceLineId, [...serviceLineIds]))
    .groupBy(ledgerEntry.serviceLineId);
  return rows.map((r) => {
    const b = balancesFromSums(toSums(r));
    return {
      serviceLineId: r.serviceLineId!,
      paidCents: b.insurancePaid,
      patientResponsibilityCents: b.patientResponsibility,
      paidOn: r.paidOn,
    };
  });
}

/**
 * The practice's patients who were sent a statement: the last statement's day, the days the
 * practice gives to pay, and what each owes now (every entry of theirs, as patientBalance sums it).
 */
export async function billedPatients(db: Executor, practiceId: number) {
  const last = await db
    .select({ patientId: patientStatement.patientId, lastStatementOn: max(patientStatement.statementDate) })
    .from(patientStatement)
    .where(eq(patientStatement.practiceId, practiceId))
    .groupBy(patientStatement.patientId);
  if (last.length === 0) return [];
  const { dueInDays } = await statementSettingsOf(db, practiceId);
  const sums = await db
    .select({ patientId: ledgerEntry.patientId, ...SUMS })
    .from(ledgerEntry)
    .where(
      and(
        eq(ledgerEntry.practiceId, practiceId),
        isNotNull(ledgerEntry.patientId),
        inArray(
          ledgerEntry.patientId,
          last.map((l) => l.patientId),
        ),
      ),
    )
    .groupBy(ledgerEntry.patientId);
  const owed = new Map(sums.map((s) => [s.patientId!, balancesFromSums(toSums(s)).patientBalance]));
  return last.map((l) => ({
    practiceId,
    patientId: l.patientId,
    lastStatementOn: l.lastStatementOn!,
    dueInDays,
    balanceCents: owed.get(l.patientId) ?? 0,
  }));
}
