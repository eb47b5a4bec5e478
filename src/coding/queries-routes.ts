// Physician queries over HTTP: a coder sends one about a chart (the chart waits), the provider
// answers it (the answer becomes an addendum the coder cites), or the coder withdraws it.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { closed, Id, Text } from '../shared/schema.ts';
import { OTHER, UNDETERMINED, checkQuery, type QueryDraft } from './queries.ts';
import { answerQuery, listQueries, queryById, sendQuery, withdrawQuery } from './queries-store.ts';

const tags = ['coding'];
const SENDERS: Role[] = ['admin', 'manager', 'coder'];
const READERS: Role[] = ['admin', 'manager', 'coder', 'auditor', 'provider'];
const ANSWERERS: Role[] = ['admin', 'manager', 'provider'];
const ById = Type.Object({ id: Id }, closed);
const Draft = {
  question: Text(2000),
  clinicalIndicators: Type.String({ maxLength: 4000 }),
  options: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 12 }),
};

export function registerCodingQueryRoutes(
  app: FastifyInstance,
  db: Db,
  now: () => Date = () => new Date(),
): void {
  app.post<{ Body: QueryDraft }>(
    '/api/coding/queries/check',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary:
          'Check a physician query before sending: clinical indicators, at least two options, no leading or financial wording',
        body: Type.Object(Draft, closed),
      },
    },
    async (request) => ({ errors: checkQuery(request.body), fixedOptions: [OTHER, UNDETERMINED] }),
  );

  app.post<{ Body: QueryDraft & { practiceId: number; encounterId: number; providerId?: number } }>(
    '/api/coding/queries',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary:
          "Send a physician query about an encounter's chart (to its rendering provider unless named); the chart waits in state query",
        body: Type.Object(
          { practiceId: Id, encounterId: Id, providerId: Type.Optional(Id), ...Draft },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { practiceId, encounterId, ...draft } = request.body;
      requirePracticeInScope(request, practiceId);
      const row = await db.transaction((tx) =>
        sendQuery(tx, practiceId, encounterId, draft, actorOf(request)),
      );
      return reply.code(201).send(row);
    },
  );

  app.get<{
    Querystring: { practiceId?: number; state?: string; encounterId?: number; providerId?: number };
  }>(
    '/api/coding/queries',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Physician queries, newest first: open ones are what providers answer',
        querystring: Type.Object(
          {
            practiceId: Type.Optional(Id),
            state: Type.Optional(Type.Union(['open', 'answered', 'withdrawn'].map((s) => Type.Literal(s)))),
            encounterId: Type.Optional(Id),
            providerId: Type.Optional(Id),
          },
          closed,
        ),
      },
    },
    async (request) => ({ items: await listQueries(db, request.practiceScope, request.query) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/coding/queries/:id',
    { config: { access: READERS }, schema: { tags, summary: 'One physician query', params: ById } },
    async (request) => queryById(db, request.practiceScope, request.params.id),
  );

  app.post<{ Params: { id: number }; Body: { option: string; text?: string } }>(
    '/api/coding/queries/:id/answer',
    {
      config: { access: ANSWERERS },
      schema: {
        tags,
        summary:
          "The provider's answer: one of the options (other with the provider's words); it becomes an addendum on the encounter",
        params: ById,
        body: Type.Object(
          { option: Text(200), text: Type.Optional(Type.String({ maxLength: 2000 })) },
          closed,
        ),
      },
    },
    async (request) =>
      db.transaction((tx) =>
        answerQuery(
          tx,
          request.practiceScope,
          request.params.id,
          request.body,
          { ...actorOf(request), name: request.user?.name ?? request.user?.email ?? 'provider' },
          now(),
        ),
      ),
  );

  app.post<{ Params: { id: number } }>(
    '/api/coding/queries/:id/withdraw',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary: 'Withdraw an open physician query (the chart goes back to its coder)',
        params: ById,
      },
    },
    async (request) =>
      db.transaction((tx) => withdrawQuery(tx, request.practiceScope, request.params.id, actorOf(request))),
  );
}
