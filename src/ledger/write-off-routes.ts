// Write-offs over HTTP: billers ask (posted at once within the practice's limit), managers see
// the pending ones and approve (posted) or refuse them.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MANAGERS, OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import { closed, Id, Nullable, Text, Timestamp } from '../shared/schema.ts';
import { decideWriteOff, listWriteOffs, requestWriteOff, WRITE_OFF_REASONS } from './write-offs.ts';

const WriteOff = Type.Object({
  id: Type.Integer(),
  practiceId: Type.Integer(),
  claimId: Type.Integer(),
  claimLineId: Type.Union([Type.Integer(), Type.Null()]),
  amountCents: Type.Integer(),
  reasonCode: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  state: Type.String({ description: 'pending, approved (posted) or refused' }),
  requestedBy: Type.Union([Type.Integer(), Type.Null()]),
  requestedAt: Timestamp,
  decidedBy: Type.Union([Type.Integer(), Type.Null()]),
  decidedAt: Type.Union([Timestamp, Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  ledgerEntryId: Type.Union([Type.Integer(), Type.Null()]),
});

const Decision = Type.Object({ note: Type.Optional(Text(2000, { minLength: 1 })) }, closed);

export function registerWriteOffRoutes(app: FastifyInstance, db: Db): void {
  app.post<{
    Body: {
      claimId: number;
      claimLineId?: number | null;
      amountCents: number;
      reasonCode: string;
      note?: string;
    };
  }>(
    '/api/write-offs',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['ledger'],
        summary:
          "Write off what insurance left open on a claim or line, with a reason code: posted at once up to the practice's approval limit, above it pending a manager",
        body: Type.Object(
          {
            claimId: Id,
            claimLineId: Nullable(Id),
            amountCents: Type.Integer({ minimum: 1, maximum: 99_999_999 }),
            reasonCode: Type.Union(WRITE_OFF_REASONS.map((r) => Type.Literal(r))),
            note: Type.Optional(Text(2000)),
          },
          closed,
        ),
        response: { 201: WriteOff },
      },
    },
    async (request, reply) => {
      const row = await requestWriteOff(
        db,
        request.body,
        request.practiceScope,
        actorOf(request),
        new Date(),
      );
      return reply.code(201).send(row);
    },
  );

  app.get<{ Querystring: { state?: string; claimId?: number; practiceId?: number } }>(
    '/api/write-offs',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['ledger'],
        summary: 'Write-offs asked for; state=pending is the managers’ approval list',
        querystring: Type.Object({
          state: Type.Optional(Type.Union(['pending', 'approved', 'refused'].map((s) => Type.Literal(s)))),
          claimId: Type.Optional(Id),
          practiceId: Type.Optional(Id),
        }),
        response: { 200: Type.Object({ items: Type.Array(WriteOff) }) },
      },
    },
    async (request) => {
      const { practiceId, ...filter } = request.query;
      const scope = practiceId
        ? request.practiceScope.filter((p) => p === practiceId)
        : request.practiceScope;
      return { items: await listWriteOffs(db, scope, filter) };
    },
  );

  for (const decision of ['approve', 'refuse'] as const)
    app.post<{ Params: { id: number }; Body: { note?: string } }>(
      `/api/write-offs/:id/${decision}`,
      {
        config: { access: MANAGERS },
        schema: {
          tags: ['ledger'],
          summary:
            decision === 'approve'
              ? 'Approve a pending write-off: it is posted as a write_off ledger entry'
              : 'Refuse a pending write-off: nothing is posted',
          params: Type.Object({ id: Id }),
          body: Type.Optional(Decision),
          response: { 200: WriteOff },
        },
      },
      async (request) =>
        decideWriteOff(
          db,
          request.params.id,
          decision,
          request.body?.note ?? null,
          request.practiceScope,
          actorOf(request),
          new Date(),
        ),
    );
}
