// Denials: opened for each denied line of a posted 835 (and for a claim a 277CA or 277 rejects),
// read by the practice's denial mapping in force (category, plain words, next step), given the
// payer's appeal deadline and put on the denials work queue, all in the caller's transaction.
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { recordAudit, recordAudits, SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import { claimLabels, type ClaimLabel } from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { countUpTo, eachPracticeFirst } from '../db/scoped-page.ts';
import { payersByIds } from '../payers/index.ts';
import { addDays } from '../shared/dates.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { ensureMapping, type CurrentMapping } from './mapping-store.ts';
import { mapDenial, rejectionReading } from './mapping.ts';
import { denial, followUp, followUpEvent } from './tables.ts';

export type DenialRow = typeof denial.$inferSelect;

/** When a payer has no appeal days on file: the common 180 days. */
const DEFAULT_APPEAL_DAYS = 180;

export interface NewDenial {
  practiceId: number;
  claimId: number;
  claimLineId: number | null;
  remittanceClaimId: number;
  groupCode: string;
  reasonCode: string;
  remarkCodes: string[];
  amountCents: number;
  /** The remittance's payment date (or the day it was posted): the appeal deadline counts from it. */
  remittanceDate: string;
}

async function payerContext(tx: Executor, claimIds: readonly number[]) {
  const labels = new Map((await claimLabels(tx, claimIds)).map((l) => [l.claimId, l]));
  const payers = new Map(
    (await payersByIds(tx, [...new Set([...labels.values()].map((l) => l.payerId))])).map((p) => [p.id, p]),
  );
  return { labels, payers };
}

/**
 * Opens a denial per denied service line, in the posting transaction of its claim payment: each
 * categorised by the practice's mapping (version 1 seeded on first need), its appeal deadline the
 * remittance date plus the payer's appeal days, and a 'denials' work item due that day.
 */
export async function openDenials(
  tx: Executor,
  denials: readonly NewDenial[],
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<number[]> {
  if (denials.length === 0) return [];
  const { labels, payers } = await payerContext(
    tx,
    denials.map((d) => d.claimId),
  );
  const mappings = new Map<number, CurrentMapping>();
  for (const practiceId of new Set(denials.map((d) => d.practiceId)))
    mappings.set(practiceId, await ensureMapping(tx, practiceId, actor));
  const values = denials.map((d) => {
    const mapping = mappings.get(d.practiceId)!;
    const label = labels.get(d.claimId);
    const reading = mapDenial(mapping.rows, d);
    const appealDays = (label && payers.get(label.payerId)?.appealDays) ?? DEFAULT_APPEAL_DAYS;
    return {
      ...d,
      source: '835',
      state: 'open',
      payerId: label?.payerId ?? null,
      providerId: label?.renderingProviderId ?? null,
      category: reading.category,
      explanation: reading.explanation,
      action: reading.action,
      mappingVersionId: mapping.versionId,
      appealBy: addDays(d.remittanceDate, appealDays),
    };
  });
  const rows = await tx.insert(denial).values(values).returning();
  const items = await tx
    .insert(followUp)
    .values(
      rows.map((r) => ({
        practiceId: r.practiceId,
        claimId: r.claimId,
        denialId: r.id,
        payerId: r.payerId,
        queue: 'denials',
        reasonCode: `${r.groupCode}-${r.reasonCode}`,
        reason: r.explanation!,
        source: { denialId: r.id, remittanceClaimId: r.remittanceClaimId },
        amountCents: r.amountCents,
        dueOn: r.appealBy,
        state: 'open',
        status: 'open',
      })),
    )
    .returning({ id: followUp.id, denialId: followUp.denialId, practiceId: followUp.practiceId });
  await tx
    .insert(followUpEvent)
    .values(
      items.map((i) => ({ followUpId: i.id, userId: actor.userId, kind: 'opened', note: 'denial opened' })),
    );
  await recordAudits(tx, actor, [
    ...rows.map((r) => ({
      practiceId: r.practiceId,
      action: 'create',
      entity: 'denial',
      entityId: r.id,
      after: {
        claimId: r.claimId,
        codes: `${r.groupCode}-${r.reasonCode}`,
        amountCents: r.amountCents,
        category: r.category,
        action: r.action,
        mappingVersionId: r.mappingVersionId,
        appealBy: r.appealBy,
      },
    })),
    ...items.map((i) => ({
      practiceId: i.practiceId,
      action: 'create',
      entity: 'follow_up',
      entityId: i.id,
      after: { queue: 'denials', denialId: i.denialId },
    })),
  ]);
  return rows.map((r) => r.id);
}

export interface Rejection {
  practiceId: number;
  claimId: number;
  source: '277CA' | '277';
  /** The STC status the payer rejected with, e.g. A7:21. */
  statusCode: string;
  /** The status in words, as the acknowledgment read it. */
  text: string;
  /** The day of the acknowledgment or status answer. */
  rejectedOn: string;
}

/**
 * Opens a denial for a claim a 277CA or 277 rejected (in the caller's transaction), once per claim,
 * source and status while open. Its work item lives on the rejections / claim-status queues.
 */
export async function openRejectionDenial(
  tx: Executor,
  r: Rejection,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<{ id: number; opened: boolean }> {
  const [open] = await tx
    .select({ id: denial.id })
    .from(denial)
    .where(
      and(
        eq(denial.claimId, r.claimId),
        eq(denial.source, r.source),
        eq(denial.reasonCode, r.statusCode),
        eq(denial.state, 'open'),
      ),
    );
  if (open) return { id: open.id, opened: false };
  const [label] = await claimLabels(tx, [r.claimId]);
  const reading = rejectionReading(r.statusCode, r.text);
  const [row] = await tx
    .insert(denial)
    .values({
      practiceId: r.practiceId,
      claimId: r.claimId,
      claimLineId: null,
      remittanceClaimId: null,
      source: r.source,
      groupCode: '',
      reasonCode: r.statusCode,
      remarkCodes: [],
      amountCents: label?.totalChargeCents ?? 0,
      payerId: label?.payerId ?? null,
      providerId: label?.renderingProviderId ?? null,
      state: 'open',
      category: reading.category,
      explanation: reading.explanation,
      action: reading.action,
      remittanceDate: r.rejectedOn,
    })
    .returning();
  await recordAudit(tx, actor, {
    practiceId: r.practiceId,
    action: 'create',
    entity: 'denial',
    entityId: row!.id,
    after: { claimId: r.claimId, source: r.source, status: r.statusCode, category: reading.category },
  });
  return { id: row!.id, opened: true };
}

export interface DenialFilter {
  state?: string;
  category?: string;
  payerId?: number;
  providerId?: number;
  reasonCode?: string;
  claimId?: number;
  source?: string;
  /** The remittance (or rejection) date range. */
  from?: string;
  to?: string;
  /** amount: most money first; deadline: nearest appeal deadline first. */
  sort?: 'amount' | 'deadline';
  limit?: number;
  offset?: number;
}

export interface DenialView extends DenialRow {
  patientName: string;
  patientControlNumber: string;
  payerName: string;
  claimState: string;
}

function whereOf(practiceScope: number[], f: DenialFilter): SQL | undefined {
  return and(
    inArray(denial.practiceId, practiceScope.length ? practiceScope : [-1]),
    f.state ? eq(denial.state, f.state) : undefined,
    f.category ? eq(denial.category, f.category) : undefined,
    f.payerId ? eq(denial.payerId, f.payerId) : undefined,
    f.providerId ? eq(denial.providerId, f.providerId) : undefined,
    f.reasonCode ? eq(denial.reasonCode, f.reasonCode.toUpperCase()) : undefined,
    f.claimId ? eq(denial.claimId, f.claimId) : undefined,
    f.source ? eq(denial.source, f.source) : undefined,
    f.from ? gte(denial.remittanceDate, f.from) : undefined,
    f.to ? lte(denial.remittanceDate, f.to) : undefined,
  );
}

const withLabels = (rows: DenialRow[], labels: ClaimLabel[]): DenialView[] =>
  rows.map((r) => {
    const l = labels.find((x) => x.claimId === r.claimId);
    return {
      ...r,
      patientName: l?.patientName ?? '',
      patientControlNumber: l?.patientControlNumber ?? '',
      payerName: l?.payerName ?? '',
      claimState: l?.state ?? '',
    };
  });

/** Past this many matching denials the queue says "10,000 or more" rather than counting them all. */
export const DENIAL_TOTAL_CAP = 10_000;

/** The denials queue of the user's practices: filtered, sorted by money at stake or deadline, paged. */
export async function denialQueue(
  db: Executor,
  practiceScope: number[],
  filter: DenialFilter = {},
): Promise<{ items: DenialView[]; total: number; totalCapped: boolean }> {
  const where = whereOf(practiceScope, filter);
  const order =
    filter.sort === 'deadline'
      ? [sql`${denial.appealBy} asc nulls last`, desc(denial.amountCents), asc(denial.id)]
      : [desc(denial.amountCents), sql`${denial.appealBy} asc nulls last`, asc(denial.id)];
  const limit = Math.min(filter.limit ?? 50, 500);
  const offset = filter.offset ?? 0;
  const pageWhere =
    practiceScope.length > 1
      ? inArray(
          denial.id,
          eachPracticeFirst(practiceScope, (p) =>
            db
              .select({ id: denial.id })
              .from(denial)
              .where(whereOf([p], filter))
              .orderBy(...order)
              .limit(offset + limit),
          ),
        )
      : where;
  const rows = await db
    .select()
    .from(denial)
    .where(pageWhere)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const labels = await claimLabels(
    db,
    rows.map((r) => r.claimId),
  );
  return { items: withLabels(rows, labels), ...(await countUpTo(db, denial, where, DENIAL_TOTAL_CAP)) };
}

/** Denials of the user's practices (a claim's, say), most money first, up to 500. */
export async function listDenials(
  db: Executor,
  practiceScope: number[],
  filter: Omit<DenialFilter, 'limit' | 'offset'> = {},
): Promise<DenialView[]> {
  return (await denialQueue(db, practiceScope, { ...filter, limit: 500 })).items;
}

/** One denial of the user's practices, named by its claim. */
export async function denialById(db: Executor, id: number, practiceScope: number[]): Promise<DenialView> {
  const [row] = await db
    .select()
    .from(denial)
    .where(and(eq(denial.id, id), inArray(denial.practiceId, practiceScope.length ? practiceScope : [-1])));
  if (!row) throw notFound('denial');
  return withLabels([row], await claimLabels(db, [row.claimId]))[0]!;
}

export const RESOLUTIONS = [
  'appealed',
  'corrected',
  'written-off',
  'billed-patient',
  'billed-secondary',
  'records-sent',
  'paid',
  'no-action',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * Resolves an open denial in the caller's transaction: its state, how, when; its open work items
 * closed with the note; audited. (Appeals call it when an outcome closes the denial.)
 */
export async function resolveDenialIn(
  tx: Executor,
  id: number,
  practiceScope: number[],
  resolution: Resolution,
  note: string,
  actor: AuditActor,
  now: Date,
): Promise<DenialRow> {
  const [row] = await tx
    .select()
    .from(denial)
    .where(and(eq(denial.id, id), inArray(denial.practiceId, practiceScope.length ? practiceScope : [-1])))
    .for('update');
  if (!row) throw notFound('denial');
  if (row.state !== 'open') throw conflict(`denial ${id} is already ${row.state} (${row.resolution ?? ''})`);
  const [done] = await tx
    .update(denial)
    .set({ state: 'resolved', resolution, resolvedAt: now })
    .where(eq(denial.id, id))
    .returning();
  const closed = await tx
    .update(followUp)
    .set({ state: 'done', status: 'done', closedAt: now, closedBy: actor.userId, closeNote: note })
    .where(and(eq(followUp.denialId, id), eq(followUp.state, 'open')))
    .returning({ id: followUp.id });
  if (closed.length)
    await tx.insert(followUpEvent).values(
      closed.map((c) => ({
        followUpId: c.id,
        at: now,
        userId: actor.userId,
        kind: 'closed',
        note,
        detail: { resolution },
      })),
    );
  await recordAudit(tx, actor, {
    practiceId: row.practiceId,
    action: 'update',
    entity: 'denial',
    entityId: id,
    before: { state: row.state, resolution: row.resolution },
    after: { state: 'resolved', resolution },
    detail: { note, followUpsClosed: closed.map((c) => c.id) },
  });
  return done!;
}

export function resolveDenial(
  db: Db,
  id: number,
  practiceScope: number[],
  resolution: Resolution,
  note: string,
  actor: AuditActor,
  now: Date,
): Promise<DenialRow> {
  return db.transaction((tx) => resolveDenialIn(tx, id, practiceScope, resolution, note, actor, now));
}
