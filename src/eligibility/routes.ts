// Eligibility over HTTP: checks for one visit, 270 batches for a day or a CSV, and the answers.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/index.ts';
import { EVERYONE, OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { auditRowsRead } from '../http/resource.ts';
import { patientById } from '../patients/index.ts';
import { notFound } from '../shared/problem.ts';
import { Id } from '../shared/schema.ts';
import {
  BatchCreate,
  BatchDetail,
  BatchOutcome,
  BatchSummary,
  CheckCreate,
  CheckList,
  CheckListQuery,
  CheckView,
} from './schema.ts';
import { createBatch, createCheck, type EligibilityDeps } from './service.ts';
import {
  answeredCounts,
  batchById,
  checkById,
  listBatches,
  listChecks,
  toViews,
  type BatchRow,
} from './store.ts';

const tags = ['eligibility'];
const ById = Type.Object({ id: Id });

const scoped = (scope: number[], practiceId: number | undefined) =>
  practiceId ? scope.filter((p) => p === practiceId) : scope;

const summaryOf = (b: BatchRow, answered: number) => ({
  id: b.id,
  practiceId: b.practiceId,
  source: b.source,
  sourceDetail: b.sourceDetail,
  state: b.state,
  interchangeControlNumber: b.interchangeControlNumber,
  inquiryCount: b.inquiryCount,
  answeredCount: answered,
  fileName: b.fileName,
  createdAt: b.createdAt.toISOString(),
  sentAt: b.sentAt?.toISOString() ?? null,
  uploadError: b.uploadError,
});

export function registerEligibilityRoutes(app: FastifyInstance, db: Db, deps: EligibilityDeps): void {
  app.post<{
    Body: { patientId: number; coverageId?: number; dateOfService: string; serviceTypes?: string[] };
  }>(
    '/api/eligibility/checks',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "Ask the payer whether a patient's coverage is active for a date of service: answered at once over a real-time connection, else sent in a one-inquiry 270 and answered when the 271 arrives",
        body: CheckCreate,
        response: { 201: CheckView },
      },
    },
    async (request, reply) => {
      const view = await createCheck(
        db,
        deps,
        request.practiceScope,
        request.body,
        actorOf(request),
        new Date(),
      );
      return reply.code(201).send(view);
    },
  );

  app.get<{ Querystring: { practiceId?: number; patientId?: number; date?: string; state?: string } }>(
    '/api/eligibility/checks',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'Eligibility checks, newest first',
        querystring: CheckListQuery,
        response: { 200: CheckList },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listChecks(db, scoped(request.practiceScope, q.practiceId), {
        ...(q.patientId ? { patientId: q.patientId } : {}),
        ...(q.date ? { dateOfService: q.date } : {}),
        ...(q.state ? { state: q.state } : {}),
      });
      if (rows.length) await auditRowsRead(db, request, 'eligibility_check', 'list', rows);
      return { items: await toViews(db, rows) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/eligibility/checks/:id',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'One check with the 270 sent and the 271 received',
        params: ById,
        response: { 200: CheckView },
      },
    },
    async (request) => {
      const row = await checkById(db, request.params.id, request.practiceScope);
      if (!row) throw notFound('eligibility check');
      await recordAudit(db, actorOf(request), {
        practiceId: row.practiceId,
        action: 'read',
        entity: 'eligibility_check',
        entityId: row.id,
      });
      return (await toViews(db, [row], true))[0];
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/patients/:id/eligibility',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "A patient's eligibility checks, newest first",
        params: ById,
        response: { 200: CheckList },
      },
    },
    async (request) => {
      const patient = await patientById(db, request.params.id);
      if (!patient || !request.practiceScope.includes(patient.practiceId)) throw notFound('patient');
      const rows = await listChecks(db, [patient.practiceId], { patientId: patient.id });
      if (rows.length) await auditRowsRead(db, request, 'eligibility_check', 'list', rows);
      return { items: await toViews(db, rows) };
    },
  );

  app.post<{
    Body: { practiceId: number; date: string } | { practiceId: number; csv: string; fileName: string };
  }>(
    '/api/eligibility/batches',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "Write one 270 asking about every visit of a date (the encounters of that date, each patient's coverage in effect) or every row of a CSV, and send it over the connection",
        body: BatchCreate,
        response: { 201: BatchOutcome },
      },
    },
    async (request, reply) => {
      const { practiceId, ...from } = request.body;
      requirePracticeInScope(request, practiceId);
      const outcome = await createBatch(db, deps, practiceId, from, actorOf(request), new Date());
      return reply.code(201).send(outcome);
    },
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/eligibility/batches',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: '270 batches, newest first',
        querystring: Type.Object({ practiceId: Type.Optional(Id) }),
        response: { 200: Type.Object({ items: Type.Array(BatchSummary) }) },
      },
    },
    async (request) => {
      const rows = await listBatches(db, scoped(request.practiceScope, request.query.practiceId));
      const answered = await answeredCounts(
        db,
        rows.map((b) => b.id),
      );
      return { items: rows.map((b) => summaryOf(b, answered.get(b.id) ?? 0)) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/eligibility/batches/:id',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'A 270 batch and its checks', params: ById, response: { 200: BatchDetail } },
    },
    async (request) => {
      const batch = await batchById(db, request.params.id, request.practiceScope);
      if (!batch) throw notFound('eligibility batch');
      const rows = await listChecks(db, [batch.practiceId], { batchId: batch.id, limit: 10_000 });
      if (rows.length) await auditRowsRead(db, request, 'eligibility_check', 'list', rows);
      const answered = rows.filter((r) => r.state === 'answered').length;
      return { ...summaryOf(batch, answered), checks: await toViews(db, rows) };
    },
  );
}
