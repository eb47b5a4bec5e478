import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { appUser, practiceGrant, session } from './tables.ts';
import type { Grant, Role } from './roles.ts';
import { hashPassword } from './password.ts';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  grants: Grant[];
  installationAdmin: boolean;
  csrfToken: string;
  tokenHash: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(appUser).where(eq(appUser.email, email.toLowerCase()));
  return user;
}

export async function grantsOf(db: Executor, userId: number): Promise<Grant[]> {
  const rows = await db.select().from(practiceGrant).where(eq(practiceGrant.userId, userId));
  return rows.map((r) => ({ practiceId: r.practiceId, role: r.role as Role }));
}

export async function createUser(
  db: Executor,
  input: { email: string; name: string; password: string; grants: Grant[]; installationAdmin?: boolean },
): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(appUser)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash,
      installationAdmin: input.installationAdmin ?? false,
    })
    .returning({ id: appUser.id });
  if (input.grants.length) {
    await db.insert(practiceGrant).values(input.grants.map((g) => ({ ...g, userId: user!.id })));
  }
  return user!.id;
}

export async function createSession(db: Executor, userId: number, maxHours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + maxHours * 3600_000);
  await db.insert(session).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

/**
 * The session's user, or undefined when the token is unknown, expired or idle too long. One
 * round trip (user, session and grants together): it runs on every API request.
 */
export async function resumeSession(
  db: Executor,
  token: string,
  idleMinutes: number,
): Promise<SessionUser | undefined> {
  const tokenHash = sha256(token);
  const result = await db.execute(sql`
    select u.id, u.email, u.name, u.installation_admin, s.csrf_token,
           extract(epoch from (now() - s.last_seen_at)) * 1000 as idle_ms,
           coalesce((select json_agg(json_build_object('practiceId', g.practice_id, 'role', g.role))
                       from practice_grant g where g.user_id = u.id), '[]'::json) as grants
      from session s join app_user u on u.id = s.user_id
     where s.token_hash = ${tokenHash} and s.expires_at > now() and u.active`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return undefined;
  const idleMs = Number(row.idle_ms);
  if (idleMs > idleMinutes * 60_000) {
    await db.delete(session).where(eq(session.tokenHash, tokenHash));
    return undefined;
  }
  // Touch at most once a minute: the idle clock need not be finer.
  if (idleMs > 60_000)
    await db.update(session).set({ lastSeenAt: new Date() }).where(eq(session.tokenHash, tokenHash));
  const grants =
    typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : (row.grants as Grant[]);
  return {
    id: Number(row.id),
    email: String(row.email),
    name: String(row.name),
    grants,
    installationAdmin: Boolean(row.installation_admin),
    csrfToken: String(row.csrf_token),
    tokenHash,
  };
}

export async function endSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** Ends every session of a user (password changed, account deactivated), except `keep` if given. */
export async function endSessionsOf(db: Executor, userId: number, keep?: string): Promise<void> {
  await db
    .delete(session)
    .where(and(eq(session.userId, userId), keep ? ne(session.tokenHash, keep) : undefined));
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, new Date()));
}

/** The users granted a role in any of these practices, as a subquery (for `inArray`). */
export function usersGrantedIn(db: Executor, practices: number[]) {
  return db
    .select({ id: practiceGrant.userId })
    .from(practiceGrant)
    .where(inArray(practiceGrant.practiceId, practices.length ? practices : [-1]));
}

/** Make a user the admin of a practice (whoever creates a practice administers it). */
export async function grantRole(db: Executor, userId: number, practiceId: number, role: Role): Promise<void> {
  await db.insert(practiceGrant).values({ userId, practiceId, role });
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(appUser);
  return row!.n;
}
