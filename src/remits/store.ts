// Storage of 835 files, their remittances and claim payments. The unique key on remittance
// (practice, payer, TRN02, BPR02) and the pending → posted step of each claim payment, taken in
// the transaction that posts its entries, are what make an ERA post exactly once.
import { and, asc, eq, inArray, not, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { insertMany, isAnyOf } from '../db/raw.ts';
import { eraFile, remittance, remittanceClaim } from './tables.ts';

export type RemittanceRow = typeof remittance.$inferSelect;
export type RemittanceClaimRow = typeof remittanceClaim.$inferSelect;
export type NewRemittanceClaim = typeof remittanceClaim.$inferInsert;

/** Claim payments an insert takes: each carries its parsed CLP loop as JSON, so a statement stays a few MB. */
const CHUNK = 5_000;

/** Stores an 835 file and returns its id (not the row: its text would come back whole, 14 MB for 50,000 claims). */
export async function insertEraFile(
  tx: Executor,
  values: typeof eraFile.$inferInsert,
): Promise<{ id: number }> {
  const [row] = await tx.insert(eraFile).values(values).returning({ id: eraFile.id });
  return row!;
}

/** Stores a remittance unless the same payment is already stored; `created` says which. */
export async function insertRemittance(
  tx: Executor,
  values: typeof remittance.$inferInsert,
): Promise<{ row: RemittanceRow; created: boolean }> {
  const [row] = await tx.insert(remittance).values(values).onConflictDoNothing().returning();
  if (row) return { row, created: true };
  const [existing] = await tx
    .select()
    .from(remittance)
    .where(
      and(
        eq(remittance.practiceId, values.practiceId),
        eq(remittance.payerIdentifier, values.payerIdentifier),
        eq(remittance.traceNumber, values.traceNumber),
        eq(remittance.paymentCents, values.paymentCents),
      ),
    );
  return { row: existing as RemittanceRow, created: false };
}

/**
 * Stores claim payments (by plain SQL: an 835 chunk's carry their parsed CLP loops) and returns
 * them as stored, in the order given: each as given with its id, what was left out null (the
 * table has no other default), so nothing is read back.
 */
export async function insertRemittanceClaims(
  tx: Executor,
  rows: NewRemittanceClaim[],
): Promise<RemittanceClaimRow[]> {
  const stored: RemittanceClaimRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const ids = await insertMany(tx, remittanceClaim, part);
    part.forEach((r, n) =>
      stored.push({
        id: ids[n]!,
        practiceId: r.practiceId,
        remittanceId: r.remittanceId,
        sequence: r.sequence,
        patientControlNumber: r.patientControlNumber,
        status: r.status,
        chargeCents: r.chargeCents,
        paidCents: r.paidCents,
        patientResponsibilityCents: r.patientResponsibilityCents,
        payerClaimNumber: r.payerClaimNumber ?? null,
        balanced: r.balanced,
        claimId: r.claimId ?? null,
        matchedBy: r.matchedBy ?? null,
        lineMatches: r.lineMatches ?? null,
        state: r.state,
        note: r.note ?? null,
        postedAt: r.postedAt ?? null,
        postedBy: r.postedBy ?? null,
        payment: r.payment,
      }),
    );
  }
  return stored;
}

/** The 835 text a remittance was read from (to store what a stopped posting left unstored). */
export async function eraFileText(db: Executor, eraFileId: number): Promise<string | undefined> {
  const [row] = await db.select({ rawText: eraFile.rawText }).from(eraFile).where(eq(eraFile.id, eraFileId));
  return row?.rawText;
}

export async function claimPaymentsOf(db: Executor, remittanceId: number): Promise<RemittanceClaimRow[]> {
  return db
    .select()
    .from(remittanceClaim)
    .where(eq(remittanceClaim.remittanceId, remittanceId))
    .orderBy(asc(remittanceClaim.sequence));
}

/** A remittance's claim payments without their 835 content: which wait, which are posted. */
export async function claimPaymentStates(db: Executor, remittanceId: number) {
  return db
    .select({
      id: remittanceClaim.id,
      sequence: remittanceClaim.sequence,
      claimId: remittanceClaim.claimId,
      state: remittanceClaim.state,
    })
    .from(remittanceClaim)
    .where(eq(remittanceClaim.remittanceId, remittanceId))
    .orderBy(asc(remittanceClaim.sequence));
}

/** A remittance's claim payments matched and waiting to post, in 835 order. */
export async function pendingClaimPayments(db: Executor, remittanceId: number) {
  return db
    .select({ id: remittanceClaim.id, claimId: remittanceClaim.claimId })
    .from(remittanceClaim)
    .where(
      and(
        eq(remittanceClaim.remittanceId, remittanceId),
        eq(remittanceClaim.state, 'pending'),
        sql`${remittanceClaim.claimId} is not null`,
      ),
    )
    .orderBy(asc(remittanceClaim.sequence));
}

export async function claimPaymentsByIds(db: Executor, ids: number[]): Promise<RemittanceClaimRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(remittanceClaim)
    .where(isAnyOf(remittanceClaim.id, ids))
    .orderBy(asc(remittanceClaim.sequence));
}

export async function remittanceById(db: Executor, id: number): Promise<RemittanceRow | undefined> {
  const [row] = await db.select().from(remittance).where(eq(remittance.id, id));
  return row;
}

export async function claimPaymentById(db: Executor, id: number): Promise<RemittanceClaimRow | undefined> {
  const [row] = await db.select().from(remittanceClaim).where(eq(remittanceClaim.id, id));
  return row;
}

/**
 * Takes pending claim payments for posting inside the transaction that posts them, in one
 * statement: only one transaction can take each, and if it rolls back (or the process dies) they
 * are all pending again. Returns the ids taken (those not returned were posted already).
 */
export async function takeForPosting(
  tx: Executor,
  ids: readonly number[],
  userId: number | null,
): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .update(remittanceClaim)
    .set({ state: 'posted', postedAt: new Date(), postedBy: userId })
    .where(and(isAnyOf(remittanceClaim.id, ids), eq(remittanceClaim.state, 'pending')))
    .returning({ id: remittanceClaim.id });
  return new Set(rows.map((r) => r.id));
}

/** Claim payments of these claims posted before, but none of `exceptIds` (what reversals take back). */
export async function postedPaymentsOfClaims(
  tx: Executor,
  claimIds: readonly number[],
  exceptIds: readonly number[],
): Promise<RemittanceClaimRow[]> {
  if (!claimIds.length) return [];
  return tx
    .select()
    .from(remittanceClaim)
    .where(
      and(
        isAnyOf(remittanceClaim.claimId, claimIds),
        eq(remittanceClaim.state, 'posted'),
        exceptIds.length ? not(isAnyOf(remittanceClaim.id, exceptIds)) : undefined,
      ),
    )
    .orderBy(asc(remittanceClaim.id));
}

export async function setClaimPayment(
  tx: Executor,
  id: number,
  values: Partial<Pick<RemittanceClaimRow, 'claimId' | 'matchedBy' | 'lineMatches' | 'state' | 'note'>>,
): Promise<void> {
  await tx.update(remittanceClaim).set(values).where(eq(remittanceClaim.id, id));
}

/** Held claim payments of a remittance that balance on their own become pending (the user chose to post them). */
export async function releaseBalancedHeld(tx: Executor, remittanceId: number): Promise<number> {
  const rows = await tx
    .update(remittanceClaim)
    .set({ state: sql`case when ${remittanceClaim.claimId} is null then 'unmatched' else 'pending' end` })
    .where(
      and(
        eq(remittanceClaim.remittanceId, remittanceId),
        eq(remittanceClaim.state, 'held'),
        eq(remittanceClaim.balanced, true),
      ),
    )
    .returning({ id: remittanceClaim.id });
  return rows.length;
}

/** Takes the PLB adjustments of a remittance for posting (once). */
export async function takeProviderAdjustments(tx: Executor, remittanceId: number): Promise<boolean> {
  const rows = await tx
    .update(remittance)
    .set({ providerAdjustmentsPostedAt: new Date() })
    .where(and(eq(remittance.id, remittanceId), sql`${remittance.providerAdjustmentsPostedAt} is null`))
    .returning({ id: remittance.id });
  return rows.length === 1;
}

export async function setRemittance(
  db: Executor,
  id: number,
  values: Partial<Pick<RemittanceRow, 'state' | 'payerId'>>,
): Promise<void> {
  await db.update(remittance).set(values).where(eq(remittance.id, id));
}

export async function setEraFileStatus(db: Executor, id: number, status: string): Promise<void> {
  await db.update(eraFile).set({ status }).where(eq(eraFile.id, id));
}

/** Counts of a remittance's claim payments by state. */
export async function claimStateCounts(db: Executor, remittanceIds: number[]) {
  if (!remittanceIds.length) return [];
  return db
    .select({
      remittanceId: remittanceClaim.remittanceId,
      state: remittanceClaim.state,
      count: sql<number>`count(*)::int`,
    })
    .from(remittanceClaim)
    .where(inArray(remittanceClaim.remittanceId, remittanceIds))
    .groupBy(remittanceClaim.remittanceId, remittanceClaim.state);
}
