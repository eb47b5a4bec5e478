// What the clearinghouse needs of a 276 batch to upload it: its file, which are not sent yet, and a
// way to say it was sent or why it was not (the same contract as 837 and 270 batches).
import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../audit/index.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { claimStatusBatch } from '../status-tables.ts';

const AUDITED = 'claim_status_batch';

export const claimStatusBatchDelivery = {
  async forDelivery(db: Executor, id: number) {
    const [row] = await db
      .select({
        id: claimStatusBatch.id,
        practiceId: claimStatusBatch.practiceId,
        state: claimStatusBatch.state,
        fileName: claimStatusBatch.fileName,
        x12: claimStatusBatch.x12,
      })
      .from(claimStatusBatch)
      .where(eq(claimStatusBatch.id, id));
    return row ?? null;
  },

  /** 276 files written and not uploaded yet (state generated), oldest first. */
  async notSent(db: Executor, practiceId: number): Promise<number[]> {
    const rows = await db
      .select({ id: claimStatusBatch.id })
      .from(claimStatusBatch)
      .where(and(eq(claimStatusBatch.practiceId, practiceId), eq(claimStatusBatch.state, 'generated')))
      .orderBy(claimStatusBatch.id);
    return rows.map((r) => r.id);
  },

  /** Marks a generated 276 sent, once (false when it was not generated), with its audit. */
  async markSent(
    db: Db,
    id: number,
    actor: AuditActor,
    now: Date,
    detail: { how: string } & Record<string, unknown>,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [moved] = await tx
        .update(claimStatusBatch)
        .set({ state: 'sent', sentAt: now, uploadError: null, uploadFailedAt: null })
        .where(and(eq(claimStatusBatch.id, id), eq(claimStatusBatch.state, 'generated')))
        .returning({ practiceId: claimStatusBatch.practiceId });
      if (!moved) return false;
      await recordAudit(tx, actor, {
        practiceId: moved.practiceId,
        action: 'update',
        entity: AUDITED,
        entityId: id,
        before: { state: 'generated' },
        after: { state: 'sent' },
        detail,
      });
      return true;
    });
  },

  /** Notes why an upload failed on a 276 not sent yet, with its audit; the next try clears it. */
  async recordUploadFailure(
    db: Db,
    id: number,
    actor: AuditActor,
    now: Date,
    why: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await db.transaction(async (tx) => {
      const [failed] = await tx
        .update(claimStatusBatch)
        .set({ uploadError: why, uploadFailedAt: now })
        .where(and(eq(claimStatusBatch.id, id), eq(claimStatusBatch.state, 'generated')))
        .returning({ practiceId: claimStatusBatch.practiceId });
      if (!failed) return;
      await recordAudit(tx, actor, {
        practiceId: failed.practiceId,
        action: 'update',
        entity: AUDITED,
        entityId: id,
        detail: { ...detail, uploadError: why },
      });
    });
  },
};
