// HTTP edge of claim status: a claim's 276 inquiries and their 277 answers, and the scheduled
// status run on demand for one practice.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE, OFFICE } from '../../auth/roles.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../../http/access.ts';
import type { JobQueue } from '../../jobs/index.ts';
import { notFound } from '../../shared/problem.ts';
import { closed, Id } from '../../shared/schema.ts';
import { loadClaim } from '../store.ts';
import { statusInquiriesOf } from './inbound.ts';
import { STATUS_JOB, type StatusInquiryJob } from './jobs.ts';

const tags = ['claim status'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Status = Type.Object({
  categoryCode: Type.String({
    description: 'STC01-1: A acknowledged, P pending, F finalized, R request, E error',
  }),
  statusCode: Type.String({ description: 'STC01-2 claim status code' }),
  entityCode: Type.Optional(Type.String()),
  says: Type.String({ description: 'the status in words' }),
  action: Type.Optional(Type.String({ description: 'what to do, when the status needs someone' })),
  amountCents: Type.Optional(Type.Integer()),
  paidCents: Type.Optional(Type.Integer()),
  payerClaimNumber: Type.Optional(Type.String()),
  checkNumber: Type.Optional(Type.String()),
  paidDate: Type.Optional(Type.String({ format: 'date' })),
  date: Type.Optional(Type.String({ format: 'date' })),
  line: Type.Optional(Type.String({ description: 'the service line (SVC01) of a line-level status' })),
});

const Inquiry = Type.Object({
  id: Type.Integer(),
  askedAt: Type.String({ format: 'date-time' }),
  state: Type.String({ description: 'waiting or answered' }),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  category: Nullable(Type.String()),
  traceNumber: Type.String({ description: 'TRN02 of the 276, echoed by the 277' }),
  batchId: Nullable(Type.Integer()),
  statuses: Type.Array(Status),
});

export function registerClaimStatusRoutes(
  app: FastifyInstance,
  db: Db,
  queue: Pick<JobQueue, 'enqueue'>,
): void {
  app.get<{ Params: { id: number } }>(
    '/api/claims/:id/status-inquiries',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "The claim's 276 status inquiries, newest first, with the payer's 277 answers in words",
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ items: Type.Array(Inquiry) }) },
      },
    },
    async (request) => {
      if (!(await loadClaim(db, request.params.id, request.practiceScope))) throw notFound('claim');
      return { items: await statusInquiriesOf(db, request.params.id) };
    },
  );

  app.post<{ Body: { practiceId: number } }>(
    '/api/claim-status/run',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "Run the daily claim status inquiry now for one practice: a 276 for its claims submitted longer ago than their payer's statusInquiryDays without an 835 (a background job)",
        body: Type.Object({ practiceId: Id }, closed),
        response: { 202: Type.Object({ jobId: Type.String() }) },
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.body.practiceId);
      const actor = actorOf(request);
      const job: StatusInquiryJob = { practiceId: request.body.practiceId, actor };
      const jobId = await queue.enqueue(STATUS_JOB, job, {
        practiceId: request.body.practiceId,
        requestedBy: actor.userId,
      });
      reply.code(202);
      return { jobId };
    },
  );
}
