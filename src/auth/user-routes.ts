import { Type } from '@sinclair/typebox';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudits, type AuditEntry } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { allPracticeIds } from '../practices/lookup.ts';
import { actorOf } from '../http/access.ts';
import { conflict, forbidden, invalid, notFound } from '../shared/problem.ts';
import { Id } from '../shared/schema.ts';
import { hashPassword } from './password.ts';
import { ADMINS, canAdministerUser, practicesWithRole, type Grant } from './roles.ts';
import { User, UserCreate, UserUpdate } from './schema.ts';
import { createUser, endSessionsOf, findUserByEmail, grantsOf } from './store.ts';
import { appUser, practiceGrant } from './tables.ts';

const tags = ['users'];

/**
 * User accounts. The installation admin manages every user; a practice admin sees the users of
 * the practices they administer (with only those practices' grants) and changes only users whose
 * every grant lies there.
 */
export function registerUserRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/users',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: Type.Array(User) } } },
    async (request) => {
      const scope = await adminScope(db, request);
      const ids = request.user!.installationAdmin
        ? (await db.select({ id: appUser.id }).from(appUser)).map((r) => r.id)
        : await usersIn(db, scope);
      const users = await Promise.all(ids.map((id) => present(db, id, scope)));
      return users.filter(Boolean).sort((a, b) => a!.email.localeCompare(b!.email));
    },
  );

  app.post<{ Body: typeof UserCreate.static }>(
    '/api/users',
    { config: { access: 'authenticated' }, schema: { tags, body: UserCreate, response: { 201: User } } },
    async (request, reply) => {
      const scope = await adminScope(db, request);
      const { grants, installationAdmin = false } = request.body;
      if (installationAdmin && !request.user!.installationAdmin)
        throw forbidden('only an installation administrator can make installation administrators');
      if (grants.length === 0 && !installationAdmin)
        throw invalid([{ pointer: '/grants', detail: 'needs at least one role in a practice' }]);
      checkGrants(grants, scope);
      if (await findUserByEmail(db, request.body.email))
        throw conflict('a user with this email exists', [{ pointer: '/email', detail: 'is already in use' }]);
      const id = await db.transaction(async (tx) => {
        const userId = await createUser(tx, request.body);
        await auditUserChange(tx, request, userId, 'create', [], grants, {
          email: request.body.email,
          installationAdmin,
        });
        return userId;
      });
      reply.code(201);
      return present(db, id, scope);
    },
  );

  app.patch<{ Params: { id: number }; Body: typeof UserUpdate.static }>(
    '/api/users/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: Type.Object({ id: Id }), body: UserUpdate, response: { 200: User } },
    },
    async (request) => {
      const caller = request.user!;
      const scope = await adminScope(db, request);
      const userId = request.params.id;
      const [target] = await db.select().from(appUser).where(eq(appUser.id, userId));
      const targetGrants = await grantsOf(db, userId);
      // A user the caller cannot see at all is 404: we do not confirm other practices' users exist.
      if (!target || (!caller.installationAdmin && !targetGrants.some((g) => scope.includes(g.practiceId))))
        throw notFound('user');
      if (!canAdministerUser(caller, { installationAdmin: target.installationAdmin, grants: targetGrants }))
        throw forbidden(
          target.installationAdmin
            ? 'only an installation administrator can change an installation administrator'
            : 'this user also holds roles in practices you do not administer: ask an installation administrator',
        );
      const { password, grants, installationAdmin, ...fields } = request.body;
      if (installationAdmin !== undefined && !caller.installationAdmin)
        throw forbidden('only an installation administrator can grant or remove installation administrator');
      if (grants) checkGrants(grants, scope);
      const losesInstallationAdmin =
        target.installationAdmin && (installationAdmin === false || fields.active === false);
      if (losesInstallationAdmin && (await otherInstallationAdmins(db, userId)) === 0)
        throw conflict('this is the last active installation administrator', [
          {
            pointer: installationAdmin === false ? '/installationAdmin' : '/active',
            detail: 'keep at least one',
          },
        ]);
      await db.transaction(async (tx) => {
        const set = {
          ...fields,
          ...(installationAdmin !== undefined ? { installationAdmin } : {}),
          ...(password ? { passwordHash: await hashPassword(password) } : {}),
        };
        if (Object.keys(set).length) await tx.update(appUser).set(set).where(eq(appUser.id, userId));
        if (grants) {
          // Only the grants in the caller's practices are replaced; others stay as they are.
          await tx
            .delete(practiceGrant)
            .where(and(eq(practiceGrant.userId, userId), inArray(practiceGrant.practiceId, scope)));
          if (grants.length) await tx.insert(practiceGrant).values(grants.map((g) => ({ ...g, userId })));
        }
        // A new password or a deactivation must lock out whoever holds the old sessions; the
        // caller changing their own password keeps the session they are using.
        if (password || fields.active === false || losesInstallationAdmin)
          await endSessionsOf(
            tx,
            userId,
            caller.id === userId && fields.active !== false ? caller.tokenHash : undefined,
          );
        await auditUserChange(
          tx,
          request,
          userId,
          'update',
          targetGrants,
          grants ? await grantsOf(tx, userId) : targetGrants,
          {
            ...fields,
            ...(installationAdmin !== undefined ? { installationAdmin } : {}),
            passwordChanged: Boolean(password),
          },
        );
      });
      return present(db, userId, scope);
    },
  );
}

/** The practices whose users the caller administers: all for the installation admin. */
async function adminScope(db: Db, request: FastifyRequest): Promise<number[]> {
  const user = request.user!;
  if (user.installationAdmin) return allPracticeIds(db);
  const scope = practicesWithRole(user.grants, ADMINS);
  if (scope.length === 0) throw forbidden();
  return scope;
}

async function usersIn(db: Db, scope: number[]): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: practiceGrant.userId })
    .from(practiceGrant)
    .where(inArray(practiceGrant.practiceId, scope.length ? scope : [-1]));
  return rows.map((r) => r.id);
}

async function present(db: Db, id: number, scope: number[]) {
  const [u] = await db.select().from(appUser).where(eq(appUser.id, id));
  if (!u) return undefined;
  const grants = (await grantsOf(db, id)).filter((g) => scope.includes(g.practiceId));
  const { passwordHash: _hidden, ...rest } = u;
  return { ...rest, grants };
}

function checkGrants(grants: Grant[], scope: number[]) {
  const outside = grants.findIndex((g) => !scope.includes(g.practiceId));
  if (outside >= 0)
    throw invalid([
      { pointer: `/grants/${outside}/practiceId`, detail: 'you are not an admin of this practice' },
    ]);
}

async function otherInstallationAdmins(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(appUser)
    .where(and(eq(appUser.installationAdmin, true), eq(appUser.active, true), ne(appUser.id, userId)));
  return row?.n ?? 0;
}

/**
 * One audit event per practice the user's grants touch, each carrying only that practice's
 * grants, so a practice's audit log never shows another practice's roles.
 */
async function auditUserChange(
  tx: Executor,
  request: FastifyRequest,
  userId: number,
  action: 'create' | 'update',
  before: Grant[],
  after: Grant[],
  change: Record<string, unknown>,
) {
  const practices = [...new Set([...before, ...after].map((g) => g.practiceId))];
  const only = (grants: Grant[], p: number | null) => grants.filter((g) => g.practiceId === p);
  const entries: AuditEntry[] = (practices.length ? practices : [null]).map((practiceId) => ({
    practiceId,
    action,
    entity: 'user',
    entityId: userId,
    ...(action === 'update' ? { before: { grants: only(before, practiceId) } } : {}),
    after: { ...change, grants: only(after, practiceId) },
  }));
  await recordAudits(tx, actorOf(request), entries);
}
