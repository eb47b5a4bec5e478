import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthorized } from '../shared/problem.ts';

/**
 * What a route needs: nobody ('public'), any logged-in user, the installation administrator
 * (installation-wide work: practices, code sets, demo data), or one of these roles in some practice
 * (the catalogue of roles is src/auth/roles.ts).
 */
export type Access = 'public' | 'authenticated' | 'installation-admin' | readonly string[];

/** The logged-in user as the toolkit sees it; src/auth's SessionUser is one. */
export interface SessionPrincipal {
  id: number;
  email: string;
  name: string;
  installationAdmin: boolean;
  grants: readonly { practiceId: number; role: string }[];
  csrfToken: string;
  tokenHash: string;
}

/** Who did something, for the audit trail (src/audit's AuditActor). */
export interface Actor {
  userId: number | null;
  userEmail: string | null;
  ip: string | null;
}

/** What access control needs from src/auth, handed over by the wiring (src/server/app.ts). */
export interface SessionLookup {
  /** The user of a session token, or undefined once it has ended (idle, expired, user deactivated). */
  resumeSession(token: string): Promise<SessionPrincipal | undefined>;
  /** The practices in which these grants hold one of the roles. */
  practicesWithRole(grants: SessionPrincipal['grants'], roles: readonly string[]): number[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user?: SessionPrincipal;
    /** Practices where the user holds one of the route's roles: every query is scoped to them. */
    practiceScope: number[];
  }
}

export const SESSION_COOKIE = 'cleanclaim_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccessControl(app: FastifyInstance, sessions: SessionLookup): void {
  // Refuse to start with an API route that does not say who may call it.
  app.addHook('onRoute', (route) => {
    if (
      route.url.startsWith('/api/') &&
      !route.url.startsWith('/api/docs') &&
      route.config?.access === undefined
    ) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });
  app.decorateRequest('user', undefined);
  app.decorateRequest('practiceScope', null as never);
  app.addHook('onRequest', async (request) => {
    request.practiceScope = [];
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const access = request.routeOptions.config.access;
    // A route without a declaration is a programming error: refuse rather than guess.
    if (access === undefined) {
      if (request.routeOptions.url === undefined) return; // 404 handler
      throw new Error(`route ${request.routeOptions.url} declares no access`);
    }
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const user = token ? await sessions.resumeSession(token) : undefined;
    if (!user) throw unauthorized();
    request.user = user;
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, user.csrfToken)) {
      throw forbidden('missing or wrong CSRF token (send the x-csrf-token header from /api/auth/session)');
    }
    if (access === 'authenticated') return;
    if (access === 'installation-admin') {
      if (!user.installationAdmin) throw forbidden('only an installation administrator can do this');
      return;
    }
    request.practiceScope = sessions.practicesWithRole(user.grants, access);
    if (request.practiceScope.length === 0) throw forbidden();
  });
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/**
 * The practice a write goes to must be in the route's scope: unknown to the user is 404 (we do
 * not confirm another practice exists), granted but without the role is 403.
 */
export function requirePracticeInScope(request: FastifyRequest, practiceId: number): void {
  if (request.practiceScope.includes(practiceId)) return;
  if (request.user?.grants.some((g) => g.practiceId === practiceId)) throw forbidden();
  throw notFound('practice');
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, userEmail: request.user?.email ?? null, ip: request.ip };
}
