// The follow-up queue (issue 14: claims a 277 says need action), for billers, managers and
// administrators. The denial queue itself is in queue-routes.ts.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import { closed, Id } from '../shared/schema.ts';
import { closeFollowUp, listFollowUps } from './follow-ups.ts';

const FollowUpItem = Type.Object({
  id: Type.Integer(),
  practiceId: Type.Integer(),
  claimId: Type.Union([Type.Integer(), Type.Null()]),
  patientControlNumber: Type.String(),
  patientName: Type.String(),
  payerName: Type.String(),
  queue: Type.String({ description: 'claim-status: a 277 that needs action' }),
  reasonCode: Type.String({ description: 'STC category and status code, e.g. F2:88' }),
  reason: Type.String({ description: 'the status in words and what to do' }),
  source: Type.Unknown({ description: 'where it came from: the inquiry and the inbound 277' }),
  state: Type.String({ description: 'open or done' }),
  openedAt: Type.String({ format: 'date-time' }),
  nextFollowUpOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  owner: Type.Union([Type.Integer(), Type.Null()]),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  closeNote: Type.Union([Type.String(), Type.Null()]),
});

export function registerDenialRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { practiceId?: number; queue?: string; state?: string; claimId?: number } }>(
    '/api/follow-ups',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['follow-ups'],
        summary:
          'The follow-up queue: claims someone must act on (a 277 saying denied, information requested, rejected), with the reason in words',
        querystring: Type.Object({
          practiceId: Type.Optional(Type.Integer({ minimum: 1 })),
          queue: Type.Optional(Type.String({ maxLength: 40 })),
          state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
          claimId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(FollowUpItem) }) },
      },
    },
    async (request) => {
      const { practiceId, ...filter } = request.query;
      const scope = practiceId
        ? request.practiceScope.filter((p) => p === practiceId)
        : request.practiceScope;
      return { items: await listFollowUps(db, scope, filter) };
    },
  );

  app.post<{ Params: { id: number }; Body: { note: string } }>(
    '/api/follow-ups/:id/close',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['follow-ups'],
        summary:
          'Close a follow-up item with what was done (audited); a closed item stays in the list as done',
        params: Type.Object({ id: Id }),
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, closed),
        response: { 200: FollowUpItem },
      },
    },
    async (request) => {
      const row = await closeFollowUp(
        db,
        request.params.id,
        request.practiceScope,
        request.body.note,
        actorOf(request),
        new Date(),
      );
      const views = await listFollowUps(
        db,
        [row.practiceId],
        row.claimId === null ? {} : { claimId: row.claimId },
      );
      return views.find((v) => v.id === row.id)!;
    },
  );
}
