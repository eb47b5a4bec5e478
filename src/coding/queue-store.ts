import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { loadEncounter } from '../encounters/index.ts';
import { providerById } from '../practices/index.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { codingChart, codingEvent } from './tables.ts';

export type ChartState = 'queued' | 'in-progress' | 'held' | 'query' | 'done';
export type CodingChartRow = typeof codingChart.$inferSelect;

/** What a coder did, as productivity reads it. */
export type CodingEventKind =
  | 'queued'
  | 'claim'
  | 'open'
  | 'code-add'
  | 'code-remove'
  | 'suggestion-accept'
  | 'suggestion-reject'
  | 'hold'
  | 'query'
  | 'release'
  | 'send';

export async function recordCodingEvent(
  db: Executor,
  chart: Pick<CodingChartRow, 'id' | 'practiceId' | 'encounterId' | 'chartType'>,
  actor: AuditActor,
  kind: CodingEventKind,
  // `at`: when the work was done, for work recorded afterwards (the demo's past weeks); else now.
  more: { code?: string; detail?: unknown; at?: Date } = {},
): Promise<void> {
  await db.insert(codingEvent).values({
    ...(more.at ? { at: more.at } : {}),
    practiceId: chart.practiceId,
    codingChartId: chart.id,
    encounterId: chart.encounterId,
    chartType: chart.chartType,
    userId: actor.userId,
    kind,
    code: more.code ?? null,
    detail: more.detail ?? null,
  });
}

/**
 * Puts an encounter's chart on the coding queue, in the caller's transaction (a chart import calls
 * it with the rows it wrote). A chart already on the queue stays as it is, whatever its state:
 * importing the same chart twice changes nothing. Returns the work item and whether it is new.
 */
export async function enqueueChart(
  db: Executor,
  practiceId: number,
  encounterId: number,
  chartType: string,
  actor: AuditActor,
  priority = 3,
): Promise<{ chart: CodingChartRow; created: boolean }> {
  const [existing] = await db.select().from(codingChart).where(eq(codingChart.encounterId, encounterId));
  if (existing) return { chart: existing, created: false };
  const visit = await loadEncounter(db, encounterId, [practiceId]);
  if (!visit) throw notFound('encounter');
  const provider = await providerById(db, visit.renderingProviderId);
  const [chart] = await db
    .insert(codingChart)
    .values({
      practiceId,
      encounterId,
      patientId: visit.patientId,
      providerId: visit.renderingProviderId,
      specialty: provider?.taxonomy ?? null,
      serviceDate: visit.serviceDateFrom,
      chartType,
      priority,
    })
    .returning();
  await recordCodingEvent(db, chart!, actor, 'queued');
  await recordAudit(db, actor, {
    practiceId,
    action: 'create',
    entity: 'coding_chart',
    entityId: chart!.id,
    after: chart,
  });
  return { chart: chart!, created: true };
}

/** One work item in the caller's practices, locked for the change the caller makes. */
export async function chartForUpdate(db: Executor, id: number, scope: number[]): Promise<CodingChartRow> {
  const [row] = await db
    .select()
    .from(codingChart)
    .where(and(eq(codingChart.id, id), inArray(codingChart.practiceId, scope.length ? scope : [-1])))
    .for('update');
  if (!row) throw notFound('coding chart');
  return row;
}

export async function chartOfEncounter(db: Executor, practiceId: number, encounterId: number) {
  const [row] = await db
    .select()
    .from(codingChart)
    .where(and(eq(codingChart.practiceId, practiceId), eq(codingChart.encounterId, encounterId)));
  return row;
}

/** Moves a work item to a new state with its event and audit entry; the caller holds the transaction. */
export async function moveChart(
  db: Executor,
  before: CodingChartRow,
  changes: Partial<typeof codingChart.$inferInsert> & { state: ChartState },
  actor: AuditActor,
  kind: CodingEventKind,
  detail?: unknown,
): Promise<CodingChartRow> {
  const [after] = await db
    .update(codingChart)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(codingChart.id, before.id))
    .returning();
  await recordCodingEvent(db, before, actor, kind, { detail });
  await recordAudit(db, actor, {
    practiceId: before.practiceId,
    action: 'update',
    entity: 'coding_chart',
    entityId: before.id,
    before: { state: before.state, coderId: before.coderId, holdReason: before.holdReason },
    after: { state: after!.state, coderId: after!.coderId, holdReason: after!.holdReason },
    detail,
  });
  return after!;
}

/**
 * A chart coded before it was recorded here (the demo's past weeks): put on the queue, claimed,
 * opened and sent by the coder at the times given, and left done, as the workspace would have left
 * it. A chart already on the queue is left as it is (returns undefined). The encounter is not
 * touched: its codes are what the coder sent.
 */
export async function recordCodedChart(
  db: Executor,
  practiceId: number,
  encounterId: number,
  chartType: string,
  coder: AuditActor,
  times: { claimed: Date; opened: Date; sent: Date },
  actor: AuditActor,
): Promise<CodingChartRow | undefined> {
  const { chart, created } = await enqueueChart(db, practiceId, encounterId, chartType, actor);
  if (!created) return undefined;
  await recordCodingEvent(db, chart, coder, 'claim', { at: times.claimed });
  await recordCodingEvent(db, chart, coder, 'open', { at: times.opened });
  const changes = {
    state: 'done' as const,
    coderId: coder.userId,
    claimedAt: times.claimed,
    doneAt: times.sent,
  };
  const [after] = await db.update(codingChart).set(changes).where(eq(codingChart.id, chart.id)).returning();
  await recordCodingEvent(db, chart, coder, 'send', { at: times.sent });
  await recordAudit(db, actor, {
    practiceId,
    action: 'update',
    entity: 'coding_chart',
    entityId: chart.id,
    before: { state: chart.state, coderId: chart.coderId },
    after: { state: 'done', coderId: coder.userId },
    detail: { recordedAfterwards: times },
  });
  return after!;
}

/** A coder takes a chart: queued or held charts, or one they already have. */
export async function claimChart(db: Executor, id: number, scope: number[], actor: AuditActor) {
  const chart = await chartForUpdate(db, id, scope);
  if (chart.state === 'in-progress' && chart.coderId === actor.userId) return chart;
  if (chart.state === 'in-progress') throw conflict('another coder is working this chart');
  if (chart.state === 'done') throw conflict('this chart was sent to billing');
  if (chart.state === 'query') throw conflict('a physician query is open on this chart');
  return moveChart(
    db,
    chart,
    { state: 'in-progress', coderId: actor.userId, claimedAt: new Date(), holdReason: null },
    actor,
    'claim',
  );
}

/** Only the coder who claimed a chart works it. */
export const requireOwnChart = (chart: CodingChartRow, actor: AuditActor) => {
  if (chart.state !== 'in-progress' || chart.coderId !== actor.userId)
    throw conflict('claim this chart before working it');
};

/** The coder sets the chart aside with the reason (documentation missing, waiting on a signature…). */
export async function holdChart(
  db: Executor,
  id: number,
  scope: number[],
  reason: string,
  actor: AuditActor,
) {
  const chart = await chartForUpdate(db, id, scope);
  requireOwnChart(chart, actor);
  return moveChart(db, chart, { state: 'held', holdReason: reason }, actor, 'hold', { reason });
}

/**
 * An open physician query holds the chart (CDI, src/coding/queries); answering it puts the chart
 * back with its coder (or on the queue when it had none). In the caller's transaction.
 */
export async function holdChartForQuery(
  db: Executor,
  practiceId: number,
  encounterId: number,
  reason: string,
  actor: AuditActor,
) {
  const chart = await chartOfEncounter(db, practiceId, encounterId);
  if (!chart) throw notFound('coding chart');
  if (chart.state === 'done') throw conflict('this chart was sent to billing');
  return moveChart(db, chart, { state: 'query', holdReason: reason }, actor, 'query', { reason });
}

export async function releaseChartFromQuery(
  db: Executor,
  practiceId: number,
  encounterId: number,
  actor: AuditActor,
) {
  const chart = await chartOfEncounter(db, practiceId, encounterId);
  if (!chart || chart.state !== 'query') return chart;
  const state: ChartState = chart.coderId ? 'in-progress' : 'queued';
  return moveChart(db, chart, { state, holdReason: null }, actor, 'release');
}

/**
 * A manager moves a chart up or down the queue (1 urgent … 3 routine), audited with the reason.
 * A chart already sent to billing keeps its priority: the queue no longer holds it.
 */
export async function changeChartPriority(
  db: Executor,
  id: number,
  scope: number[],
  priority: number,
  reason: string | undefined,
  actor: AuditActor,
): Promise<CodingChartRow> {
  const chart = await chartForUpdate(db, id, scope);
  if (chart.state === 'done') throw conflict('this chart was sent to billing');
  if (chart.priority === priority) return chart;
  const [after] = await db
    .update(codingChart)
    .set({ priority, updatedAt: new Date() })
    .where(eq(codingChart.id, id))
    .returning();
  await recordAudit(db, actor, {
    practiceId: chart.practiceId,
    action: 'update',
    entity: 'coding_chart',
    entityId: id,
    before: { priority: chart.priority },
    after: { priority },
    ...(reason ? { detail: { reason } } : {}),
  });
  return after!;
}
