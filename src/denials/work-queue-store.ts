// Working the queue items: one paged query over follow_up (index-friendly: practice, queue, state
// and the sort column lead), changes to owner, status, next date and notes each written to the
// item's history with who and when, bulk assignment, and a user's saved filters. Every change is
// audited in its transaction.
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { recordAudit, recordAudits, type AuditActor } from '../audit/index.ts';
import { userNameOf, usersGrantedIn } from '../auth/index.ts';
import { claimLabels } from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { countUpTo, eachPracticeFirst } from '../db/scoped-page.ts';
import { patientFieldsOf } from '../patients/index.ts';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import { closeFollowUpIn, type FollowUpRow } from './follow-ups.ts';
import { followUp, followUpEvent, savedFilter } from './tables.ts';
import type { ItemStatus } from './work-queues.ts';

export interface WorkItemFilter {
  queue?: string;
  owner?: number;
  /** open, in-progress, waiting (open items) or done (closed ones); open items of any status when left out. */
  status?: ItemStatus;
  payerId?: number;
  minAmount?: number;
  /** Items due on or before this day. */
  due?: string;
  sort?: 'amount' | 'due' | 'opened';
  page?: number;
  pageSize?: number;
}

const inScope = (scope: readonly number[]) => inArray(followUp.practiceId, scope.length ? [...scope] : [-1]);

function whereOf(scope: readonly number[], f: WorkItemFilter): SQL | undefined {
  return and(
    inScope(scope),
    f.queue ? eq(followUp.queue, f.queue) : undefined,
    f.status === 'done' ? eq(followUp.state, 'done') : eq(followUp.state, 'open'),
    f.status && f.status !== 'done' ? eq(followUp.status, f.status) : undefined,
    f.owner ? eq(followUp.owner, f.owner) : undefined,
    f.payerId ? eq(followUp.payerId, f.payerId) : undefined,
    f.minAmount !== undefined ? gte(followUp.amountCents, f.minAmount) : undefined,
    f.due ? lte(followUp.dueOn, f.due) : undefined,
  );
}

const ORDER = {
  amount: [desc(followUp.amountCents), asc(followUp.id)],
  due: [sql`${followUp.dueOn} asc nulls last`, asc(followUp.id)],
  opened: [desc(followUp.openedAt), desc(followUp.id)],
} as const;

export interface WorkItemView {
  id: number;
  practiceId: number;
  queue: string;
  claimId: number | null;
  patientId: number | null;
  patientControlNumber: string;
  patientName: string;
  payerId: number | null;
  payerName: string;
  reasonCode: string;
  reason: string;
  amountCents: number;
  dueOn: string | null;
  status: string;
  state: string;
  owner: number | null;
  ownerName: string | null;
  nextFollowUpOn: string | null;
  openedAt: Date;
  closedAt: Date | null;
  closeNote: string | null;
}

async function itemsWhere(
  db: Executor,
  where: SQL | undefined,
  sort: keyof typeof ORDER,
  limit: number,
  offset: number,
): Promise<WorkItemView[]> {
  // The page's ids first, then names for those rows only: with the names in the paged query itself
  // PostgreSQL looks them up for every skipped row too (2,500 lookups on page 50).
  const pageIds = db
    .select({ id: followUp.id })
    .from(followUp)
    .where(where)
    .orderBy(...ORDER[sort])
    .limit(limit)
    .offset(offset);
  const rows = await db
    .select({
      row: followUp,
      patientName: patientFieldsOf(followUp.patientId).name,
      ownerName: userNameOf(followUp.owner),
    })
    .from(followUp)
    .where(inArray(followUp.id, pageIds))
    .orderBy(...ORDER[sort]);
  const labels = await claimLabels(
    db,
    rows.flatMap((r) => (r.row.claimId === null ? [] : [r.row.claimId])),
  );
  return rows.map(({ row: r, patientName, ownerName }) => {
    const l = labels.find((x) => x.claimId === r.claimId);
    return {
      id: r.id,
      practiceId: r.practiceId,
      queue: r.queue,
      claimId: r.claimId,
      patientId: r.patientId,
      patientControlNumber: l?.patientControlNumber ?? '',
      patientName: l?.patientName ?? patientName ?? '',
      payerId: r.payerId ?? l?.payerId ?? null,
      payerName: l?.payerName ?? '',
      reasonCode: r.reasonCode,
      reason: r.reason,
      amountCents: r.amountCents,
      dueOn: r.dueOn,
      status: r.status,
      state: r.state,
      owner: r.owner,
      ownerName,
      nextFollowUpOn: r.nextFollowUpOn,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      closeNote: r.closeNote,
    };
  });
}

/** Past this many matching items the list says "10,000 or more" rather than counting them all. */
export const WORK_ITEM_TOTAL_CAP = 10_000;

export interface WorkItemPage {
  items: WorkItemView[];
  /** How many items match, up to WORK_ITEM_TOTAL_CAP; totalCapped: at least that many. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** A page of the work queue and how many items match (up to the cap). */
export async function listWorkItems(
  db: Executor,
  scope: readonly number[],
  filter: WorkItemFilter,
): Promise<WorkItemPage> {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const sort = filter.sort ?? 'amount';
  const where = whereOf(scope, filter);
  const offset = (page - 1) * pageSize;
  const pageWhere =
    scope.length > 1
      ? inArray(
          followUp.id,
          eachPracticeFirst(scope, (p) =>
            db
              .select({ id: followUp.id })
              .from(followUp)
              .where(whereOf([p], filter))
              .orderBy(...ORDER[sort])
              .limit(offset + pageSize),
          ),
        )
      : where;
  const items = await itemsWhere(db, pageWhere, sort, pageSize, offset);
  return { items, ...(await countUpTo(db, followUp, where, WORK_ITEM_TOTAL_CAP)), page, pageSize };
}

/** One item of the practices in scope, open or done. */
export async function workItem(db: Executor, id: number, scope: readonly number[]): Promise<WorkItemView> {
  const [item] = await itemsWhere(db, and(eq(followUp.id, id), inScope(scope)), 'opened', 1, 0);
  if (!item) throw notFound('work item');
  return item;
}

async function lockItem(tx: Executor, id: number, scope: readonly number[]): Promise<FollowUpRow> {
  const [row] = await tx
    .select()
    .from(followUp)
    .where(and(eq(followUp.id, id), inScope(scope)))
    .for('update');
  if (!row) throw notFound('work item');
  return row;
}

/** The owner must be someone granted in the item's practice. */
async function checkOwner(tx: Executor, practiceId: number, owner: number | null | undefined) {
  if (owner == null) return;
  const users = await usersGrantedIn(tx, [practiceId]);
  if (!users.some((u) => u.id === owner))
    throw invalid([{ pointer: '/owner', detail: `user ${owner} has no role in the practice` }]);
}

export interface WorkItemChange {
  owner?: number | null;
  status?: ItemStatus;
  nextFollowUpOn?: string | null;
  note?: string;
}

/** Changes an item: each change a history event with who and when; status done closes it. */
export async function changeWorkItem(
  db: Db,
  id: number,
  scope: readonly number[],
  change: WorkItemChange,
  actor: AuditActor,
  now: Date,
): Promise<FollowUpRow> {
  return db.transaction(async (tx) => {
    const row = await lockItem(tx, id, scope);
    if (row.state !== 'open') throw conflict(`work item ${id} is already ${row.state}`);
    await checkOwner(tx, row.practiceId, change.owner);
    const set: Partial<FollowUpRow> = {};
    const events: { kind: string; note?: string; detail?: unknown }[] = [];
    if (change.owner !== undefined && change.owner !== row.owner) {
      set.owner = change.owner;
      events.push({ kind: 'assigned', detail: { from: row.owner, to: change.owner } });
    }
    if (change.nextFollowUpOn !== undefined && change.nextFollowUpOn !== row.nextFollowUpOn) {
      set.nextFollowUpOn = change.nextFollowUpOn;
      events.push({
        kind: 'next-follow-up',
        detail: { from: row.nextFollowUpOn, to: change.nextFollowUpOn },
      });
    }
    if (change.status && change.status !== 'done' && change.status !== row.status) {
      set.status = change.status;
      events.push({ kind: 'status', detail: { from: row.status, to: change.status } });
    }
    if (change.note && change.status !== 'done') events.push({ kind: 'note', note: change.note });
    if (events.length)
      await tx
        .insert(followUpEvent)
        .values(events.map((e) => ({ followUpId: id, userId: actor.userId, ...e })));
    const updated = Object.keys(set).length
      ? (await tx.update(followUp).set(set).where(eq(followUp.id, id)).returning())[0]!
      : row;
    if (events.length)
      await recordAudit(tx, actor, {
        practiceId: row.practiceId,
        action: 'update',
        entity: 'follow_up',
        entityId: id,
        before: Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof FollowUpRow]])),
        after: set,
        detail: change.note ? { note: change.note } : undefined,
      });
    if (change.status === 'done') return closeFollowUpIn(tx, row, change.note ?? 'done', actor, now);
    return updated;
  });
}

/** Gives many open items to one owner (or nobody) at once: a history event and an audit each. */
export async function assignWorkItems(
  db: Db,
  ids: readonly number[],
  owner: number | null,
  scope: readonly number[],
  actor: AuditActor,
): Promise<{ assigned: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(followUp)
      .where(and(inArray(followUp.id, [...ids]), inScope(scope)))
      .orderBy(asc(followUp.id))
      .for('update');
    if (rows.length !== new Set(ids).size) throw notFound('work item');
    const closed = rows.find((r) => r.state !== 'open');
    if (closed) throw conflict(`work item ${closed.id} is already ${closed.state}`);
    for (const practiceId of new Set(rows.map((r) => r.practiceId))) await checkOwner(tx, practiceId, owner);
    const moving = rows.filter((r) => r.owner !== owner);
    if (moving.length === 0) return { assigned: 0 };
    await tx
      .update(followUp)
      .set({ owner })
      .where(
        inArray(
          followUp.id,
          moving.map((r) => r.id),
        ),
      );
    await tx.insert(followUpEvent).values(
      moving.map((r) => ({
        followUpId: r.id,
        userId: actor.userId,
        kind: 'assigned',
        detail: { from: r.owner, to: owner, bulk: true },
      })),
    );
    await recordAudits(
      tx,
      actor,
      moving.map((r) => ({
        practiceId: r.practiceId,
        action: 'update',
        entity: 'follow_up',
        entityId: r.id,
        before: { owner: r.owner },
        after: { owner },
        detail: { bulk: true },
      })),
    );
    return { assigned: moving.length };
  });
}

/** An item's history, oldest first, with who did each thing. */
export async function workItemHistory(db: Executor, id: number, scope: readonly number[]) {
  const [item] = await db
    .select({ id: followUp.id })
    .from(followUp)
    .where(and(eq(followUp.id, id), inScope(scope)));
  if (!item) throw notFound('work item');
  return db
    .select({
      id: followUpEvent.id,
      at: followUpEvent.at,
      userId: followUpEvent.userId,
      userName: userNameOf(followUpEvent.userId),
      kind: followUpEvent.kind,
      note: followUpEvent.note,
      detail: followUpEvent.detail,
    })
    .from(followUpEvent)
    .where(eq(followUpEvent.followUpId, id))
    .orderBy(asc(followUpEvent.at), asc(followUpEvent.id));
}

export type SavedFilterRow = typeof savedFilter.$inferSelect;

/** The user's saved filters on a page, in the practices in scope. */
export async function listSavedFilters(db: Executor, userId: number, scope: readonly number[], page: string) {
  return db
    .select()
    .from(savedFilter)
    .where(
      and(
        eq(savedFilter.userId, userId),
        eq(savedFilter.page, page),
        inArray(savedFilter.practiceId, scope.length ? [...scope] : [-1]),
      ),
    )
    .orderBy(asc(savedFilter.name));
}

/** Saves a filter under a name (the same name again replaces it), audited. */
export async function saveFilter(
  db: Db,
  input: { practiceId: number; userId: number; page: string; name: string; filter: unknown },
  actor: AuditActor,
): Promise<SavedFilterRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedFilter)
      .values(input)
      .onConflictDoUpdate({
        target: [savedFilter.practiceId, savedFilter.userId, savedFilter.page, savedFilter.name],
        set: { filter: input.filter },
      })
      .returning();
    await recordAudit(tx, actor, {
      practiceId: input.practiceId,
      action: 'create',
      entity: 'saved_filter',
      entityId: row!.id,
      after: { page: input.page, name: input.name, filter: input.filter },
    });
    return row!;
  });
}

/** Deletes one of the user's own saved filters, audited. */
export async function deleteSavedFilter(
  db: Db,
  id: number,
  userId: number,
  scope: readonly number[],
  actor: AuditActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(savedFilter)
      .where(
        and(
          eq(savedFilter.id, id),
          eq(savedFilter.userId, userId),
          inArray(savedFilter.practiceId, scope.length ? [...scope] : [-1]),
        ),
      )
      .returning();
    if (!row) throw notFound('saved filter');
    await recordAudit(tx, actor, {
      practiceId: row.practiceId,
      action: 'delete',
      entity: 'saved_filter',
      entityId: id,
      before: { page: row.page, name: row.name, filter: row.filter },
    });
  });
}
