import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { submissionBatch } from './batch-tables.ts';

// What a transport (src/clearinghouse) needs of a batch: its file, and a way to say it was sent.

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

/** Marks a batch sent (once: a retried upload that finds it sent changes nothing), with its audit event. */
export async function markBatchSent(
  db: Db,
  batchId: number,
  actor: AuditActor,
  now: Date,
  detail: Record<string, unknown>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(submissionBatch)
      .set({ state: 'sent', sentAt: now })
      .where(and(eq(submissionBatch.id, batchId), eq(submissionBatch.state, 'generated')))
      .returning({ practiceId: submissionBatch.practiceId });
    if (!moved[0]) return false;
    await recordAudit(tx, actor, {
      practiceId: moved[0].practiceId,
      action: 'update',
      entity: 'submission_batch',
      entityId: batchId,
      before: { state: 'generated' },
      after: { state: 'sent' },
      detail,
    });
    return true;
  });
}
