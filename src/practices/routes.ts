import { Type } from '@sinclair/typebox';
import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { EVERYONE, MANAGERS } from '../auth/roles.ts';
import { grantRole } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { notFound } from '../shared/problem.ts';
import { registerResource } from '../http/resource.ts';
import { Id } from '../shared/schema.ts';
import {
  Facility,
  FacilityCreate,
  FacilityUpdate,
  Fee,
  FeeCreate,
  FeeUpdate,
  Practice,
  PracticeCreate,
  PracticeUpdate,
  Provider,
  ProviderCreate,
  ProviderUpdate,
} from './schema.ts';
import { facility, feeScheduleEntry, practice, provider } from './tables.ts';
import { dateOrderErrors } from '../shared/checks.ts';
import { normalizeTin } from '../shared/tin.ts';

export function registerPracticeRoutes(app: FastifyInstance, db: Db): void {
  registerPracticeItself(app, db);
  registerResource(app, db, {
    path: 'providers',
    entity: 'provider',
    label: 'provider',
    table: provider,
    schemas: { create: ProviderCreate, update: ProviderUpdate, item: Provider },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [provider.lastName, provider.firstName, provider.npi],
    sortable: { lastName: provider.lastName, firstName: provider.firstName, npi: provider.npi },
    defaultSort: 'lastName',
    filters: { active: provider.active },
    uniqueField: 'npi',
  });
  registerResource(app, db, {
    path: 'facilities',
    entity: 'facility',
    label: 'facility',
    table: facility,
    schemas: { create: FacilityCreate, update: FacilityUpdate, item: Facility },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [facility.name, facility.city],
    sortable: { name: facility.name, city: facility.city },
    defaultSort: 'name',
  });
  registerResource(app, db, {
    path: 'fee-schedule',
    entity: 'fee_schedule_entry',
    label: 'fee',
    table: feeScheduleEntry,
    schemas: { create: FeeCreate, update: FeeUpdate, item: Fee },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [feeScheduleEntry.procedureCode],
    sortable: {
      procedureCode: feeScheduleEntry.procedureCode,
      effectiveDate: feeScheduleEntry.effectiveDate,
      chargeCents: feeScheduleEntry.chargeCents,
    },
    defaultSort: 'procedureCode',
    filters: { procedureCode: feeScheduleEntry.procedureCode },
    check: (row) => dateOrderErrors(row, 'effectiveDate', 'endDate'),
  });
}

/** The practice (billing provider) itself: listed where granted, created by an admin, edited by its managers. */
function registerPracticeItself(app: FastifyInstance, db: Db): void {
  const tags = ['practice'];
  app.get(
    '/api/practices',
    { config: { access: EVERYONE }, schema: { tags, response: { 200: Type.Array(Practice) } } },
    async (request) =>
      db
        .select()
        .from(practice)
        .where(inArray(practice.id, request.practiceScope))
        .orderBy(asc(practice.name)),
  );
  app.get<{ Params: { id: number } }>(
    '/api/practices/:id',
    {
      config: { access: EVERYONE },
      schema: { tags, params: Type.Object({ id: Id }), response: { 200: Practice } },
    },
    async (request) => {
      if (!request.practiceScope.includes(request.params.id)) throw notFound('practice');
      const [row] = await db.select().from(practice).where(eq(practice.id, request.params.id));
      return row;
    },
  );
  app.post<{ Body: typeof PracticeCreate.static }>(
    '/api/practices',
    {
      config: { access: 'installation-admin' },
      schema: { tags, body: PracticeCreate, response: { 201: Practice } },
    },
    async (request, reply) => {
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(practice)
          .values({ ...request.body, tin: normalizeTin(request.body.tin) })
          .returning();
        await grantRole(tx, request.user!.id, created!.id, 'admin');
        await recordAudit(tx, actorOf(request), {
          practiceId: created!.id,
          action: 'create',
          entity: 'practice',
          entityId: created!.id,
          after: created,
        });
        return created!;
      });
      reply.code(201);
      return row;
    },
  );
  app.patch<{ Params: { id: number }; Body: typeof PracticeUpdate.static }>(
    '/api/practices/:id',
    {
      config: { access: MANAGERS },
      schema: { tags, params: Type.Object({ id: Id }), body: PracticeUpdate, response: { 200: Practice } },
    },
    async (request) => {
      requirePracticeInScope(request, request.params.id);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(practice).where(eq(practice.id, request.params.id));
        const body = request.body.tin
          ? { ...request.body, tin: normalizeTin(request.body.tin) }
          : request.body;
        const [after] = await tx
          .update(practice)
          .set({ ...body, updatedAt: new Date() })
          .where(eq(practice.id, request.params.id))
          .returning();
        await recordAudit(tx, actorOf(request), {
          practiceId: request.params.id,
          action: 'update',
          entity: 'practice',
          entityId: request.params.id,
          before,
          after,
        });
        return after;
      });
    },
  );
}
