// The follow-up queue: claims someone must act on (a 277 saying denied, information requested,
// rejected …), with why, who owns it and when to look again. Items are closed with a note, never deleted.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { claimLabels } from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { followUp } from './tables.ts';

export type FollowUpRow = typeof followUp.$inferSelect;

export interface NewFollowUp {
  practiceId: number;
  claimId: number;
  /** Which queue: claim-status (a 277 that needs action) … */
  queue: string;
  /** The code behind it, e.g. F2:88. */
  reasonCode: string;
  /** In words, with what to do. */
  reason: string;
  /** Where it came from (the inquiry and inbound file, say). */
  source?: unknown;
  nextFollowUpOn?: string;
}

/**
 * Opens an item in the caller's transaction, with its audit; a claim already open in the queue for
 * the same reason gets no second one (a 277 applied twice, or asked again and answered the same).
 */
export async function openFollowUp(
  tx: Executor,
  item: NewFollowUp,
  actor: AuditActor,
): Promise<{ id: number; opened: boolean }> {
  const [open] = await tx
    .select({ id: followUp.id })
    .from(followUp)
    .where(
      and(
        eq(followUp.claimId, item.claimId),
        eq(followUp.queue, item.queue),
        eq(followUp.reasonCode, item.reasonCode),
        eq(followUp.state, 'open'),
      ),
    );
  if (open) return { id: open.id, opened: false };
  const [row] = await tx
    .insert(followUp)
    .values({ ...item, source: item.source ?? null, state: 'open' })
    .returning({ id: followUp.id });
  await recordAudit(tx, actor, {
    practiceId: item.practiceId,
    action: 'create',
    entity: 'follow_up',
    entityId: row!.id,
    after: { claimId: item.claimId, queue: item.queue, reasonCode: item.reasonCode },
  });
  return { id: row!.id, opened: true };
}

export interface FollowUpView {
  id: number;
  practiceId: number;
  claimId: number | null;
  patientControlNumber: string;
  patientName: string;
  payerName: string;
  queue: string;
  reasonCode: string;
  reason: string;
  source: unknown;
  state: string;
  openedAt: Date;
  nextFollowUpOn: string | null;
  owner: number | null;
  closedAt: Date | null;
  closeNote: string | null;
}

/** The queue of the user's practices, newest first, each claim named by its patient and payer. */
export async function listFollowUps(
  db: Executor,
  practiceScope: number[],
  filter: { queue?: string; state?: string; claimId?: number } = {},
): Promise<FollowUpView[]> {
  const rows = await db
    .select()
    .from(followUp)
    .where(
      and(
        inArray(followUp.practiceId, practiceScope.length ? practiceScope : [-1]),
        filter.queue ? eq(followUp.queue, filter.queue) : undefined,
        filter.state ? eq(followUp.state, filter.state) : undefined,
        filter.claimId ? eq(followUp.claimId, filter.claimId) : undefined,
      ),
    )
    .orderBy(desc(followUp.openedAt), desc(followUp.id))
    .limit(500);
  const labels = await claimLabels(
    db,
    rows.flatMap((r) => (r.claimId === null ? [] : [r.claimId])),
  );
  return rows.map((r) => {
    const l = labels.find((x) => x.claimId === r.claimId);
    return {
      id: r.id,
      practiceId: r.practiceId,
      claimId: r.claimId,
      patientControlNumber: l?.patientControlNumber ?? '',
      patientName: l?.patientName ?? '',
      payerName: l?.payerName ?? '',
      queue: r.queue,
      reasonCode: r.reasonCode,
      reason: r.reason,
      source: r.source,
      state: r.state,
      openedAt: r.openedAt,
      nextFollowUpOn: r.nextFollowUpOn,
      owner: r.owner,
      closedAt: r.closedAt,
      closeNote: r.closeNote,
    };
  });
}

/** Closes an open item of the user's practices with what was done, audited. */
export async function closeFollowUp(
  db: Db,
  id: number,
  practiceScope: number[],
  note: string,
  actor: AuditActor,
  now: Date,
): Promise<FollowUpRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(followUp)
      .where(
        and(eq(followUp.id, id), inArray(followUp.practiceId, practiceScope.length ? practiceScope : [-1])),
      )
      .for('update');
    if (!row) throw notFound('follow-up item');
    if (row.state !== 'open') throw conflict(`follow-up item ${id} is already ${row.state}`);
    const [closed] = await tx
      .update(followUp)
      .set({ state: 'done', closedAt: now, closedBy: actor.userId, closeNote: note })
      .where(eq(followUp.id, id))
      .returning();
    await recordAudit(tx, actor, {
      practiceId: row.practiceId,
      action: 'update',
      entity: 'follow_up',
      entityId: id,
      before: { state: 'open' },
      after: { state: 'done' },
      detail: { note },
    });
    return closed!;
  });
}
