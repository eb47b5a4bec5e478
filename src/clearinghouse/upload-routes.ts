import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { closed, Id } from '../shared/schema.ts';
import { activeConnection, type UploadJob } from './jobs.ts';
import { deliveryOf, OUTBOUND_KINDS, type OutboundKind } from './outbound.ts';

const Queued = Type.Object({ jobId: Type.String(), connection: Type.String() });
const UploadBody = Type.Object(
  {
    kind: Type.Union(OUTBOUND_KINDS.map((k) => Type.Literal(k))),
    batchId: Id,
  },
  closed,
);

const WHAT: Record<OutboundKind, string> = {
  claims: 'batch',
  eligibility: 'eligibility batch',
  'claim-status': 'claim status batch',
};
const FILE: Record<OutboundKind, string> = { claims: '837', eligibility: '270', 'claim-status': '276' };

/** Queues the upload of a batch not sent yet, of any kind, over the practice's connection in use. */
async function queueRetry(
  db: Db,
  queue: JobQueue,
  request: FastifyRequest,
  kind: OutboundKind,
  batchId: number,
) {
  const batch = await deliveryOf(kind).forDelivery(db, batchId);
  if (!batch || !request.practiceScope.includes(batch.practiceId)) throw notFound(WHAT[kind]);
  if (batch.state !== 'generated') throw conflict(`${WHAT[kind]} ${batch.id} is already ${batch.state}`);
  const connection = await activeConnection(db, batch.practiceId);
  if (!connection)
    throw conflict(
      `the practice has no clearinghouse connection in use: download the ${FILE[kind]} file, send it, then mark the batch sent`,
    );
  const actor = actorOf(request);
  const job: UploadJob = {
    practiceId: batch.practiceId,
    ...(kind === 'claims' ? {} : { kind }),
    batchId: batch.id,
    connectionId: connection.id,
    actor,
  };
  const jobId = await queue.enqueue('clearinghouse.upload', job, {
    practiceId: batch.practiceId,
    requestedBy: actor.userId,
  });
  return { jobId, connection: connection.name };
}

/** The biller's retry of a batch whose upload failed: a new upload job, retried with backoff like the first. */
export function registerUploadRoutes(app: FastifyInstance, db: Db, queue: JobQueue): void {
  app.post<{ Params: { id: number } }>(
    '/api/batches/:id/upload',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['submissions'],
        summary:
          "Upload a batch not sent yet over the practice's clearinghouse connection (a background job)",
        params: Type.Object({ id: Id }),
        response: { 202: Queued },
      },
    },
    async (request, reply) => {
      const queued = await queueRetry(db, queue, request, 'claims', request.params.id);
      reply.code(202);
      return queued;
    },
  );
  app.post<{ Body: Static<typeof UploadBody> }>(
    '/api/clearinghouse/uploads',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['clearinghouse'],
        summary:
          "Upload a batch not sent yet (837 claims, 270 eligibility or 276 claim status) over the practice's connection (a background job)",
        body: UploadBody,
        response: { 202: Queued },
      },
    },
    async (request, reply) => {
      const queued = await queueRetry(db, queue, request, request.body.kind, request.body.batchId);
      reply.code(202);
      return queued;
    },
  );
}
