import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE, OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { Id } from '../shared/schema.ts';
import { batchForDelivery, markBatchSent, pendingBatchOf, releaseBatch } from './batch-delivery.ts';
import { loadClaim } from './store.ts';

const tags = ['submissions'];
const ById = Type.Object({ id: Id });

/**
 * What a biller does with a batch not sent yet: says it was sent by hand (a practice without a
 * clearinghouse connection uploads the file itself), or releases its claims to batch them again.
 */
export function registerBatchSendRoutes(app: FastifyInstance, db: Db): void {
  app.post<{ Params: { id: number } }>(
    '/api/batches/:id/sent',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Mark a batch sent by hand (its 837 file was uploaded to the clearinghouse outside cleanclaim): its claims become submitted',
        params: ById,
      },
    },
    async (request) => {
      const batch = await batchForDelivery(db, request.params.id);
      if (!batch || !request.practiceScope.includes(batch.practiceId)) throw notFound('batch');
      if (batch.state !== 'generated') throw conflict(`batch ${batch.id} is already ${batch.state}`);
      const sent = await markBatchSent(db, batch.id, actorOf(request), new Date(), {
        how: 'marked sent by hand',
      });
      if (!sent) throw conflict(`batch ${batch.id} was sent or released meanwhile`);
      return { batchId: batch.id, state: 'sent' };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/batches/:id/release',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Release a batch that was never sent: its claims go back to ready, to be batched again (the file is kept, never uploaded)',
        params: ById,
      },
    },
    async (request) => releaseBatch(db, request.params.id, request.practiceScope, actorOf(request)),
  );

  app.get<{ Params: { id: number } }>(
    '/api/claims/:id/batch',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'The batch a claim waits in, not sent yet, and why its upload failed (null when none)',
        params: ById,
      },
    },
    async (request) => {
      const loaded = await loadClaim(db, request.params.id, request.practiceScope);
      if (!loaded) throw notFound('claim');
      const pending = await pendingBatchOf(db, loaded.row.id);
      return pending ? { ...pending, uploadFailedAt: pending.uploadFailedAt?.toISOString() ?? null } : null;
    },
  );
}
