import { Type } from '@sinclair/typebox';
import { and, count, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { MANAGERS, practicesWithRole } from '../auth/roles.ts';
import { forbidden } from '../shared/problem.ts';
import type { Db } from '../db/connection.ts';
import { Id, IsoDate, ListOf } from '../shared/schema.ts';
import { addDays } from '../shared/dates.ts';
import { auditEvent } from './tables.ts';
import { usersGrantedIn } from '../auth/index.ts';

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  userEmail: Type.Union([Type.String(), Type.Null()]),
  practiceId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  detail: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    practiceId: Type.Optional(Id),
    userId: Type.Optional(Id),
    entity: Type.Optional(Type.String({ maxLength: 40 })),
    entityId: Type.Optional(Type.String({ maxLength: 40 })),
    action: Type.Optional(Type.String({ maxLength: 20 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
type AuditQueryT = typeof AuditQuery.static;
const SESSION_ACTIONS = ['login', 'login-failed', 'logout'];

/** The audit trail, read-only: there is no route that changes it, and the database refuses to. */
export function registerAuditRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: AuditQueryT }>(
    '/api/audit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first',
        querystring: AuditQuery,
        response: { 200: ListOf(AuditEventSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const usersOf = (practices: number[]) => usersGrantedIn(db, practices);
      const { page = 1, pageSize = 50 } = q;
      const user = request.user!;
      const managed = practicesWithRole(user.grants, MANAGERS);
      if (!user.installationAdmin && managed.length === 0) throw forbidden();
      const scope = q.practiceId ? managed.filter((p) => p === q.practiceId) : managed;
      const conditions: (SQL | undefined)[] = [
        // The installation admin reads the whole trail. A manager reads their practices' events
        // and, of the events outside any practice, only the log-ins of the people they oversee:
        // other installation-wide events (code-set imports, other practices' users) are not theirs.
        user.installationAdmin
          ? q.practiceId
            ? eq(auditEvent.practiceId, q.practiceId)
            : undefined
          : or(
              inArray(auditEvent.practiceId, scope.length ? scope : [-1]),
              q.practiceId
                ? undefined
                : and(
                    isNull(auditEvent.practiceId),
                    eq(auditEvent.entity, 'user'),
                    inArray(auditEvent.action, SESSION_ACTIONS),
                    inArray(auditEvent.userId, usersOf(scope)),
                  ),
            ),
        q.userId ? eq(auditEvent.userId, q.userId) : undefined,
        q.entity ? eq(auditEvent.entity, q.entity) : undefined,
        q.entityId ? eq(auditEvent.entityId, q.entityId) : undefined,
        q.action ? eq(auditEvent.action, q.action) : undefined,
        q.from ? gte(auditEvent.at, new Date(`${q.from}T00:00:00Z`)) : undefined,
        q.to ? lt(auditEvent.at, new Date(`${addDays(q.to, 1)}T00:00:00Z`)) : undefined,
      ];
      const where = and(...conditions);
      const items = await db
        .select()
        .from(auditEvent)
        .where(where)
        .orderBy(desc(auditEvent.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [total] = await db.select({ n: count() }).from(auditEvent).where(where);
      return { items, total: total?.n ?? 0, page, pageSize };
    },
  );
}
