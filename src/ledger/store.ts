import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit, recordAudits, type AuditEntry } from '../audit/index.ts';
import { claimServiceLines } from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { insertMany, isAnyOf, queryRaw } from '../db/raw.ts';
import { serviceLinesByIds } from '../encounters/index.ts';
import { invalid, notFound, type FieldError } from '../shared/problem.ts';
import { entryErrors, reversalError, type NewLedgerEntry } from './entries.ts';
import { ledgerEntry } from './tables.ts';

export type LedgerEntryRow = typeof ledgerEntry.$inferSelect;

/** Who posts: the audit event names them. */
export interface LedgerActor {
  userId: number | null;
  userEmail?: string | null;
  ip?: string | null;
}

const auditActor = (a: LedgerActor) => ({
  userId: a.userId,
  userEmail: a.userEmail ?? null,
  ip: a.ip ?? null,
});

/**
 * Posts entries inside the caller's transaction, with one audit event for them all. Entries are
 * checked first (kind on its account, whole cents, a line where one is needed, a reversal that
 * undoes its entry exactly); nothing is posted when one is wrong.
 */
export async function postEntries(
  tx: Executor,
  entries: readonly NewLedgerEntry[],
  actor: LedgerActor,
): Promise<LedgerEntryRow[]> {
  return (await postEntryGroups(tx, [entries], actor))[0]!;
}

/** What is inserted: every column named, in one shape (spreading entries of many shapes was slow). */
const insertRowOf = (e: NewLedgerEntry, userId: number | null) => ({
  practiceId: e.practiceId,
  patientId: e.patientId ?? null,
  encounterId: e.encounterId ?? null,
  serviceLineId: e.serviceLineId ?? null,
  claimId: e.claimId ?? null,
  payerId: e.payerId ?? null,
  account: e.account,
  kind: e.kind,
  amountCents: e.amountCents,
  effectiveDate: e.effectiveDate,
  sourceType: e.sourceType,
  sourceId: e.sourceId,
  groupCode: e.groupCode ?? null,
  reasonCode: e.reasonCode ?? null,
  remarkCodes: e.remarkCodes ?? null,
  memo: e.memo ?? null,
  reversesEntryId: e.reversesEntryId ?? null,
  userId,
});

/**
 * Posts many postings at once (the claim payments of an 835 posted together), each checked as
 * postEntries checks it and each with its own audit event: the entries go in one multi-row
 * insert, the audit events in another, in the caller's transaction. Nothing is posted when one
 * entry is wrong. Returns each posting's rows, in the order given.
 */
export async function postEntryGroups(
  tx: Executor,
  groups: readonly (readonly NewLedgerEntry[])[],
  actor: LedgerActor,
): Promise<LedgerEntryRow[][]> {
  const all = groups.flat();
  if (all.length === 0) return groups.map(() => []);
  const errors = entryErrors(all);
  let at = 0;
  for (const g of groups) {
    g.forEach((e, i) => {
      if (e.practiceId !== g[0]!.practiceId)
        errors.push({ pointer: `/${at + i}/practiceId`, detail: 'one posting is for one practice' });
    });
    at += g.length;
  }
  errors.push(...(await reversalErrors(tx, all)));
  if (errors.length) throw invalid(errors);
  // plain SQL: an 835 chunk posts thousands of entries, and drizzle's builder cost more than the database
  // only the ids come back: the rest is what was given, and posted_at is the transaction's now()
  const inserted = all.map((e) => insertRowOf(e, actor.userId));
  const ids = await insertMany(tx, ledgerEntry, inserted);
  const [{ now }] = (await queryRaw(tx, 'select now()')) as [{ now: unknown }];
  const postedAt = now instanceof Date ? now : new Date(String(now));
  // a row as drizzle would read it: what was inserted, its id and when (the transaction's now())
  const rows: LedgerEntryRow[] = inserted.map((r, i) => ({ id: ids[i]!, ...r, postedAt }));
  const out: LedgerEntryRow[][] = [];
  at = 0;
  for (const g of groups) {
    out.push(rows.slice(at, at + g.length));
    at += g.length;
  }
  await recordAudits(
    tx,
    auditActor(actor),
    out.filter((r) => r.length).map((r) => postingAudit(r[0]!.practiceId, r)),
  );
  return out;
}

async function reversalErrors(tx: Executor, entries: readonly NewLedgerEntry[]): Promise<FieldError[]> {
  const ids = entries.flatMap((e) => (e.reversesEntryId == null ? [] : [e.reversesEntryId]));
  if (ids.length === 0) return [];
  const originals = new Map(
    (await tx.select().from(ledgerEntry).where(inArray(ledgerEntry.id, ids))).map((r) => [r.id, r]),
  );
  const errors: FieldError[] = [];
  entries.forEach((e, i) => {
    if (e.reversesEntryId == null) return;
    const detail = reversalError(e, originals.get(e.reversesEntryId));
    if (detail) errors.push({ pointer: `/${i}/reversesEntryId`, detail });
  });
  return errors;
}

function postingAudit(practiceId: number, rows: LedgerEntryRow[]): AuditEntry {
  const byKind: Record<string, number> = {};
  for (const r of rows) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.amountCents;
  const sources = [...new Set(rows.map((r) => `${r.sourceType}:${r.sourceId}`))];
  return {
    practiceId,
    action: 'post',
    entity: 'ledger_entry',
    entityId: rows[0]!.id,
    detail: {
      entries: rows.length,
      firstId: rows[0]!.id,
      lastId: rows.at(-1)!.id,
      sources,
      centsByKind: byKind,
    },
  };
}

async function recordPosting(tx: Executor, actor: LedgerActor, practiceId: number, rows: LedgerEntryRow[]) {
  await recordAudit(tx, auditActor(actor), postingAudit(practiceId, rows));
}

export type ChargeTarget =
  | { claimId: number; serviceLineIds?: readonly number[] }
  | { serviceLineIds: readonly number[]; claimId?: undefined; payerId?: number | null };

/**
 * Posts the charge of each service line that has none yet (one per line however many claims
 * bill it), at the line's charge and date of service. Billed to a claim, the charge is on the
 * insurance account; a line charged with no claim or payer (self-pay) is the patient's.
 * Idempotent, and safe when two transactions race (the one-charge-per-line index decides).
 */
export async function ensureCharges(
  tx: Executor,
  target: ChargeTarget,
  actor: LedgerActor,
): Promise<LedgerEntryRow[]> {
  let claimId: number | null = null;
  let payerId: number | null = null;
  let ids: readonly number[];
  if (target.claimId !== undefined) {
    const claim = await claimServiceLines(tx, target.claimId);
    if (!claim) throw notFound('claim');
    claimId = claim.claimId;
    payerId = claim.payerId;
    ids = target.serviceLineIds ?? claim.serviceLineIds;
  } else {
    ids = target.serviceLineIds;
    payerId = target.payerId ?? null;
  }
  if (ids.length === 0) return [];
  const charged = new Set(await chargedServiceLineIds(tx, ids));
  const missing = ids.filter((id) => !charged.has(id));
  if (missing.length === 0) return [];
  const lines = await serviceLinesByIds(tx, missing);
  if (lines.length === 0) return [];
  const account = claimId == null && payerId == null ? 'patient' : 'insurance';
  const rows = await tx
    .insert(ledgerEntry)
    .values(
      lines.map((l) => ({
        practiceId: l.practiceId,
        patientId: l.patientId,
        encounterId: l.encounterId,
        serviceLineId: l.id,
        claimId,
        payerId,
        account,
        kind: 'charge',
        amountCents: l.chargeCents,
        effectiveDate: l.serviceDate,
        sourceType: claimId == null ? 'user' : 'claim',
        sourceId: claimId == null ? `encounter ${l.encounterId}` : String(claimId),
        userId: actor.userId,
      })),
    )
    .onConflictDoNothing({
      target: ledgerEntry.serviceLineId,
      where: sql`${ledgerEntry.kind} = 'charge' and ${ledgerEntry.reversesEntryId} is null`,
    })
    .returning();
  if (rows.length) await recordPosting(tx, actor, rows[0]!.practiceId, rows);
  return rows;
}

/** Every entry of a patient, oldest first (the patient ledger and the receipt read them). */
export async function entriesOfPatient(db: Executor, practiceId: number, patientId: number) {
  return db
    .select()
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.practiceId, practiceId), eq(ledgerEntry.patientId, patientId)))
    .orderBy(ledgerEntry.effectiveDate, ledgerEntry.id);
}

/** The entries a source posted (a remittance, a patient payment, a claim). */
export async function entriesOfSource(db: Executor, sourceType: string, sourceId: string) {
  return db
    .select()
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.sourceType, sourceType), eq(ledgerEntry.sourceId, sourceId)))
    .orderBy(ledgerEntry.id);
}

/** The entries of many sources of one type (the earlier payments a chunk of reversals takes back), by id. */
export async function entriesOfSources(db: Executor, sourceType: string, sourceIds: readonly string[]) {
  if (sourceIds.length === 0) return [];
  return db
    .select()
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.sourceType, sourceType), inArray(ledgerEntry.sourceId, [...sourceIds])))
    .orderBy(ledgerEntry.id);
}

/**
 * Which of these service lines the ledger has charged (their encounter lines may no longer be
 * replaced; posting need not charge them). A reversed charge keeps its original entry, so the
 * original charges alone answer, read from the one-charge-per-line index.
 */
export async function chargedServiceLineIds(
  db: Executor,
  serviceLineIds: readonly number[],
): Promise<number[]> {
  if (serviceLineIds.length === 0) return [];
  const rows = await db
    .select({ id: ledgerEntry.serviceLineId })
    .from(ledgerEntry)
    .where(
      and(
        isAnyOf(ledgerEntry.serviceLineId, serviceLineIds),
        eq(ledgerEntry.kind, 'charge'),
        isNull(ledgerEntry.reversesEntryId),
      ),
    );
  return rows.map((r) => r.id!);
}
