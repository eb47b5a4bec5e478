// The patient ledger as a person reads it: visits, their lines and balances, and the payments.
import type { Executor } from '../db/connection.ts';
import { serviceLinesByIds, serviceLinesOfPatient } from '../encounters/index.ts';
import { balancesOf, type Balances } from './kinds.ts';
import { creditsByPayment } from './payments.ts';
import { paymentsOfPatient, type PatientPaymentRow } from './payment-store.ts';
import { entriesOfPatient, type LedgerEntryRow } from './store.ts';

/** What one payment did: paid on lines, still unapplied (credit), given back. */
export function paymentUse(payment: { id: number }, entries: readonly LedgerEntryRow[]) {
  const own = entries.filter((e) => e.sourceType === 'patient_payment' && e.sourceId === String(payment.id));
  const byLine = new Map<number, number>();
  for (const e of own)
    if (e.kind === 'patient_payment' && e.serviceLineId != null)
      byLine.set(e.serviceLineId, (byLine.get(e.serviceLineId) ?? 0) + e.amountCents);
  const credit = creditsByPayment(own)[0]?.creditCents ?? 0;
  const refundedCents = own.filter((e) => e.kind === 'refund').reduce((s, e) => s + e.amountCents, 0);
  const reversedIds = new Set(own.flatMap((e) => (e.reversesEntryId == null ? [] : [e.reversesEntryId])));
  const reversed = own.length > 0 && own.every((e) => e.reversesEntryId != null || reversedIds.has(e.id));
  return {
    reversed,
    lines: [...byLine]
      .filter(([, c]) => c !== 0)
      .map(([serviceLineId, amountCents]) => ({ serviceLineId, amountCents })),
    creditCents: credit,
    refundedCents,
  };
}

export async function patientLedger(db: Executor, practiceId: number, patientId: number) {
  const entries = await entriesOfPatient(db, practiceId, patientId);
  const ids = [...new Set(entries.flatMap((e) => (e.serviceLineId == null ? [] : [e.serviceLineId])))];
  const lines = await serviceLinesByIds(db, ids);
  const visits: {
    encounterId: number;
    visitDate: string;
    lines: (Balances & {
      serviceLineId: number;
      lineNumber: number;
      serviceDate: string;
      procedureCode: string;
      modifiers: string[];
      revenueCode: string | null;
    })[];
    totals: Balances;
  }[] = [];
  for (const l of lines) {
    let visit = visits.at(-1);
    if (visit?.encounterId !== l.encounterId) {
      visit = { encounterId: l.encounterId, visitDate: l.visitDate, lines: [], totals: balancesOf([]) };
      visits.push(visit);
    }
    const own = entries.filter((e) => e.serviceLineId === l.id);
    visit.lines.push({
      serviceLineId: l.id,
      lineNumber: l.lineNumber,
      serviceDate: l.serviceDate,
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      revenueCode: l.revenueCode,
      ...balancesOf(own),
    });
  }
  for (const v of visits) {
    const lineIds = new Set(v.lines.map((l) => l.serviceLineId));
    v.totals = balancesOf(entries.filter((e) => e.serviceLineId != null && lineIds.has(e.serviceLineId)));
  }
  const payments = (await paymentsOfPatient(db, practiceId, patientId)).map((p: PatientPaymentRow) => ({
    ...p,
    ...paymentUse(p, entries),
  }));
  // Visits nothing of which is charged yet: billed to insurance when their claim leaves, or to the patient by hand.
  const charged = new Set(ids);
  const unbilled = new Map<
    number,
    { encounterId: number; visitDate: string; lines: number; chargeCents: number }
  >();
  for (const l of await serviceLinesOfPatient(db, practiceId, patientId)) {
    if (lines.some((c) => c.encounterId === l.encounterId) || charged.has(l.id)) continue;
    const v = unbilled.get(l.encounterId) ?? {
      encounterId: l.encounterId,
      visitDate: l.visitDate,
      lines: 0,
      chargeCents: 0,
    };
    v.lines += 1;
    v.chargeCents += l.chargeCents;
    unbilled.set(l.encounterId, v);
  }
  const totals = balancesOf(entries);
  const creditCents = creditsByPayment(entries).reduce((s, c) => s + c.creditCents, 0);
  return {
    patientId,
    practiceId,
    totals: { ...totals, creditCents },
    visits,
    unbilledVisits: [...unbilled.values()],
    payments,
  };
}
