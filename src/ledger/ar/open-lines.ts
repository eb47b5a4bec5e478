import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { SUMS, toSums } from '../balances.ts';
import { balancesFromSums, type Balances } from '../kinds.ts';
import { ledgerEntry } from '../tables.ts';

// Every service line of a practice with its balances, in one grouped query: the same SQL sums
// as lineBalances (built from kinds.ts's table), so aging, statements and the ledger agree to
// the cent.

export interface LineOfAr {
  serviceLineId: number;
  patientId: number;
  encounterId: number | null;
  /** The charge's effective date, which is the line's date of service. */
  serviceDate: string;
  /** The payer now holding the insurance balance: the one on the line's latest insurance entry. */
  payerId: number | null;
  balances: Balances;
}

export interface PatientCredit {
  patientId: number;
  /** Money paid and not applied to a line (nor refunded), positive cents. */
  creditCents: number;
}

export async function linesOfAr(db: Executor, practiceId: number, patientIds?: readonly number[]) {
  const scope = and(
    eq(ledgerEntry.practiceId, practiceId),
    ne(ledgerEntry.account, 'payer'),
    patientIds ? inArray(ledgerEntry.patientId, patientIds.length ? [...patientIds] : [0]) : undefined,
  );
  const rows = await db
    .select({
      serviceLineId: ledgerEntry.serviceLineId,
      patientId: ledgerEntry.patientId,
      encounterId: sql<string | null>`max(${ledgerEntry.encounterId})::text`,
      // a line's date of service is its charge's date; before a charge, its first entry's
      serviceDate: sql<string>`coalesce(min(${ledgerEntry.effectiveDate}) filter (where ${ledgerEntry.kind} = 'charge'), min(${ledgerEntry.effectiveDate}))::text`,
      // the payer of the line's latest insurance entry that names one
      payerId: sql<
        string | null
      >`(array_agg(${ledgerEntry.payerId} order by ${ledgerEntry.id} desc) filter (where ${ledgerEntry.account} = 'insurance' and ${ledgerEntry.payerId} is not null))[1]::text`,
      ...SUMS,
    })
    .from(ledgerEntry)
    .where(and(scope, isNotNull(ledgerEntry.serviceLineId), isNotNull(ledgerEntry.patientId)))
    .groupBy(ledgerEntry.serviceLineId, ledgerEntry.patientId);
  const lines: LineOfAr[] = rows.map((r) => ({
    serviceLineId: r.serviceLineId!,
    patientId: r.patientId!,
    encounterId: r.encounterId == null ? null : Number(r.encounterId),
    serviceDate: r.serviceDate,
    payerId: r.payerId == null ? null : Number(r.payerId),
    balances: balancesFromSums(toSums(r)),
  }));
  const unapplied = await db
    .select({ patientId: ledgerEntry.patientId, ...SUMS })
    .from(ledgerEntry)
    .where(and(scope, isNull(ledgerEntry.serviceLineId), isNotNull(ledgerEntry.patientId)))
    .groupBy(ledgerEntry.patientId);
  const credits: PatientCredit[] = unapplied
    .map((r) => {
      const b = balancesFromSums(toSums(r));
      return { patientId: r.patientId!, creditCents: b.patientPaid - b.refunds };
    })
    .filter((c) => c.creditCents !== 0);
  return { lines, credits };
}
