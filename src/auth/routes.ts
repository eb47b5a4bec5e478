import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, SESSION_COOKIE } from '../http/access.ts';
import { unauthorized } from '../shared/problem.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { LoginBody, SessionInfo } from './schema.ts';
import { createSession, endSession, findUserByEmail, grantsOf } from './store.ts';
import { appUser } from './tables.ts';
import { registerUserRoutes } from './user-routes.ts';

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
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          grants: await grantsOf(db, user.id),
          installationAdmin: user.installationAdmin,
        },
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
      return {
        user: {
          id: u.id,
          email: u.email,
          name: u.name,
          grants: u.grants,
          installationAdmin: u.installationAdmin,
        },
        csrfToken: u.csrfToken,
      };
    },
  );

  registerUserRoutes(app, db);
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
