import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { batchClaim, submissionBatch } from './batch-tables.ts';
import { moveClaims } from './store.ts';
import { claim } from './tables.ts';

// What a transport (src/clearinghouse) needs of a batch: its file, and a way to say it was sent
// or why it was not. A claim is submitted only when its batch's file reached the clearinghouse.

export interface BatchForDelivery {
  id: number;
  practiceId: number;
  state: string;
  fileName: string;
  x12: string;
}

export async function batchForDelivery(db: Executor, batchId: number): Promise<BatchForDelivery | null> {
  const [row] = await db
    .select({
      id: submissionBatch.id,
      practiceId: submissionBatch.practiceId,
      state: submissionBatch.state,
      fileName: submissionBatch.fileName,
      x12: submissionBatch.x12,
    })
    .from(submissionBatch)
    .where(eq(submissionBatch.id, batchId));
  return row ?? null;
}

/** Batches written but not sent yet: what a practice's connection still has to upload. */
export async function batchesNotSent(db: Executor, practiceId: number): Promise<number[]> {
  const rows = await db
    .select({ id: submissionBatch.id })
    .from(submissionBatch)
    .where(and(eq(submissionBatch.practiceId, practiceId), eq(submissionBatch.state, 'generated')))
    .orderBy(submissionBatch.id);
  return rows.map((r) => r.id);
}

/** The batch's claims still in one state, locked so a concurrent send or release waits. */
async function claimsIn(tx: Executor, batchId: number, state: string) {
  const rows = await tx
    .select({ claimId: batchClaim.claimId })
    .from(batchClaim)
    .where(eq(batchClaim.batchId, batchId));
  if (rows.length === 0) return [];
  return tx
    .select()
    .from(claim)
    .where(
      and(
        inArray(
          claim.id,
          rows.map((r) => r.claimId),
        ),
        eq(claim.state, state),
      ),
    )
    .orderBy(asc(claim.id))
    .for('update');
}

/**
 * Marks a generated batch sent inside the caller's transaction, and moves its batched claims to
 * submitted with it (each with its claim event and audit): the file reached the clearinghouse.
 * Once only: a batch already sent, answered or released changes nothing (false).
 */
export async function markBatchSentIn(
  tx: Executor,
  batchId: number,
  actor: AuditActor,
  now: Date,
  detail: Record<string, unknown> & { how: string },
): Promise<boolean> {
  const moved = await tx
    .update(submissionBatch)
    .set({ state: 'sent', sentAt: now, uploadError: null, uploadFailedAt: null })
    .where(and(eq(submissionBatch.id, batchId), eq(submissionBatch.state, 'generated')))
    .returning({ practiceId: submissionBatch.practiceId });
  if (!moved[0]) return false;
  const claims = await claimsIn(tx, batchId, 'batched');
  await moveClaims(tx, claims, 'submitted', actor, `batch ${batchId} sent: ${detail.how}`, { batchId });
  await recordAudit(tx, actor, {
    practiceId: moved[0].practiceId,
    action: 'update',
    entity: 'submission_batch',
    entityId: batchId,
    before: { state: 'generated' },
    after: { state: 'sent' },
    detail: { ...detail, submitted: claims.map((c) => c.id) },
  });
  return true;
}

/** Marks a batch sent in its own transaction (an upload that succeeded, a biller who sent it by hand). */
export async function markBatchSent(
  db: Db,
  batchId: number,
  actor: AuditActor,
  now: Date,
  detail: Record<string, unknown> & { how: string },
): Promise<boolean> {
  return db.transaction((tx) => markBatchSentIn(tx as unknown as Executor, batchId, actor, now, detail));
}

/**
 * Notes on a batch not yet sent why its upload failed, with an audit event: the biller sees it on
 * the batch and on each of its claims, which stay batched (never submitted) until a retry sends
 * it or the biller releases them.
 */
export async function recordUploadFailure(
  db: Db,
  batchId: number,
  actor: AuditActor,
  now: Date,
  error: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const failed = await tx
      .update(submissionBatch)
      .set({ uploadError: error, uploadFailedAt: now })
      .where(and(eq(submissionBatch.id, batchId), eq(submissionBatch.state, 'generated')))
      .returning({ practiceId: submissionBatch.practiceId });
    if (!failed[0]) return;
    await recordAudit(tx, actor, {
      practiceId: failed[0].practiceId,
      action: 'update',
      entity: 'submission_batch',
      entityId: batchId,
      detail: { ...detail, uploadError: error },
    });
  });
}

/**
 * Releases a batch that was never sent: the batch becomes released (its file is kept, and never
 * uploaded) and its claims go back to ready, to be batched again. Refused once the batch was sent.
 */
export async function releaseBatch(
  db: Db,
  batchId: number,
  practiceScope: number[],
  actor: AuditActor,
): Promise<{ batchId: number; released: number[] }> {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .select({ state: submissionBatch.state, practiceId: submissionBatch.practiceId })
      .from(submissionBatch)
      .where(
        and(eq(submissionBatch.id, batchId), inArray(submissionBatch.practiceId, [-1, ...practiceScope])),
      )
      .for('update');
    if (!batch) throw notFound('batch');
    if (batch.state !== 'generated')
      throw conflict(`batch ${batchId} is ${batch.state}: only a batch not sent yet can be released`);
    await tx.update(submissionBatch).set({ state: 'released' }).where(eq(submissionBatch.id, batchId));
    const claims = await claimsIn(tx as unknown as Executor, batchId, 'batched');
    await moveClaims(tx, claims, 'ready', actor, `released from batch ${batchId}, which was not sent`, {
      batchId,
    });
    await recordAudit(tx, actor, {
      practiceId: batch.practiceId,
      action: 'update',
      entity: 'submission_batch',
      entityId: batchId,
      before: { state: 'generated' },
      after: { state: 'released' },
      detail: { released: claims.map((c) => c.id) },
    });
    return { batchId, released: claims.map((c) => c.id) };
  });
}

/** The batch a claim is waiting in (batched: written, not sent), with why its upload failed. */
export async function pendingBatchOf(db: Executor, claimId: number) {
  const [row] = await db
    .select({
      batchId: submissionBatch.id,
      state: submissionBatch.state,
      uploadError: submissionBatch.uploadError,
      uploadFailedAt: submissionBatch.uploadFailedAt,
    })
    .from(batchClaim)
    .innerJoin(submissionBatch, eq(submissionBatch.id, batchClaim.batchId))
    .where(and(eq(batchClaim.claimId, claimId), eq(submissionBatch.state, 'generated')));
  return row ?? null;
}

/** The batches not sent yet these claims wait in (an acknowledgment for them proves they were sent). */
export async function unsentBatchesOf(tx: Executor, claimIds: number[]): Promise<number[]> {
  if (claimIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: submissionBatch.id })
    .from(batchClaim)
    .innerJoin(submissionBatch, eq(submissionBatch.id, batchClaim.batchId))
    .where(and(inArray(batchClaim.claimId, claimIds), eq(submissionBatch.state, 'generated')));
  return rows.map((r) => r.id);
}
