// The work queues over HTTP: the paged list, changing and assigning items, an item's history,
// the queue refresh on demand, and a user's saved filters. Billers, managers and administrators.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MANAGERS, OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { closed, Id, IsoDate, Nullable, Text } from '../shared/schema.ts';
import { refreshWorkQueues } from './work-queue-refresh.ts';
import {
  assignWorkItems,
  changeWorkItem,
  deleteSavedFilter,
  listSavedFilters,
  listWorkItems,
  saveFilter,
  workItem,
  workItemHistory,
  type WorkItemFilter,
} from './work-queue-store.ts';
import { ITEM_STATUSES, QUEUES } from './work-queues.ts';
import { WorkItem, WorkItemPage } from './work-queue-schema.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const ListQuery = Type.Object({
  practiceId: Type.Optional(Id),
  queue: Type.Optional(literals(QUEUES)),
  owner: Type.Optional(Id),
  status: Type.Optional(literals(ITEM_STATUSES)),
  payer: Type.Optional(Id),
  minAmount: Type.Optional(Type.Integer({ minimum: 0 })),
  due: Type.Optional(IsoDate),
  sort: Type.Optional(literals(['amount', 'due', 'opened'] as const)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
type ListQuery = typeof ListQuery.static;

const scopeOf = (practiceScope: number[], practiceId?: number) =>
  practiceId ? practiceScope.filter((p) => p === practiceId) : practiceScope;

export function registerWorkQueueRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: ListQuery }>(
    '/api/work-queues',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary:
          'The work queues (no response, denials, underpayments, rejections, patient balances, claim status): filtered, sorted by amount at stake, due date or age, a page at a time with the total',
        querystring: ListQuery,
        response: {
          200: WorkItemPage,
        },
      },
    },
    async (request) => {
      const { practiceId, payer, ...rest } = request.query;
      const filter: WorkItemFilter = { ...rest, ...(payer ? { payerId: payer } : {}) };
      return listWorkItems(db, scopeOf(request.practiceScope, practiceId), filter);
    },
  );

  app.patch<{
    Params: { id: number };
    Body: {
      owner?: number | null;
      status?: (typeof ITEM_STATUSES)[number];
      nextFollowUpOn?: string | null;
      note?: string;
    };
  }>(
    '/api/work-queues/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary:
          'Work an item: its owner, status, next follow-up date or a note, each written to its history (status done closes it)',
        params: Type.Object({ id: Id }),
        response: { 200: WorkItem },
        body: Type.Object(
          {
            owner: Nullable(Id),
            status: Type.Optional(literals(ITEM_STATUSES)),
            nextFollowUpOn: Nullable(IsoDate),
            note: Type.Optional(Text(2000, { minLength: 1 })),
          },
          closed,
        ),
      },
    },
    async (request) => {
      const row = await changeWorkItem(
        db,
        request.params.id,
        request.practiceScope,
        request.body,
        actorOf(request),
        new Date(),
      );
      return workItem(db, row.id, [row.practiceId]);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/work-queues/:id/history',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary:
          "An item's history: opened, assigned, status, next follow-up, notes, closed, with who and when",
        params: Type.Object({ id: Id }),
      },
    },
    async (request) => ({ items: await workItemHistory(db, request.params.id, request.practiceScope) }),
  );

  app.post<{ Body: { ids: number[]; owner: number | null } }>(
    '/api/work-queues/assign',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary: 'Give many open items to one owner (or nobody) at once',
        body: Type.Object(
          {
            ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
            owner: Type.Union([Id, Type.Null()]),
          },
          closed,
        ),
      },
    },
    async (request) =>
      assignWorkItems(db, request.body.ids, request.body.owner, request.practiceScope, actorOf(request)),
  );

  app.post<{ Body: { practiceId?: number } }>(
    '/api/work-queues/refresh',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['work-queues'],
        summary: 'Rebuild the queues now (the daily denials.refresh-queues job does it every day)',
        body: Type.Object({ practiceId: Id }, closed),
      },
    },
    async (request) => {
      const practiceId = request.body.practiceId!;
      requirePracticeInScope(request, practiceId);
      return refreshWorkQueues(db, practiceId, new Date(), actorOf(request));
    },
  );

  app.get<{ Querystring: { page: string; practiceId?: number } }>(
    '/api/saved-filters',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary: "The user's saved filters on a page (work-queues, denials, dashboard)",
        querystring: Type.Object({ page: Text(40, { minLength: 1 }), practiceId: Type.Optional(Id) }),
      },
    },
    async (request) => ({
      items: await listSavedFilters(
        db,
        request.user!.id,
        scopeOf(request.practiceScope, request.query.practiceId),
        request.query.page,
      ),
    }),
  );

  app.post<{ Body: { practiceId: number; page: string; name: string; filter: Record<string, unknown> } }>(
    '/api/saved-filters',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary: 'Save a filter under a name (the same name again replaces it)',
        body: Type.Object(
          {
            practiceId: Id,
            page: Text(40, { minLength: 1 }),
            name: Text(100, { minLength: 1 }),
            filter: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 30 }),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.body.practiceId);
      const row = await saveFilter(db, { ...request.body, userId: request.user!.id }, actorOf(request));
      return reply.code(201).send(row);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/saved-filters/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['work-queues'],
        summary: 'Delete one of your saved filters',
        params: Type.Object({ id: Id }),
      },
    },
    async (request, reply) => {
      await deleteSavedFilter(
        db,
        request.params.id,
        request.user!.id,
        request.practiceScope,
        actorOf(request),
      );
      return reply.code(204).send();
    },
  );
}
