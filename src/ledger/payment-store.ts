import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { serviceLinesByIds } from '../encounters/index.ts';
import { conflict, invalid, type FieldError } from '../shared/problem.ts';
import type { NewLedgerEntry } from './entries.ts';
import { balancesOf } from './kinds.ts';
import {
  allocatePayment,
  creditsByPayment,
  drawCredits,
  type ChosenLine,
  type OwedLine,
  type PaymentMethod,
} from './payments.ts';
import { entriesOfPatient, postEntries, type LedgerActor } from './store.ts';
import { ledgerEntry, patientPayment } from './tables.ts';

export type PatientPaymentRow = typeof patientPayment.$inferSelect;

/** pg_advisory_xact_lock's first key for a patient's payments and credits (the second is the patient). */
const PATIENT_MONEY_LOCK = 7_201;

/**
 * Two payments for one patient posted at once would both see the same amount owed and pay it
 * twice: each posting holds the patient's lock until its transaction ends.
 */
async function lockPatient(tx: Executor, patientId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${PATIENT_MONEY_LOCK}, ${patientId})`);
}

const auditActor = (a: LedgerActor) => ({
  userId: a.userId,
  userEmail: a.userEmail ?? null,
  ip: a.ip ?? null,
});

/** The lines a patient owes on now, with the visit they belong to. */
export async function owedLines(db: Executor, practiceId: number, patientId: number): Promise<OwedLine[]> {
  const rows = await db
    .select({
      serviceLineId: ledgerEntry.serviceLineId,
      kind: ledgerEntry.kind,
      account: ledgerEntry.account,
      amountCents: sql<number>`sum(${ledgerEntry.amountCents})::bigint`.mapWith(Number),
    })
    .from(ledgerEntry)
    .where(
      and(
        eq(ledgerEntry.practiceId, practiceId),
        eq(ledgerEntry.patientId, patientId),
        isNotNull(ledgerEntry.serviceLineId),
      ),
    )
    .groupBy(ledgerEntry.serviceLineId, ledgerEntry.kind, ledgerEntry.account);
  const byLine = new Map<number, typeof rows>();
  for (const r of rows) byLine.set(r.serviceLineId!, [...(byLine.get(r.serviceLineId!) ?? []), r]);
  const owing = [...byLine].flatMap(([id, sums]) => {
    const owes = balancesOf(sums).patientBalance;
    return owes > 0 ? [{ id, owes }] : [];
  });
  const lines = new Map(
    (
      await serviceLinesByIds(
        db,
        owing.map((o) => o.id),
      )
    ).map((l) => [l.id, l]),
  );
  return owing.flatMap(({ id, owes }) => {
    const line = lines.get(id);
    return line
      ? [{ serviceLineId: id, encounterId: line.encounterId, serviceDate: line.serviceDate, owesCents: owes }]
      : [];
  });
}

export interface PatientPaymentInput {
  practiceId: number;
  patientId: number;
  method: PaymentMethod;
  /** The check number, or the card transaction's reference. */
  reference?: string | null;
  amountCents: number;
  receivedDate: string;
  memo?: string | null;
  /** Lines to pay, in order; left out: oldest first. */
  lines?: ChosenLine[];
}

const lineEntry = (
  base: Pick<NewLedgerEntry, 'practiceId' | 'patientId' | 'effectiveDate' | 'memo'>,
  paymentId: number,
  kind: 'patient_payment' | 'refund',
  amountCents: number,
  line?: { serviceLineId: number; encounterId: number },
): NewLedgerEntry => ({
  ...base,
  account: 'patient',
  kind,
  amountCents,
  serviceLineId: line?.serviceLineId ?? null,
  encounterId: line?.encounterId ?? null,
  sourceType: 'patient_payment',
  sourceId: String(paymentId),
});

/** Records a patient's payment and posts it to the lines (what is left is a credit), in one transaction. */
export async function postPatientPayment(tx: Executor, input: PatientPaymentInput, actor: LedgerActor) {
  const errors: FieldError[] = [];
  if ((input.method === 'check' || input.method === 'card') && !input.reference?.trim())
    errors.push({
      pointer: '/reference',
      detail: input.method === 'check' ? 'the check number' : "the card transaction's reference",
    });
  await lockPatient(tx, input.patientId);
  const owed = await owedLines(tx, input.practiceId, input.patientId);
  const allocation = allocatePayment(owed, input.amountCents, input.lines);
  errors.push(...allocation.errors);
  if (errors.length) throw invalid(errors);
  const [payment] = await tx
    .insert(patientPayment)
    .values({
      practiceId: input.practiceId,
      patientId: input.patientId,
      method: input.method,
      reference: input.reference?.trim() || null,
      amountCents: input.amountCents,
      receivedDate: input.receivedDate,
      memo: input.memo ?? null,
      userId: actor.userId,
    })
    .returning();
  const base = {
    practiceId: input.practiceId,
    patientId: input.patientId,
    effectiveDate: input.receivedDate,
    memo: input.memo ?? null,
  };
  const entries = allocation.applied.map((a) =>
    lineEntry(base, payment!.id, 'patient_payment', a.amountCents, a),
  );
  if (allocation.creditCents > 0)
    entries.push(lineEntry(base, payment!.id, 'patient_payment', allocation.creditCents));
  await postEntries(tx, entries, actor);
  await recordAudit(tx, auditActor(actor), {
    practiceId: input.practiceId,
    action: 'create',
    entity: 'patient_payment',
    entityId: payment!.id,
    after: payment,
    detail: { applied: allocation.applied, creditCents: allocation.creditCents },
  });
  return { payment: payment!, applied: allocation.applied, creditCents: allocation.creditCents };
}

async function creditsOf(tx: Executor, practiceId: number, patientId: number) {
  return creditsByPayment(await entriesOfPatient(tx, practiceId, patientId));
}

/** Applies a patient's credit to lines they owe on (chosen, or oldest first), in the caller's transaction. */
export async function applyPatientCredit(
  tx: Executor,
  input: { practiceId: number; patientId: number; lines?: ChosenLine[]; effectiveDate: string },
  actor: LedgerActor,
) {
  await lockPatient(tx, input.patientId);
  const credits = await creditsOf(tx, input.practiceId, input.patientId);
  const total = credits.reduce((s, c) => s + c.creditCents, 0);
  if (total === 0) throw invalid([{ pointer: '', detail: 'the patient has no credit to apply' }]);
  const owed = await owedLines(tx, input.practiceId, input.patientId);
  const allocation = allocatePayment(owed, total, input.lines);
  if (allocation.errors.length) throw invalid(allocation.errors);
  if (allocation.applied.length === 0)
    throw invalid([{ pointer: '', detail: 'the patient owes nothing to apply it to' }]);
  const base = {
    practiceId: input.practiceId,
    patientId: input.patientId,
    effectiveDate: input.effectiveDate,
    memo: 'credit applied',
  };
  // Each line takes from the oldest payment's credit first; the money moves off "unapplied" onto the line.
  const entries: NewLedgerEntry[] = [];
  let remaining = credits.map((c) => ({ ...c }));
  for (const a of allocation.applied) {
    for (const d of drawCredits(remaining, a.amountCents)) {
      entries.push(lineEntry(base, d.paymentId, 'patient_payment', -d.amountCents));
      entries.push(lineEntry(base, d.paymentId, 'patient_payment', d.amountCents, a));
      remaining = remaining.map((c) =>
        c.paymentId === d.paymentId ? { ...c, creditCents: c.creditCents - d.amountCents } : c,
      );
    }
  }
  await postEntries(tx, entries, actor);
  const appliedCents = allocation.applied.reduce((s, a) => s + a.amountCents, 0);
  return { applied: allocation.applied, creditCents: total - appliedCents };
}

/** Gives a patient's credit back (all of it, or an amount), oldest payment's credit first. */
export async function refundPatientCredit(
  tx: Executor,
  input: {
    practiceId: number;
    patientId: number;
    amountCents?: number;
    effectiveDate: string;
    memo?: string | null;
  },
  actor: LedgerActor,
) {
  await lockPatient(tx, input.patientId);
  const credits = await creditsOf(tx, input.practiceId, input.patientId);
  const total = credits.reduce((s, c) => s + c.creditCents, 0);
  const amount = input.amountCents ?? total;
  if (total === 0) throw invalid([{ pointer: '', detail: 'the patient has no credit to refund' }]);
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > total)
    throw invalid([{ pointer: '/amountCents', detail: `a refund is 1 to ${total} cents (the credit)` }]);
  const base = {
    practiceId: input.practiceId,
    patientId: input.patientId,
    effectiveDate: input.effectiveDate,
    memo: input.memo ?? 'credit refunded',
  };
  await postEntries(
    tx,
    drawCredits(credits, amount).map((d) => lineEntry(base, d.paymentId, 'refund', d.amountCents)),
    actor,
  );
  return { refundedCents: amount, creditCents: total - amount };
}

export async function paymentsOfPatient(db: Executor, practiceId: number, patientId: number) {
  return db
    .select()
    .from(patientPayment)
    .where(and(eq(patientPayment.practiceId, practiceId), eq(patientPayment.patientId, patientId)))
    .orderBy(desc(patientPayment.receivedDate), desc(patientPayment.id));
}

/** A payment in one of these practices, or undefined. */
export async function paymentInScope(db: Executor, id: number, scope: readonly number[]) {
  const [row] = await db
    .select()
    .from(patientPayment)
    .where(
      and(eq(patientPayment.id, id), inArray(patientPayment.practiceId, scope.length ? [...scope] : [-1])),
    );
  return row;
}

/**
 * Takes a payment back (a returned check, a card charged back): every entry it posted is
 * reversed, so what it paid is owed again and its credit is gone. A payment whose credit was
 * refunded is refused (the money already went back), as is one reversed before.
 */
export async function reversePatientPayment(
  tx: Executor,
  payment: PatientPaymentRow,
  input: { reason: string; effectiveDate: string },
  actor: LedgerActor,
) {
  await lockPatient(tx, payment.patientId);
  const own = await tx
    .select()
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.sourceType, 'patient_payment'), eq(ledgerEntry.sourceId, String(payment.id))));
  if (own.some((e) => e.kind === 'refund'))
    throw conflict("the payment's credit was refunded: it cannot be reversed");
  const reversed = new Set(own.flatMap((e) => (e.reversesEntryId == null ? [] : [e.reversesEntryId])));
  const open = own.filter((e) => e.reversesEntryId == null && !reversed.has(e.id));
  if (open.length === 0) throw conflict('the payment is already reversed');
  const rows = await postEntries(
    tx,
    open.map((e) => ({
      practiceId: e.practiceId,
      patientId: e.patientId,
      encounterId: e.encounterId,
      serviceLineId: e.serviceLineId,
      account: 'patient' as const,
      kind: e.kind as 'patient_payment',
      amountCents: -e.amountCents,
      reversesEntryId: e.id,
      effectiveDate: input.effectiveDate,
      sourceType: 'patient_payment' as const,
      sourceId: String(payment.id),
      memo: input.reason,
    })),
    actor,
  );
  await recordAudit(tx, auditActor(actor), {
    practiceId: payment.practiceId,
    action: 'reverse',
    entity: 'patient_payment',
    entityId: payment.id,
    detail: { reason: input.reason, entries: rows.length },
  });
  return { reversedEntries: rows.length };
}

/**
 * Writes off what a patient owes (a small balance, a hardship, a courtesy): on the chosen lines
 * (whole, or the amount given) or on every line they owe on, with the reason on each entry.
 */
export async function writeOffPatientBalance(
  tx: Executor,
  input: {
    practiceId: number;
    patientId: number;
    lines?: ChosenLine[];
    reason: string;
    effectiveDate: string;
  },
  actor: LedgerActor,
) {
  await lockPatient(tx, input.patientId);
  const owed = await owedLines(tx, input.practiceId, input.patientId);
  const chosen = input.lines;
  const byId = new Map(owed.map((l) => [l.serviceLineId, l]));
  const total = chosen
    ? chosen.reduce((s, c) => s + (c.amountCents ?? byId.get(c.serviceLineId)?.owesCents ?? 0), 0)
    : owed.reduce((s, l) => s + l.owesCents, 0);
  if (total <= 0) throw invalid([{ pointer: '', detail: 'the patient owes nothing to write off' }]);
  const allocation = allocatePayment(owed, total, chosen);
  if (allocation.errors.length) throw invalid(allocation.errors);
  await postEntries(
    tx,
    allocation.applied.map((a) => ({
      practiceId: input.practiceId,
      patientId: input.patientId,
      encounterId: a.encounterId,
      serviceLineId: a.serviceLineId,
      account: 'patient' as const,
      kind: 'write_off' as const,
      amountCents: a.amountCents,
      effectiveDate: input.effectiveDate,
      sourceType: 'user' as const,
      sourceId: `patient ${input.patientId}`,
      memo: input.reason,
    })),
    actor,
  );
  return { writtenOff: allocation.applied, writtenOffCents: total };
}
