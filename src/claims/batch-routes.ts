import { Type } from '@sinclair/typebox';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { EVERYONE, MANAGERS, OFFICE } from '../auth/roles.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { jobFailed, notFound, ProblemError } from '../shared/problem.ts';
import { registerResource } from '../http/resource.ts';
import { closed, Id } from '../shared/schema.ts';
import { SubmitterSettings, SubmitterSettingsCreate, SubmitterSettingsUpdate } from './batch-schema.ts';
import { batchClaim, submissionBatch, submitterSettings } from './batch-tables.ts';
import type { BatchJobOutput, ClaimBatchJob } from './batch-job.ts';
import type { BatchOutcome, ClaimType } from './batches.ts';
import { registerBatchSendRoutes } from './batch-send-routes.ts';
import { claim } from './tables.ts';

const tags = ['submissions'];
const Batch = Type.Object({
  id: Id,
  practiceId: Id,
  state: Type.String(),
  guide: Type.String(),
  usage: Type.String(),
  interchangeControlNumber: Type.Integer(),
  claimCount: Type.Integer(),
  totalChargeCents: Type.Integer(),
  fileName: Type.String(),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  /** The claims.batch job that wrote it. */
  jobId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Why its last upload failed, while it is not sent. */
  uploadError: Type.Union([Type.String(), Type.Null()]),
  uploadFailedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const summary = {
  id: submissionBatch.id,
  practiceId: submissionBatch.practiceId,
  state: submissionBatch.state,
  guide: submissionBatch.guide,
  usage: submissionBatch.usage,
  interchangeControlNumber: submissionBatch.interchangeControlNumber,
  claimCount: submissionBatch.claimCount,
  totalChargeCents: submissionBatch.totalChargeCents,
  fileName: submissionBatch.fileName,
  createdBy: submissionBatch.createdBy,
  jobId: submissionBatch.jobId,
  createdAt: submissionBatch.createdAt,
  sentAt: submissionBatch.sentAt,
  uploadError: submissionBatch.uploadError,
  uploadFailedAt: submissionBatch.uploadFailedAt,
};

export interface BatchRouteOptions {
  /** How long POST /api/batches waits for its job before answering 202 (the job goes on). */
  waitMs?: number;
}

export function registerBatchRoutes(
  app: FastifyInstance,
  db: Db,
  queue: JobQueue,
  options: BatchRouteOptions = {},
): void {
  const waitMs = options.waitMs ?? 120_000;
  registerResource(app, db, {
    path: 'submitter-settings',
    entity: 'submitter_settings',
    label: 'submitter setting',
    table: submitterSettings,
    schemas: { create: SubmitterSettingsCreate, update: SubmitterSettingsUpdate, item: SubmitterSettings },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [submitterSettings.submitterName],
    sortable: { submitterName: submitterSettings.submitterName },
    defaultSort: 'submitterName',
    uniqueField: 'practiceId',
  });
  registerBatchSendRoutes(app, db);

  app.post<{ Body: { practiceId: number; claimIds?: number[]; claimType?: ClaimType } }>(
    '/api/batches',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Write ready claims of one type into an 837P (professional) or 837I (institutional) submission batch (a background job; answers 201 when it is done, or 202 with the job when it takes longer than the wait: the job goes on and shows in GET /api/jobs)',
        body: Type.Object(
          {
            practiceId: Id,
            claimIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10_000, uniqueItems: true })),
            claimType: Type.Optional(
              Type.Union([Type.Literal('professional'), Type.Literal('institutional')]),
            ),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.body.practiceId);
      const actor = actorOf(request);
      const job: ClaimBatchJob = {
        practiceId: request.body.practiceId,
        claimIds: request.body.claimIds,
        claimType: request.body.claimType ?? 'professional',
        actor,
      };
      const jobId = await queue.enqueue('claims.batch', job, {
        practiceId: request.body.practiceId,
        requestedBy: actor.userId,
      });
      // A caller that hangs up stops the wait; the job is then marked as finishing unwatched.
      const hungUp = new AbortController();
      reply.raw.once('close', () => reply.raw.writableEnded || hungUp.abort());
      const done = await queue.waitAsCaller('claims.batch', jobId, {
        timeoutMs: waitMs,
        signal: hungUp.signal,
      });
      if (!done) {
        reply.code(202);
        return {
          jobId,
          state: 'running',
          detail:
            'the batch is still being written; it shows on the Submissions page and in Admin → Jobs when done',
        };
      }
      const output = done.output as BatchJobOutput | { message?: string };
      if (done.state !== 'completed')
        throw jobFailed(
          `batch not written: job ${jobId} ${done.state}: ${(output as { message?: string })?.message ?? ''}`,
        );
      if ('problem' in output)
        throw new ProblemError(output.problem.code, output.problem.detail, output.problem.errors);
      reply.code(201);
      return { ...(output as BatchOutcome), jobId };
    },
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/batches',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        querystring: Type.Object({ practiceId: Type.Optional(Id) }, closed),
        response: { 200: Type.Array(Batch) },
      },
    },
    async (request) => {
      const scope = request.query.practiceId
        ? request.practiceScope.filter((p) => p === request.query.practiceId)
        : request.practiceScope;
      return db
        .select(summary)
        .from(submissionBatch)
        .where(inArray(submissionBatch.practiceId, scope.length ? scope : [-1]))
        .orderBy(desc(submissionBatch.id))
        .limit(200);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/batches/:id',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            ...Batch.properties,
            claims: Type.Array(
              Type.Object({
                id: Id,
                patientControlNumber: Type.String(),
                state: Type.String(),
                totalChargeCents: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const [batch] = await db
        .select(summary)
        .from(submissionBatch)
        .where(
          and(
            eq(submissionBatch.id, request.params.id),
            inArray(submissionBatch.practiceId, request.practiceScope.length ? request.practiceScope : [-1]),
          ),
        );
      if (!batch) throw notFound('batch');
      const claims = await db
        .select({
          id: claim.id,
          patientControlNumber: claim.patientControlNumber,
          state: claim.state,
          totalChargeCents: claim.totalChargeCents,
        })
        .from(batchClaim)
        .innerJoin(claim, eq(claim.id, batchClaim.claimId))
        .where(eq(batchClaim.batchId, batch.id))
        .orderBy(asc(claim.id));
      return { ...batch, claims };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/batches/:id/837',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'The 837 file of the batch', params: Type.Object({ id: Id }) },
    },
    async (request, reply) => {
      const [batch] = await db
        .select()
        .from(submissionBatch)
        .where(
          and(
            eq(submissionBatch.id, request.params.id),
            inArray(submissionBatch.practiceId, request.practiceScope.length ? request.practiceScope : [-1]),
          ),
        );
      if (!batch) throw notFound('batch');
      await recordAudit(db, actorOf(request), {
        practiceId: batch.practiceId,
        action: 'export',
        entity: 'submission_batch',
        entityId: batch.id,
        detail: { file: batch.fileName },
      });
      reply
        .type('application/edi-x12')
        .header('content-disposition', `attachment; filename="${batch.fileName}"`);
      return batch.x12;
    },
  );
}
