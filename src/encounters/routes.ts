import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { CLINICAL, EVERYONE } from '../auth/roles.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { patientById } from '../patients/index.ts';
import { facilityById, providerById } from '../practices/index.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { chargedServiceLineIds } from '../ledger/index.ts';
import { conflict, invalid, notFound, type FieldError } from '../shared/problem.ts';
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

type FindById = (db: Executor, id: number) => Promise<{ practiceId: number } | undefined>;

const REFERENCES: [keyof EncounterInput, FindById, string][] = [
  ['patientId', patientById, 'patient'],
  ['renderingProviderId', providerById, 'provider'],
  ['referringProviderId', providerById, 'provider'],
  ['facilityId', facilityById, 'facility'],
];

const inPractice = async (db: Executor, find: FindById, id: number, practiceId: number) =>
  (await find(db, id))?.practiceId === practiceId;

async function referenceErrors(
  db: Executor,
  practiceId: number,
  input: Partial<EncounterInput>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [field, find, label] of REFERENCES) {
    const value = input[field];
    if (typeof value === 'number' && !(await inPractice(db, find, value, practiceId))) {
      errors.push({ pointer: `/${field}`, detail: `no such ${label} in this practice` });
    }
  }
  const operating = input.institutional?.operatingProviderId;
  if (typeof operating === 'number' && !(await inPractice(db, providerById, operating, practiceId)))
    errors.push({
      pointer: '/institutional/operatingProviderId',
      detail: 'no such provider in this practice',
    });
  return errors;
}

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
      db.transaction(async (tx) => {
        const before = await loadEncounter(tx, request.params.id, request.practiceScope);
        if (!before) throw notFound('encounter');
        const merged = {
          ...before,
          ...request.body,
          serviceLines: request.body.serviceLines ?? before.serviceLines,
        };
        const { lines, errors } = await fillCharges(tx, before.practiceId, merged);
        errors.unshift(
          ...encounterErrors(merged, todayIso()),
          ...(await referenceErrors(tx, before.practiceId, request.body)),
        );
        if (errors.length) throw invalid(errors);
        const { serviceLines: newLines, ...header } = request.body;
        await tx
          .update(encounter)
          .set({ ...header, updatedAt: new Date() })
          .where(eq(encounter.id, before.id));
        if (newLines) {
          // Charged lines carry ledger entries, which are never removed: a billed visit is corrected by a corrected claim.
          const charged = await chargedServiceLineIds(
            tx,
            before.serviceLines.map((l) => l.id),
          );
          if (charged.length)
            throw conflict(
              "the visit's service lines are billed (charged in the ledger): correct them with a corrected claim, not by editing the encounter",
              [{ pointer: '/serviceLines', detail: 'billed lines cannot be replaced' }],
            );
          await replaceServiceLines(tx, before.practiceId, before.id, merged.serviceDateFrom, lines);
        }
        const after = await loadEncounter(tx, before.id, [before.practiceId]);
        await recordAudit(tx, actorOf(request), {
          practiceId: before.practiceId,
          action: 'update',
          entity: 'encounter',
          entityId: before.id,
          before,
          after,
        });
        return after!;
      }),
  );
}
