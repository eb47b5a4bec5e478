// Coding audits kept: a sample drawn from the charts sent to billing, the auditor's blind re-code
// and its score, the coder's dispute and its resolution. Every change is audited in the caller's
// transaction.
import { and, desc, eq, getTableColumns, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { userNameOf } from '../auth/index.ts';
import type { Executor } from '../db/connection.ts';
import { loadEncounter } from '../encounters/index.ts';
import { coveragesOfPatients } from '../patients/index.ts';
import { feeEntriesFor } from '../practices/index.ts';
import { addDays } from '../shared/dates.ts';
import { conflict, forbidden, invalid, notFound } from '../shared/problem.ts';
import { codingAudit, codingAuditChart } from './audit-tables.ts';
import { drawSample } from './audits-sample.ts';
import { scoreChart, summarizeScores, type CodedChart, type ScoreSummary } from './audits-score.ts';
import { codingChart } from './tables.ts';

export type CodingAuditRow = typeof codingAudit.$inferSelect;
export type AuditChartRow = typeof codingAuditChart.$inferSelect;

export interface AuditRequest {
  name: string;
  sampling: 'random' | 'targeted';
  criteria: { coderId?: number; code?: string; payerId?: number };
  percent: number;
  periodFrom: string;
  periodTo: string;
}

/** The codes a chart went to billing with, as the audit keeps them. */
async function codingOf(db: Executor, practiceId: number, encounterId: number) {
  const visit = await loadEncounter(db, encounterId, [practiceId]);
  if (!visit) return undefined;
  const coding: CodedChart = {
    diagnoses: visit.diagnoses,
    lines: visit.serviceLines.map((l) => ({
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      units: l.units,
      pointers: l.diagnosisPointers,
    })),
  };
  return { visit, coding };
}

/**
 * Draws the sample: the charts sent to billing in the period (by the day they were sent), narrowed
 * to a coder, a code (diagnosis or procedure) or the primary payer when targeted, then `percent`
 * of them at random with `seed`.
 */
export async function createAudit(
  db: Executor,
  practiceId: number,
  request: AuditRequest,
  actor: AuditActor,
  seed: number,
): Promise<{ audit: CodingAuditRow; charts: number; matched: number }> {
  if (request.periodFrom > request.periodTo)
    throw invalid([{ pointer: '/periodFrom', detail: 'the period starts after it ends' }]);
  const criteria = request.sampling === 'targeted' ? request.criteria : {};
  if (request.sampling === 'targeted' && !criteria.coderId && !criteria.code && !criteria.payerId)
    throw invalid([{ pointer: '/criteria', detail: 'a targeted audit names a coder, a code or a payer' }]);
  const done = await db
    .select()
    .from(codingChart)
    .where(
      and(
        eq(codingChart.practiceId, practiceId),
        eq(codingChart.state, 'done'),
        gte(codingChart.doneAt, new Date(`${request.periodFrom}T00:00:00Z`)),
        lt(codingChart.doneAt, new Date(`${addDays(request.periodTo, 1)}T00:00:00Z`)),
        criteria.coderId ? eq(codingChart.coderId, criteria.coderId) : undefined,
      ),
    );
  const withCoding = [];
  for (const chart of done) {
    const found = await codingOf(db, practiceId, chart.encounterId);
    if (!found) continue;
    const code = criteria.code?.toUpperCase();
    if (
      code &&
      !found.coding.diagnoses.includes(code) &&
      !found.coding.lines.some((l) => l.procedureCode === code)
    )
      continue;
    withCoding.push({ chart, ...found });
  }
  let matching = withCoding;
  if (criteria.payerId) {
    const coverages = await coveragesOfPatients(db, [...new Set(withCoding.map((c) => c.chart.patientId))]);
    matching = withCoding.filter(({ chart }) =>
      coverages.some(
        (c) =>
          c.patientId === chart.patientId &&
          c.priority === 'primary' &&
          c.payerId === criteria.payerId &&
          c.effectiveDate <= chart.serviceDate &&
          (c.terminationDate === null || c.terminationDate >= chart.serviceDate),
      ),
    );
  }
  const sample = drawSample(matching, request.percent, seed);
  const [audit] = await db
    .insert(codingAudit)
    .values({ practiceId, ...request, criteria, seed, createdBy: actor.userId })
    .returning();
  if (sample.length > 0)
    await db.insert(codingAuditChart).values(
      sample.map(({ chart, coding }) => ({
        auditId: audit!.id,
        practiceId,
        codingChartId: chart.id,
        encounterId: chart.encounterId,
        coderId: chart.coderId,
        chartType: chart.chartType,
        serviceDate: chart.serviceDate,
        coderCoding: coding,
      })),
    );
  await recordAudit(db, actor, {
    practiceId,
    action: 'create',
    entity: 'coding_audit',
    entityId: audit!.id,
    after: audit,
    detail: { matched: matching.length, sampled: sample.map((s) => s.chart.id) },
  });
  return { audit: audit!, charts: sample.length, matched: matching.length };
}

export async function auditChartById(db: Executor, scope: number[], id: number): Promise<AuditChartRow> {
  const [row] = await db
    .select()
    .from(codingAuditChart)
    .where(
      and(eq(codingAuditChart.id, id), inArray(codingAuditChart.practiceId, scope.length ? scope : [-1])),
    );
  if (!row) throw notFound('audited chart');
  return row;
}

/** What the auditor sees: until their re-code is in, not the coder's codes (the re-code is blind). */
export function blindView<Row extends AuditChartRow>(
  row: Row,
): Omit<Row, 'coderCoding'> & { coderCoding: CodedChart | null } {
  return { ...row, coderCoding: row.auditorCoding ? row.coderCoding : null };
}

/** Changes one sampled chart with its audit entry (what changed, before and after). */
async function changeAuditChart(
  db: Executor,
  before: AuditChartRow,
  changes: Partial<typeof codingAuditChart.$inferInsert>,
  actor: AuditActor,
  trail: { before?: unknown; after: unknown },
): Promise<AuditChartRow> {
  const [after] = await db
    .update(codingAuditChart)
    .set(changes)
    .where(eq(codingAuditChart.id, before.id))
    .returning();
  await recordAudit(db, actor, {
    practiceId: before.practiceId,
    action: 'update',
    entity: 'coding_audit_chart',
    entityId: before.id,
    ...trail,
  });
  return after!;
}

/** The auditor's re-code, scored against the coder's codes at the practice's fee schedule. */
export async function submitRecode(
  db: Executor,
  scope: number[],
  id: number,
  coding: CodedChart,
  actor: AuditActor,
  at: Date,
): Promise<AuditChartRow> {
  const before = await auditChartById(db, scope, id);
  if (before.disputeState === 'open') throw conflict('the coder disputes this chart: resolve the dispute');
  const score = await scoreAgainst(db, before, coding);
  return changeAuditChart(
    db,
    before,
    { auditorCoding: coding, auditorId: actor.userId, auditedAt: at, score },
    actor,
    {
      before: { auditorCoding: before.auditorCoding },
      after: { auditorCoding: coding, accuracy: score.accuracy },
    },
  );
}

async function scoreAgainst(db: Executor, row: AuditChartRow, auditor: CodedChart) {
  const codes = [...new Set([...row.coderCoding.lines, ...auditor.lines].map((l) => l.procedureCode))];
  const fees = await feeEntriesFor(db, row.practiceId, codes);
  return scoreChart(row.coderCoding, auditor, fees, row.serviceDate);
}

/** The coder disputes a scored chart of theirs, saying why. */
export async function disputeChart(
  db: Executor,
  scope: number[],
  id: number,
  reason: string,
  actor: AuditActor,
  at: Date,
): Promise<AuditChartRow> {
  const before = await auditChartById(db, scope, id);
  if (before.coderId !== actor.userId) throw forbidden('only the coder of this chart can dispute it');
  if (!before.score) throw conflict('this chart has not been audited yet');
  if (before.disputeState) throw conflict(`this chart's dispute is ${before.disputeState}`);
  if (reason.trim() === '') throw invalid([{ pointer: '/reason', detail: 'say why the audit is wrong' }]);
  const dispute = { disputeState: 'open', disputeText: reason.trim() };
  return changeAuditChart(db, before, { ...dispute, disputedAt: at }, actor, { after: dispute });
}

/**
 * The auditor (or a manager) settles a dispute: upheld leaves the score; overturned takes the
 * coder's codes as right and scores the chart again (full marks).
 */
export async function resolveDispute(
  db: Executor,
  scope: number[],
  id: number,
  outcome: 'upheld' | 'overturned',
  resolution: string,
  actor: AuditActor,
  at: Date,
): Promise<AuditChartRow> {
  const before = await auditChartById(db, scope, id);
  if (before.disputeState !== 'open') throw conflict('this chart has no open dispute');
  const score = outcome === 'overturned' ? await scoreAgainst(db, before, before.coderCoding) : undefined;
  const rescore = score ? { auditorCoding: before.coderCoding, score } : {};
  const after = await changeAuditChart(
    db,
    before,
    {
      disputeState: outcome,
      resolution: resolution.trim() || null,
      resolvedBy: actor.userId,
      resolvedAt: at,
      ...rescore,
    },
    actor,
    {
      before: { disputeState: 'open', accuracy: before.score?.accuracy },
      after: { disputeState: outcome, accuracy: (score ?? before.score)?.accuracy },
    },
  );
  return after;
}

export async function listAudits(db: Executor, scope: number[], practiceId?: number) {
  const practices = practiceId ? scope.filter((p) => p === practiceId) : scope;
  return db
    .select()
    .from(codingAudit)
    .where(inArray(codingAudit.practiceId, practices.length ? practices : [-1]))
    .orderBy(desc(codingAudit.createdAt), desc(codingAudit.id))
    .limit(200);
}

export async function auditById(db: Executor, scope: number[], id: number) {
  const [audit] = await db
    .select()
    .from(codingAudit)
    .where(and(eq(codingAudit.id, id), inArray(codingAudit.practiceId, scope.length ? scope : [-1])));
  if (!audit) throw notFound('audit');
  // The coder by name, as the audits page shows them.
  const charts = await db
    .select({ ...getTableColumns(codingAuditChart), coderName: userNameOf(codingAuditChart.coderId) })
    .from(codingAuditChart)
    .where(eq(codingAuditChart.auditId, id))
    .orderBy(codingAuditChart.id);
  return { audit, charts };
}

export interface AuditScores {
  coders: { userId: number | null; name: string | null; summary: ScoreSummary }[];
  all: ScoreSummary;
}

/**
 * Audit scores per coder (or one coder) for the charts audited in the period: what the audits
 * page shows and what the workforce issue reads.
 */
export async function auditScoresFor(
  db: Executor,
  practiceId: number,
  userId: number | 'all',
  from: string,
  to: string,
): Promise<AuditScores> {
  const rows = await db
    .select({
      coderId: codingAuditChart.coderId,
      name: userNameOf(codingAuditChart.coderId),
      score: codingAuditChart.score,
    })
    .from(codingAuditChart)
    .where(
      and(
        eq(codingAuditChart.practiceId, practiceId),
        isNotNull(codingAuditChart.score),
        gte(codingAuditChart.auditedAt, new Date(`${from}T00:00:00Z`)),
        lt(codingAuditChart.auditedAt, new Date(`${addDays(to, 1)}T00:00:00Z`)),
        userId === 'all' ? undefined : eq(codingAuditChart.coderId, userId),
      ),
    );
  const byCoder = new Map<number | null, NonNullable<AuditChartRow['score']>[]>();
  const names = new Map<number | null, string | null>();
  for (const r of rows) {
    byCoder.set(r.coderId, [...(byCoder.get(r.coderId) ?? []), r.score!]);
    names.set(r.coderId, r.name);
  }
  return {
    coders: [...byCoder.entries()]
      .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
      .map(([coder, scores]) => ({
        userId: coder,
        name: names.get(coder) ?? null,
        summary: summarizeScores(scores),
      })),
    all: summarizeScores(rows.map((r) => r.score!)),
  };
}
