// The eligibility tables: checks and the 270 batches they go out in. Every insert or update of a
// check (PHI) happens in the caller's transaction with its audit event.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, recordAudits, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { queryRaw } from '../db/raw.ts';
import { serviceLinesOfPatient } from '../encounters/index.ts';
import { coveragesByIds, patientsByIds } from '../patients/index.ts';
import { payersByIds } from '../payers/index.ts';
import { chargeFor } from '../practices/fee-schedule.ts';
import { feeEntriesFor } from '../practices/index.ts';
import type { EligibilitySummary } from '../x12/index.ts';
import { estimateVisit, type LastCheck, type VisitEstimate } from './benefits.ts';
import { eligibilityBatch, eligibilityCheck } from './tables.ts';

export type CheckRow = typeof eligibilityCheck.$inferSelect;
export type BatchRow = typeof eligibilityBatch.$inferSelect;
export type NewCheck = Omit<typeof eligibilityCheck.$inferInsert, 'id'>;

/** A check as the front desk reads it (GET /api/eligibility/checks/:id adds request and response). */
export interface CheckView {
  id: number;
  practiceId: number;
  patientId: number;
  /** "Last, First" as the front desk finds the patient. */
  patientName: string;
  coverageId: number;
  payerId: number;
  payerName: string;
  memberId: string;
  dateOfService: string;
  serviceTypes: string[];
  how: string;
  state: string;
  status: string | null;
  askedAt: string;
  askedByEmail: string | null;
  answeredAt: string | null;
  failure: string | null;
  batchId: number | null;
  summary: EligibilitySummary | null;
  warnings: string[];
  /** The patient's estimated share of the visit on the date of service (its lines at the fee schedule). */
  estimate?: VisitEstimate;
  request?: string;
  response?: string | null;
}

/** Inserts checks (each with its audit event) in the caller's transaction. */
export async function insertChecks(tx: Executor, rows: NewCheck[], actor: AuditActor): Promise<CheckRow[]> {
  if (rows.length === 0) return [];
  const inserted = await tx.insert(eligibilityCheck).values(rows).returning();
  await recordAudits(
    tx,
    actor,
    inserted.map((c) => ({
      practiceId: c.practiceId,
      action: 'create',
      entity: 'eligibility_check',
      entityId: c.id,
      detail: {
        patientId: c.patientId,
        coverageId: c.coverageId,
        dateOfService: c.dateOfService,
        how: c.how,
        traceNumber: c.traceNumber,
        batchId: c.batchId,
      },
    })),
  );
  return inserted;
}

export async function insertBatch(
  tx: Executor,
  values: Omit<typeof eligibilityBatch.$inferInsert, 'id'>,
  actor: AuditActor,
): Promise<BatchRow> {
  const [row] = await tx.insert(eligibilityBatch).values(values).returning();
  await recordAudit(tx, actor, {
    practiceId: row!.practiceId,
    action: 'create',
    entity: 'eligibility_batch',
    entityId: row!.id,
    detail: {
      source: row!.source,
      sourceDetail: row!.sourceDetail,
      inquiryCount: row!.inquiryCount,
      interchangeControlNumber: row!.interchangeControlNumber,
    },
  });
  return row!;
}

/** The practice's checks with these trace numbers (TRN02), locked for the answer. */
export async function checksByTrace(tx: Executor, practiceId: number, traces: string[]): Promise<CheckRow[]> {
  if (traces.length === 0) return [];
  return tx
    .select()
    .from(eligibilityCheck)
    .where(and(eq(eligibilityCheck.practiceId, practiceId), inArray(eligibilityCheck.traceNumber, traces)))
    .for('update');
}

/** Stores the payer's answer on a check, with its audit event (the caller's transaction). */
export async function answerCheck(
  tx: Executor,
  check: CheckRow,
  answer: { response: string; summary: EligibilitySummary; answeredAt: Date },
  actor: AuditActor,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const status = answer.summary.status;
  await tx
    .update(eligibilityCheck)
    .set({
      state: 'answered',
      response: answer.response,
      summary: answer.summary,
      status,
      answeredAt: answer.answeredAt,
      failure: null,
    })
    .where(eq(eligibilityCheck.id, check.id));
  await recordAudit(tx, actor, {
    practiceId: check.practiceId,
    action: 'update',
    entity: 'eligibility_check',
    entityId: check.id,
    before: { state: check.state, status: check.status },
    after: { state: 'answered', status },
    detail,
  });
}

/** Notes why a check could not be asked or its answer not read. */
export async function failCheck(
  tx: Executor,
  check: CheckRow,
  why: string,
  actor: AuditActor,
): Promise<void> {
  await tx
    .update(eligibilityCheck)
    .set({ state: 'failed', failure: why })
    .where(eq(eligibilityCheck.id, check.id));
  await recordAudit(tx, actor, {
    practiceId: check.practiceId,
    action: 'update',
    entity: 'eligibility_check',
    entityId: check.id,
    before: { state: check.state },
    after: { state: 'failed' },
    detail: { failure: why },
  });
}

/**
 * What the patient will likely owe for the visit a check asked about: the visit's service lines on
 * that date at the practice's fee schedule, through the benefits of an active answer. None without lines.
 */
async function visitEstimate(db: Executor, r: CheckRow, summary: EligibilitySummary) {
  const lines = (await serviceLinesOfPatient(db, r.practiceId, r.patientId)).filter(
    (l) => l.visitDate === r.dateOfService,
  );
  if (lines.length === 0) return undefined;
  const fees = await feeEntriesFor(db, r.practiceId, [...new Set(lines.map((l) => l.procedureCode))]);
  const allowed = lines.reduce(
    (sum, l) => sum + (chargeFor(fees, l.procedureCode, l.modifiers, l.serviceDate) ?? l.chargeCents),
    0,
  );
  const serviceType = r.serviceTypes.find((t) => t !== '30') ?? '98';
  return estimateVisit(summary, allowed, serviceType);
}

/**
 * Checks as views: payer name and member id looked up through their domains; `detail` adds the
 * 270 and 271 and the visit's estimate (one check at a time: the estimate reads the visit).
 */
export async function toViews(db: Executor, rows: CheckRow[], detail = false): Promise<CheckView[]> {
  const payers = new Map(
    (await payersByIds(db, [...new Set(rows.map((r) => r.payerId))])).map((p) => [p.id, p]),
  );
  const coverages = new Map(
    (await coveragesByIds(db, [...new Set(rows.map((r) => r.coverageId))])).map((c) => [c.id, c]),
  );
  const patients = new Map<number, string>();
  for (const practiceId of new Set(rows.map((r) => r.practiceId))) {
    const ids = [...new Set(rows.filter((r) => r.practiceId === practiceId).map((r) => r.patientId))];
    for (const p of await patientsByIds(db, practiceId, ids))
      patients.set(p.id, `${p.lastName}, ${p.firstName}`);
  }
  const views = rows.map((r) => {
    const summary = (r.summary as EligibilitySummary | null) ?? null;
    const v: CheckView = {
      id: r.id,
      practiceId: r.practiceId,
      patientId: r.patientId,
      patientName: patients.get(r.patientId) ?? '',
      coverageId: r.coverageId,
      payerId: r.payerId,
      payerName: payers.get(r.payerId)?.name ?? '',
      memberId: coverages.get(r.coverageId)?.memberId ?? '',
      dateOfService: r.dateOfService,
      serviceTypes: r.serviceTypes,
      how: r.how,
      state: r.state,
      status: r.status,
      askedAt: r.askedAt.toISOString(),
      askedByEmail: r.askedByEmail,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      failure: r.failure,
      batchId: r.batchId,
      summary,
      // summarize271 was given the date of service: its warnings already say coverage ends before it,
      // authorization needed, another payer on file, and what to do about a rejection.
      warnings: summary?.warnings ?? [],
    };
    if (detail) {
      v.request = r.request;
      v.response = r.response;
    }
    return v;
  });
  if (detail)
    for (const [i, r] of rows.entries()) {
      const v = views[i]!;
      if (v.summary?.status !== 'active') continue;
      const estimate = await visitEstimate(db, r, v.summary);
      if (estimate) v.estimate = estimate;
    }
  return views;
}

export async function checkById(
  db: Executor,
  id: number,
  scope: readonly number[],
): Promise<CheckRow | undefined> {
  const [row] = await db
    .select()
    .from(eligibilityCheck)
    .where(and(eq(eligibilityCheck.id, id), inArray(eligibilityCheck.practiceId, [-1, ...scope])));
  return row;
}

export async function listChecks(
  db: Executor,
  scope: readonly number[],
  q: { patientId?: number; dateOfService?: string; state?: string; batchId?: number; limit?: number },
): Promise<CheckRow[]> {
  return db
    .select()
    .from(eligibilityCheck)
    .where(
      and(
        inArray(eligibilityCheck.practiceId, [-1, ...scope]),
        q.patientId ? eq(eligibilityCheck.patientId, q.patientId) : undefined,
        q.dateOfService ? eq(eligibilityCheck.dateOfService, q.dateOfService) : undefined,
        q.state ? eq(eligibilityCheck.state, q.state) : undefined,
        q.batchId ? eq(eligibilityCheck.batchId, q.batchId) : undefined,
      ),
    )
    .orderBy(desc(eligibilityCheck.askedAt), desc(eligibilityCheck.id))
    .limit(q.limit ?? 500);
}

export async function batchById(
  db: Executor,
  id: number,
  scope: readonly number[],
): Promise<BatchRow | undefined> {
  const [row] = await db
    .select()
    .from(eligibilityBatch)
    .where(and(eq(eligibilityBatch.id, id), inArray(eligibilityBatch.practiceId, [-1, ...scope])));
  return row;
}

export async function listBatches(db: Executor, scope: readonly number[]): Promise<BatchRow[]> {
  return db
    .select()
    .from(eligibilityBatch)
    .where(inArray(eligibilityBatch.practiceId, [-1, ...scope]))
    .orderBy(desc(eligibilityBatch.createdAt), desc(eligibilityBatch.id))
    .limit(200);
}

export interface LastEligibilityQuery {
  practiceId: number;
  coverageId?: number | null;
  patientId: number;
  payerId: number;
  dateOfService?: string;
}

/**
 * The last answered check of a patient's coverage with a payer (the newest answer): what the
 * scrubber judges a claim's date of service by. The coverage when given, else any of the patient's
 * coverages with that payer.
 */
export async function lastEligibilityFor(
  db: Executor,
  q: LastEligibilityQuery,
): Promise<LastCheck | undefined> {
  return (await lastEligibilitiesFor(db, [q]))[0];
}

/** lastEligibilityFor for many claims in one read (a posting chunk's secondary claims are scrubbed together). */
export async function lastEligibilitiesFor(
  db: Executor,
  queries: readonly LastEligibilityQuery[],
): Promise<(LastCheck | undefined)[]> {
  if (!queries.length) return [];
  // The answer asked for this date of service, else the one asked for the nearest date: a later
  // check that found the plan ended says nothing of a visit the plan covered.
  const rows = await queryRaw(
    db,
    `select q.k, c.answered_at, c.summary
       from unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::date[])
            with ordinality as q(practice_id, patient_id, payer_id, coverage_id, dos, k)
       cross join lateral (
         select e.answered_at, e.summary from eligibility_check e
          where e.practice_id = q.practice_id and e.patient_id = q.patient_id and e.payer_id = q.payer_id
            and (q.coverage_id is null or e.coverage_id = q.coverage_id)
            and e.state = 'answered' and e.summary is not null
          order by abs(e.date_of_service - q.dos), e.answered_at desc, e.id desc
          limit 1) c`,
    [
      queries.map((q) => q.practiceId),
      queries.map((q) => q.patientId),
      queries.map((q) => q.payerId),
      queries.map((q) => q.coverageId || null),
      queries.map((q) => q.dateOfService ?? null),
    ],
  );
  const out: (LastCheck | undefined)[] = queries.map(() => undefined);
  for (const r of rows) {
    if (!r.answered_at) continue;
    const answeredAt = r.answered_at instanceof Date ? r.answered_at : new Date(r.answered_at as string);
    out[Number(r.k) - 1] = {
      checkedOn: answeredAt.toISOString().slice(0, 10),
      summary: (typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary) as EligibilitySummary,
    };
  }
  return out;
}

/** How many of a batch's checks are answered (the batch list shows it). */
export async function answeredCounts(db: Executor, batchIds: number[]): Promise<Map<number, number>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .select({
      batchId: eligibilityCheck.batchId,
      n: sql<number>`count(*) filter (where ${eligibilityCheck.state} = 'answered')`.mapWith(Number),
    })
    .from(eligibilityCheck)
    .where(inArray(eligibilityCheck.batchId, batchIds))
    .groupBy(eligibilityCheck.batchId);
  return new Map(rows.map((r) => [r.batchId!, r.n]));
}
