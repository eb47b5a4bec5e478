// The follow-up queue: claims someone must act on (a 277 saying denied, information requested,
// rejected …), with why, who owns it and when to look again. Items are closed with a note, never deleted.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { claimLabels } from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { followUp, followUpEvent } from './tables.ts';

export type FollowUpRow = typeof followUp.$inferSelect;

export interface NewFollowUp {
  practiceId: number;
  /** The claim it is about, or (a patient balance) the patient. */
  claimId: number | null;
  patientId?: number | null;
  /** The claim's payer, for the queue's payer filter. */
  payerId?: number | null;
  /** Which queue: claim-status (a 277 that needs action), no-response, underpayments, rejections, patient-balances … */
  queue: string;
  /** The code behind it, e.g. F2:88. */
  reasonCode: string;
  /** In words, with what to do. */
  reason: string;
  /** Where it came from (the inquiry and inbound file, say). */
  source?: unknown;
  nextFollowUpOn?: string;
  /** The money at stake (cents) and the deadline. */
  amountCents?: number;
  dueOn?: string | null;
}

/**
 * Opens an item in the caller's transaction, with its audit and its first history event; a claim
 * (or patient) already open in the queue for the same reason gets no second one (a 277 applied
 * twice, or asked again and answered the same; a queue refreshed twice).
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
        item.claimId === null
          ? and(isNull(followUp.claimId), eq(followUp.patientId, item.patientId ?? -1))
          : eq(followUp.claimId, item.claimId),
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
  await tx.insert(followUpEvent).values({
    followUpId: row!.id,
    userId: actor.userId,
    kind: 'opened',
    note: item.reason,
    detail: { amountCents: item.amountCents ?? 0, dueOn: item.dueOn ?? null },
  });
  await recordAudit(tx, actor, {
    practiceId: item.practiceId,
    action: 'create',
    entity: 'follow_up',
    entityId: row!.id,
    after: {
      claimId: item.claimId,
      patientId: item.patientId ?? null,
      queue: item.queue,
      reasonCode: item.reasonCode,
    },
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
    return closeFollowUpIn(tx, row, note, actor, now);
  });
}

/**
 * Closes an open item (locked by the caller) in the caller's transaction: its state and status
 * done, a closed event in its history, the audit. The queue refresh closes items whose cause went away.
 */
export async function closeFollowUpIn(
  tx: Executor,
  row: Pick<FollowUpRow, 'id' | 'practiceId'>,
  note: string,
  actor: AuditActor,
  now: Date,
): Promise<FollowUpRow> {
  const [closed] = await tx
    .update(followUp)
    .set({ state: 'done', status: 'done', closedAt: now, closedBy: actor.userId, closeNote: note })
    .where(eq(followUp.id, row.id))
    .returning();
  await tx.insert(followUpEvent).values({ followUpId: row.id, userId: actor.userId, kind: 'closed', note });
  await recordAudit(tx, actor, {
    practiceId: row.practiceId,
    action: 'update',
    entity: 'follow_up',
    entityId: row.id,
    before: { state: 'open' },
    after: { state: 'done' },
    detail: { note },
  });
  return closed!;
}
