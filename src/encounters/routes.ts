import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CLINICAL, EVERYONE } from '../auth/roles.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { auditRowsRead } from '../http/resource.ts';
import { todayIso } from '../shared/dates.ts';
import { Id, IsoDate, ListOf } from '../shared/schema.ts';
import { encounterErrors } from './rules.ts';
import {
  Encounter,
  EncounterCreate,
  EncounterSummary,
  EncounterUpdate,
  type EncounterInput,
} from './schema.ts';
import {
  fillCharges,
  listEncounters,
  loadEncounter,
  replaceServiceLines,
  type EncounterListQuery,
} from './store.ts';
import { encounter } from './tables.ts';
import { changeEncounter, referenceErrors } from './update.ts';

const tags = ['encounter'];
const ListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    sort: Type.Optional(
      Type.Union(
        ['serviceDateFrom', 'patientName', 'status', 'createdAt', 'updatedAt'].map((s) => Type.Literal(s)),
      ),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    practiceId: Type.Optional(Id),
    patientId: Type.Optional(Id),
    renderingProviderId: Type.Optional(Id),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export function registerEncounterRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: EncounterListQuery }>(
    '/api/encounters',
    {
      config: { access: EVERYONE },
      schema: { tags, querystring: ListQuery, response: { 200: ListOf(EncounterSummary) } },
    },
    async (request) => {
      const result = await listEncounters(db, request.practiceScope, request.query);
      await auditRowsRead(db, request, 'encounter', 'list', result.items);
      return result;
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/encounters/:id',
    {
      config: { access: EVERYONE },
      schema: { tags, params: Type.Object({ id: Id }), response: { 200: Encounter } },
    },
    async (request) => {
      const found = await loadEncounter(db, request.params.id, request.practiceScope);
      if (!found) throw notFound('encounter');
      await recordAudit(db, actorOf(request), {
        practiceId: found.practiceId,
        action: 'read',
        entity: 'encounter',
        entityId: found.id,
      });
      return found;
    },
  );

  app.post<{ Body: EncounterInput }>(
    '/api/encounters',
    { config: { access: CLINICAL }, schema: { tags, body: EncounterCreate, response: { 201: Encounter } } },
    async (request, reply) => {
      const input = request.body;
      requirePracticeInScope(request, input.practiceId);
      const saved = await db.transaction(async (tx) => {
        const { lines, errors } = await fillCharges(tx, input.practiceId, input);
        errors.unshift(
          ...encounterErrors(input, todayIso()),
          ...(await referenceErrors(tx, input.practiceId, input)),
        );
        if (errors.length) throw invalid(errors);
        const { serviceLines: _lines, ...header } = input;
        const [row] = await tx
          .insert(encounter)
          .values({ ...header, serviceDateTo: input.serviceDateTo ?? input.serviceDateFrom })
          .returning();
        await replaceServiceLines(tx, input.practiceId, row!.id, row!.serviceDateFrom, lines);
        const after = await loadEncounter(tx, row!.id, [input.practiceId]);
        await recordAudit(tx, actorOf(request), {
          practiceId: input.practiceId,
          action: 'create',
          entity: 'encounter',
          entityId: row!.id,
          after,
        });
        return after!;
      });
      reply.code(201);
      return saved;
    },
  );

  app.patch<{ Params: { id: number }; Body: Partial<EncounterInput> }>(
    '/api/encounters/:id',
    {
      config: { access: CLINICAL },
      schema: { tags, params: Type.Object({ id: Id }), body: EncounterUpdate, response: { 200: Encounter } },
    },
    async (request) =>
      db.transaction(
        async (tx) =>
          (
            await changeEncounter(
              tx,
              request.params.id,
              request.practiceScope,
              request.body,
              actorOf(request),
            )
          ).after,
      ),
  );
}
