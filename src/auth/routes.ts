import { Type } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/store.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, SESSION_COOKIE } from '../server/access.ts';
import { conflict, invalid, notFound, unauthorized } from '../server/problem.ts';
import { Id } from '../shared/schema.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { ADMINS, type Grant } from './roles.ts';
import { LoginBody, SessionInfo, User, UserCreate, UserUpdate } from './schema.ts';
import { createSession, createUser, endSession, findUserByEmail, grantsOf } from './store.ts';
import { appUser, practiceGrant } from './tables.ts';

const tags = ['auth'];

export function registerAuthRoutes(app: FastifyInstance, db: Db, options: { sessionMaxHours: number }): void {
  app.post<{ Body: typeof LoginBody.static }>(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Log in: sets the session cookie and returns the CSRF token',
        body: LoginBody,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await findUserByEmail(db, email);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !ok || !user.active) {
        await recordAudit(
          db,
          { userId: user?.id ?? null, userEmail: email.toLowerCase(), ip: request.ip },
          { practiceId: null, action: 'login-failed', entity: 'user', entityId: user?.id ?? null },
        );
        throw unauthorized('wrong email or password');
      }
      const created = await db.transaction(async (tx) => {
        const s = await createSession(tx, user.id, options.sessionMaxHours);
        await tx.update(appUser).set({ lastLoginAt: new Date() }).where(eq(appUser.id, user.id));
        await recordAudit(
          tx,
          { userId: user.id, userEmail: user.email, ip: request.ip },
          { practiceId: null, action: 'login', entity: 'user', entityId: user.id },
        );
        return s;
      });
      setSessionCookie(request, reply, created.token, created.expiresAt);
      return {
        user: { id: user.id, email: user.email, name: user.name, grants: await grantsOf(db, user.id) },
        csrfToken: created.csrfToken,
        expiresAt: created.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Log out' } },
    async (request, reply) => {
      await endSession(db, request.user!.tokenHash);
      await recordAudit(db, actorOf(request), {
        practiceId: null,
        action: 'logout',
        entity: 'user',
        entityId: request.user!.id,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.code(204);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The logged-in user, grants and CSRF token', response: { 200: SessionInfo } },
    },
    async (request) => {
      const u = request.user!;
      return { user: { id: u.id, email: u.email, name: u.name, grants: u.grants }, csrfToken: u.csrfToken };
    },
  );

  registerUserAdmin(app, db);
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

/** User accounts: an admin manages the users of the practices they administer. */
function registerUserAdmin(app: FastifyInstance, db: Db) {
  const userTags = ['users'];
  const usersIn = async (scope: number[]) => {
    const ids = (
      await db
        .selectDistinct({ id: practiceGrant.userId })
        .from(practiceGrant)
        .where(inArray(practiceGrant.practiceId, scope))
    ).map((r) => r.id);
    return ids;
  };
  const present = async (id: number, scope: number[]) => {
    const [u] = await db.select().from(appUser).where(eq(appUser.id, id));
    if (!u) return undefined;
    const grants = (await grantsOf(db, id)).filter((g) => scope.includes(g.practiceId));
    const { passwordHash: _hidden, ...rest } = u;
    return { ...rest, grants };
  };
  const checkGrants = (grants: Grant[], scope: number[]) => {
    const outside = grants.findIndex((g) => !scope.includes(g.practiceId));
    if (outside >= 0)
      throw invalid([
        { pointer: `/grants/${outside}/practiceId`, detail: 'you are not an admin of this practice' },
      ]);
  };

  app.get(
    '/api/users',
    { config: { access: ADMINS }, schema: { tags: userTags, response: { 200: Type.Array(User) } } },
    async (request) => {
      const ids = await usersIn(request.practiceScope);
      const users = await Promise.all(ids.map((id) => present(id, request.practiceScope)));
      return users.filter(Boolean).sort((a, b) => a!.email.localeCompare(b!.email));
    },
  );

  app.post<{ Body: typeof UserCreate.static }>(
    '/api/users',
    { config: { access: ADMINS }, schema: { tags: userTags, body: UserCreate, response: { 201: User } } },
    async (request, reply) => {
      checkGrants(request.body.grants, request.practiceScope);
      if (await findUserByEmail(db, request.body.email))
        throw conflict('a user with this email exists', [{ pointer: '/email', detail: 'is already in use' }]);
      const id = await db.transaction(async (tx) => {
        const userId = await createUser(tx, request.body);
        for (const practiceId of new Set(request.body.grants.map((g) => g.practiceId))) {
          await recordAudit(tx, actorOf(request), {
            practiceId,
            action: 'create',
            entity: 'user',
            entityId: userId,
            after: { email: request.body.email, grants: request.body.grants },
          });
        }
        return userId;
      });
      reply.code(201);
      return present(id, request.practiceScope);
    },
  );

  app.patch<{ Params: { id: number }; Body: typeof UserUpdate.static }>(
    '/api/users/:id',
    {
      config: { access: ADMINS },
      schema: { tags: userTags, params: Type.Object({ id: Id }), body: UserUpdate, response: { 200: User } },
    },
    async (request) => {
      const scope = request.practiceScope;
      if (!(await usersIn(scope)).includes(request.params.id)) throw notFound('user');
      const before = await present(request.params.id, scope);
      const { password, grants, ...fields } = request.body;
      if (grants) checkGrants(grants, scope);
      await db.transaction(async (tx) => {
        const set = { ...fields, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
        if (Object.keys(set).length)
          await tx.update(appUser).set(set).where(eq(appUser.id, request.params.id));
        if (grants) {
          // Only the grants in the admin's own practices are replaced; others stay as they are.
          await tx
            .delete(practiceGrant)
            .where(
              and(eq(practiceGrant.userId, request.params.id), inArray(practiceGrant.practiceId, scope)),
            );
          if (grants.length)
            await tx.insert(practiceGrant).values(grants.map((g) => ({ ...g, userId: request.params.id })));
        }
        await recordAudit(tx, actorOf(request), {
          practiceId: scope[0] ?? null,
          action: 'update',
          entity: 'user',
          entityId: request.params.id,
          before,
          after: { ...fields, grants, passwordChanged: Boolean(password) },
        });
      });
      return present(request.params.id, scope);
    },
  );
}
