import { Type } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { EVERYONE, OFFICE } from '../../auth/roles.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../../http/access.ts';
import { notFound } from '../../shared/problem.ts';
import { closed, Id } from '../../shared/schema.ts';
import { submissionBatch } from '../batch-tables.ts';
import { claim } from '../tables.ts';
import { applyAcknowledgment, batchAcknowledgments, claimAcknowledgments } from './apply.ts';

const tags = ['submissions'];
const scopeOf = (s: number[]) => (s.length ? s : [-1]);

export function registerAcknowledgmentRoutes(app: FastifyInstance, db: Db): void {
  app.post<{ Body: { practiceId: number; fileName: string; text: string } }>(
    '/api/acknowledgments',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Apply a TA1, 999 or 277CA file to the batches and claims it answers (once: the same file again changes nothing)',
        body: Type.Object(
          {
            practiceId: Id,
            fileName: Type.String({ minLength: 1, maxLength: 255 }),
            text: Type.String({ minLength: 1, maxLength: 50_000_000 }),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.body.practiceId);
      const outcome = await applyAcknowledgment(db, {
        ...request.body,
        receivedAt: new Date(),
        actor: actorOf(request),
      });
      return reply.code(outcome.alreadyApplied ? 200 : 201).send(outcome);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/batches/:id/acknowledgments',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "The batch's TA1, 999 and 277CA acknowledgments, newest first",
        params: Type.Object({ id: Id }),
      },
    },
    async (request) => {
      const [batch] = await db
        .select({ id: submissionBatch.id })
        .from(submissionBatch)
        .where(
          and(
            eq(submissionBatch.id, request.params.id),
            inArray(submissionBatch.practiceId, scopeOf(request.practiceScope)),
          ),
        );
      if (!batch) throw notFound('batch');
      return batchAcknowledgments(db as unknown as Executor, batch.id);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/claims/:id/acknowledgments',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "The claim's acknowledgment history (999, 277CA), newest first",
        params: Type.Object({ id: Id }),
      },
    },
    async (request) => {
      const [row] = await db
        .select({ id: claim.id })
        .from(claim)
        .where(
          and(eq(claim.id, request.params.id), inArray(claim.practiceId, scopeOf(request.practiceScope))),
        );
      if (!row) throw notFound('claim');
      return claimAcknowledgments(db as unknown as Executor, row.id);
    },
  );
}
