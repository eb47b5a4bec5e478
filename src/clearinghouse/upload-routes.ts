import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { OFFICE } from '../auth/roles.ts';
import { batchForDelivery } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { Id } from '../shared/schema.ts';
import { activeConnection, type UploadJob } from './jobs.ts';

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
        response: { 202: Type.Object({ jobId: Type.String(), connection: Type.String() }) },
      },
    },
    async (request, reply) => {
      const batch = await batchForDelivery(db, request.params.id);
      if (!batch || !request.practiceScope.includes(batch.practiceId)) throw notFound('batch');
      if (batch.state !== 'generated') throw conflict(`batch ${batch.id} is already ${batch.state}`);
      const connection = await activeConnection(db, batch.practiceId);
      if (!connection)
        throw conflict(
          'the practice has no clearinghouse connection in use: download the 837 file, send it, then mark the batch sent',
        );
      const actor = actorOf(request);
      const job: UploadJob = {
        practiceId: batch.practiceId,
        batchId: batch.id,
        connectionId: connection.id,
        actor,
      };
      const jobId = await queue.enqueue('clearinghouse.upload', job, {
        practiceId: batch.practiceId,
        requestedBy: actor.userId,
      });
      reply.code(202);
      return { jobId, connection: connection.name };
    },
  );
}
