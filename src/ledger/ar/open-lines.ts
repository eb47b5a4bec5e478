import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { balancesOf, type Balances } from '../kinds.ts';
import { ledgerEntry } from '../tables.ts';

// Every service line of a practice with its balances, read in one pass: the database sums the
// entries per line, kind and account, and kinds.ts's table turns those sums into balances (the
// same arithmetic as lineBalances), so aging, statements and the ledger agree to the cent.

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
  const sums = await db
    .select({
      serviceLineId: ledgerEntry.serviceLineId,
      patientId: ledgerEntry.patientId,
      encounterId: sql<number | null>`max(${ledgerEntry.encounterId})`,
      kind: ledgerEntry.kind,
      account: ledgerEntry.account,
      amountCents: sql<string>`sum(${ledgerEntry.amountCents})::text`,
      chargeDate: sql<
        string | null
      >`min(${ledgerEntry.effectiveDate}) filter (where ${ledgerEntry.kind} = 'charge')::text`,
      firstDate: sql<string>`min(${ledgerEntry.effectiveDate})::text`,
    })
    .from(ledgerEntry)
    .where(scope)
    .groupBy(ledgerEntry.serviceLineId, ledgerEntry.patientId, ledgerEntry.kind, ledgerEntry.account);
  const payers = await db
    .selectDistinctOn([ledgerEntry.serviceLineId], {
      serviceLineId: ledgerEntry.serviceLineId,
      payerId: ledgerEntry.payerId,
    })
    .from(ledgerEntry)
    .where(and(scope, eq(ledgerEntry.account, 'insurance'), isNotNull(ledgerEntry.payerId)))
    .orderBy(ledgerEntry.serviceLineId, sql`${ledgerEntry.id} desc`);
  const payerOf = new Map(payers.map((p) => [p.serviceLineId, p.payerId]));

  type Acc = { rows: { kind: string; account: string; amountCents: number }[] } & Omit<LineOfAr, 'balances'>;
  const lines = new Map<number, Acc>();
  const unapplied = new Map<number, { kind: string; account: string; amountCents: number }[]>();
  for (const s of sums) {
    const entry = { kind: s.kind, account: s.account, amountCents: Number(s.amountCents) };
    if (s.patientId == null) continue;
    if (s.serviceLineId == null) {
      unapplied.set(s.patientId, [...(unapplied.get(s.patientId) ?? []), entry]);
      continue;
    }
    let line = lines.get(s.serviceLineId);
    if (!line)
      lines.set(
        s.serviceLineId,
        (line = {
          serviceLineId: s.serviceLineId,
          patientId: s.patientId,
          encounterId: s.encounterId == null ? null : Number(s.encounterId),
          serviceDate: s.firstDate,
          payerId: payerOf.get(s.serviceLineId) ?? null,
          rows: [],
        }),
      );
    if (s.encounterId != null) line.encounterId = Number(s.encounterId);
    if (s.chargeDate) line.serviceDate = s.chargeDate;
    else if (s.firstDate < line.serviceDate && !line.rows.some((r) => r.kind === 'charge'))
      line.serviceDate = s.firstDate;
    line.rows.push(entry);
  }
  const result: LineOfAr[] = [...lines.values()].map(({ rows, ...line }) => ({
    ...line,
    balances: balancesOf(rows),
  }));
  const credits: PatientCredit[] = [...unapplied.entries()].map(([patientId, rows]) => {
    const b = balancesOf(rows);
    return { patientId, creditCents: b.patientPaid - b.refunds };
  });
  return { lines: result, credits };
}
