import { Type, type TObject } from '@sinclair/typebox';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db, Executor } from '../db/connection.ts';
import { Id, ListOf } from '../shared/schema.ts';
import { actorOf, requirePracticeInScope } from './access.ts';
import { conflict, invalid, notFound, type FieldError } from '../shared/problem.ts';
import { toCsv } from './csv.ts';

type Row = Record<string, unknown> & { id: number; practiceId: number };
type FindById = (db: Executor, id: number) => Promise<{ practiceId: number } | undefined>;
export type OwnedTable = PgTable & { id: PgColumn; practiceId: PgColumn };

/** A practice-owned master-data resource declared as data: one engine serves list, get, create, edit, export. */
export interface ResourceDef {
  path: string;
  entity: string;
  label: string;
  table: OwnedTable;
  schemas: { create: TObject; update: TObject; item: TObject };
  read: readonly string[];
  write: readonly string[];
  /** Reading it is reading PHI: every read, list and export is audited. */
  phi: boolean;
  search: PgColumn[];
  sortable: Record<string, PgColumn>;
  defaultSort: string;
  filters?: Record<string, PgColumn>;
  /**
   * Fields that point at another practice-owned row, which must belong to the same practice: a
   * table of the same domain, or another domain's exported lookup by id.
   */
  references?: Record<string, { label: string } & ({ table: OwnedTable } | { find: FindById })>;
  /** Rules across fields (dates in order, not in the future) on the merged row. */
  check?: (row: Record<string, unknown>) => FieldError[];
  /** The field a unique-constraint violation points at. */
  uniqueField?: string;
}

const likePrefix = (word: string) => `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every query word must start some searchable column (a word-prefix search, as people type). */
export function searchCondition(columns: (PgColumn | SQL)[], q: string | undefined): SQL | undefined {
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0 || columns.length === 0) return undefined;
  return and(...words.map((w) => or(...columns.map((c) => ilike(c, likePrefix(w))))));
}

function listQuerySchema(def: ResourceDef) {
  // Each filter takes the type of its column: `active=yes` on a boolean column is a 400, not a
  // database error.
  const filters = Object.fromEntries(
    Object.entries(def.filters ?? {}).map(([k, column]) => [
      k,
      Type.Optional(
        column.dataType === 'boolean'
          ? Type.Boolean()
          : column.dataType === 'number'
            ? Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
            : Type.String({ maxLength: 40 }),
      ),
    ]),
  );
  return Type.Object(
    {
      page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
      sort: Type.Optional(Type.Union(Object.keys(def.sortable).map((k) => Type.Literal(k)))),
      order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
      q: Type.Optional(Type.String({ maxLength: 100 })),
      practiceId: Type.Optional(Id),
      ...filters,
    },
    { additionalProperties: false },
  );
}

interface ListQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  practiceId?: number;
  [filter: string]: unknown;
}

function whereFor(def: ResourceDef, scope: number[], query: ListQuery): SQL | undefined {
  const practices = query.practiceId ? scope.filter((p) => p === query.practiceId) : scope;
  const conditions: (SQL | undefined)[] = [
    inArray(def.table.practiceId, practices.length ? practices : [-1]),
  ];
  conditions.push(searchCondition(def.search, query.q));
  for (const [name, column] of Object.entries(def.filters ?? {})) {
    if (query[name] !== undefined) conditions.push(eq(column, query[name]));
  }
  return and(...conditions);
}

export async function findOwned(
  db: Executor,
  table: OwnedTable,
  id: number,
  scope: number[],
): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), inArray(table.practiceId, scope.length ? scope : [-1])));
  return row as Row | undefined;
}

async function checkReferences(
  db: Executor,
  def: ResourceDef,
  row: Record<string, unknown>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [field, ref] of Object.entries(def.references ?? {})) {
    const value = row[field];
    if (value == null) continue;
    const practiceId = Number(row.practiceId);
    const found =
      'find' in ref
        ? (await ref.find(db, Number(value)))?.practiceId === practiceId
        : await findOwned(db, ref.table, Number(value), [practiceId]);
    if (!found) errors.push({ pointer: `/${field}`, detail: `no such ${ref.label} in this practice` });
  }
  return errors;
}

/** Maps a database unique violation to a 409 that names the field. */
export function rethrowConstraint(error: unknown, def: Pick<ResourceDef, 'label' | 'uniqueField'>): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') {
    const pointer = def.uniqueField ? `/${def.uniqueField}` : '';
    throw conflict(`a ${def.label} with this ${def.uniqueField ?? 'key'} already exists`, [
      { pointer, detail: 'is already in use' },
    ]);
  }
  throw error;
}

export function registerResource(app: FastifyInstance, db: Db, def: ResourceDef): void {
  const base = `/api/${def.path}`;
  const tags = [def.label];
  const ListQuerySchema = listQuerySchema(def);
  const byId = Type.Object({ id: Id });

  app.get<{ Querystring: ListQuery }>(
    base,
    {
      config: { access: def.read },
      schema: {
        tags,
        summary: `List ${def.label}s`,
        querystring: ListQuerySchema,
        response: { 200: ListOf(def.schemas.item) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 25 } = request.query;
      const where = whereFor(def, request.practiceScope, request.query);
      const column = def.sortable[request.query.sort ?? def.defaultSort] ?? def.table.id;
      const direction = request.query.order === 'desc' ? desc : asc;
      // The total rides along as a window count: one query per page instead of two.
      const rows = (await db
        .select({ row: def.table as PgTable, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(def.table as PgTable)
        .where(where)
        .orderBy(direction(column), asc(def.table.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize)) as unknown as { row: Row; total: number }[];
      const items = rows.map((r) => r.row);
      const total = rows[0]?.total ?? (page > 1 ? await countRows(db, def, where) : 0);
      if (def.phi && items.length) await auditRowsRead(db, request, def.entity, 'list', items);
      return { items, total, page, pageSize };
    },
  );

  app.get<{ Querystring: ListQuery }>(
    `${base}/export.csv`,
    {
      config: { access: def.read },
      schema: { tags, summary: `Export ${def.label}s as CSV`, querystring: ListQuerySchema },
    },
    async (request, reply) => {
      const where = whereFor(def, request.practiceScope, request.query);
      const rows = (await db
        .select()
        .from(def.table as PgTable)
        .where(where)
        .orderBy(asc(def.table.id))
        .limit(50_000)) as Row[];
      if (def.phi) await auditRowsRead(db, request, def.entity, 'export', rows);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${def.path}.csv"`);
      return toCsv(rows, Object.keys(def.schemas.item.properties));
    },
  );

  app.get<{ Params: { id: number } }>(
    `${base}/:id`,
    {
      config: { access: def.read },
      schema: { tags, summary: `Get a ${def.label}`, params: byId, response: { 200: def.schemas.item } },
    },
    async (request) => {
      const row = await findOwned(db, def.table, request.params.id, request.practiceScope);
      if (!row) throw notFound(def.label);
      if (def.phi) {
        await request.server.recordAudit(db, actorOf(request), {
          practiceId: row.practiceId,
          action: 'read',
          entity: def.entity,
          entityId: row.id,
        });
      }
      return row;
    },
  );

  app.post<{ Body: Record<string, unknown> & { practiceId: number } }>(
    base,
    {
      config: { access: def.write },
      schema: {
        tags,
        summary: `Create a ${def.label}`,
        body: def.schemas.create,
        response: { 201: def.schemas.item },
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.body.practiceId);
      const created = await db
        .transaction(async (tx) => {
          const errors = [
            ...(def.check?.(request.body) ?? []),
            ...(await checkReferences(tx, def, request.body)),
          ];
          if (errors.length) throw invalid(errors);
          const [row] = (await tx
            .insert(def.table)
            .values(request.body as never)
            .returning()) as Row[];
          await request.server.recordAudit(tx, actorOf(request), {
            practiceId: row!.practiceId,
            action: 'create',
            entity: def.entity,
            entityId: row!.id,
            after: row,
          });
          return row!;
        })
        .catch((e: unknown) => rethrowConstraint(e, def));
      reply.code(201);
      return created;
    },
  );

  app.patch<{ Params: { id: number }; Body: Record<string, unknown> }>(
    `${base}/:id`,
    {
      config: { access: def.write },
      schema: {
        tags,
        summary: `Edit a ${def.label}`,
        params: byId,
        body: def.schemas.update,
        response: { 200: def.schemas.item },
      },
    },
    async (request) =>
      db
        .transaction(async (tx) => {
          const before = await findOwned(tx, def.table, request.params.id, request.practiceScope);
          if (!before) throw notFound(def.label);
          const merged = { ...before, ...request.body };
          const errors = [...(def.check?.(merged) ?? []), ...(await checkReferences(tx, def, merged))];
          if (errors.length) throw invalid(errors);
          const [after] = (await tx
            .update(def.table)
            .set({ ...request.body, updatedAt: new Date() } as never)
            .where(eq(def.table.id, before.id))
            .returning()) as Row[];
          await request.server.recordAudit(tx, actorOf(request), {
            practiceId: before.practiceId,
            action: 'update',
            entity: def.entity,
            entityId: before.id,
            before,
            after,
          });
          return after!;
        })
        .catch((e: unknown) => rethrowConstraint(e, def)),
  );
}

async function countRows(db: Db, def: ResourceDef, where: SQL | undefined): Promise<number> {
  const [total] = await db
    .select({ n: count() })
    .from(def.table as PgTable)
    .where(where);
  return total?.n ?? 0;
}

/** Audits a read of many PHI rows (a list page or an export): one event per practice with the ids. */
export async function auditRowsRead(
  db: Db,
  request: FastifyRequest,
  entity: string,
  action: 'list' | 'export',
  rows: { id: number; practiceId: number }[],
) {
  const byPractice = new Map<number, number[]>();
  for (const r of rows) byPractice.set(r.practiceId, [...(byPractice.get(r.practiceId) ?? []), r.id]);
  for (const [practiceId, ids] of byPractice) {
    await request.server.recordAudit(db, actorOf(request), {
      practiceId,
      action,
      entity,
      detail: { query: request.query, ids },
    });
  }
}
