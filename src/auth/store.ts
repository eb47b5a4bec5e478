import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
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

/** The session's user, or undefined when the token is unknown, expired or idle too long. */
export async function resumeSession(
  db: Executor,
  token: string,
  idleMinutes: number,
): Promise<SessionUser | undefined> {
  const tokenHash = sha256(token);
  const now = new Date();
  const [row] = await db
    .select({ s: session, u: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now)));
  if (!row || !row.u.active) return undefined;
  if (now.getTime() - row.s.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.delete(session).where(eq(session.tokenHash, tokenHash));
    return undefined;
  }
  // Touch at most once a minute: the idle clock need not be finer.
  if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
  }
  return {
    id: row.u.id,
    email: row.u.email,
    name: row.u.name,
    grants: await grantsOf(db, row.u.id),
    installationAdmin: row.u.installationAdmin,
    csrfToken: row.s.csrfToken,
    tokenHash,
  };
}

export async function endSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, new Date()));
}
