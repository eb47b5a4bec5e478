import { isAbsolute, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { conflict, notFound, ProblemError } from '../shared/problem.ts';
import { keyRingFrom, open, seal, type KeyRing } from './secrets.ts';
import { clearinghouseConnection } from './tables.ts';
import { folderTransport } from './transports/folder.ts';
import { checkEndpoint, HttpExchangeError, type HttpSettings } from './transports/http.ts';
import { connectSftp } from './transports/sftp.ts';
import { TransportError, type Transport } from './transports/transport.ts';

export type ConnectionRow = typeof clearinghouseConnection.$inferSelect;

export type ConnectionKind = 'sftp' | 'folder' | 'http';

export interface ConnectionInput {
  name: string;
  kind: ConnectionKind;
  /** An http connection's real-time endpoint. */
  url?: string | null;
  host?: string | null;
  port?: number | null;
  username?: string | null;
  authMethod?: 'password' | 'key' | null;
  /** Given only to set or change them; never read back. For http, the bearer token (or basic auth's password with a username). */
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** Folders: not needed for http. */
  outboundDir?: string;
  inboundDirs?: string[];
}

/** A connection as the API shows it: credentials only as "set" or not. */
export function connectionView(row: ConnectionRow) {
  return {
    id: row.id,
    practiceId: row.practiceId,
    name: row.name,
    kind: row.kind as ConnectionKind,
    url: row.url,
    host: row.host,
    port: row.port,
    username: row.username,
    authMethod: row.authMethod,
    password: row.passwordSecret ? ('set' as const) : null,
    privateKey: row.privateKeySecret ? ('set' as const) : null,
    passphrase: row.passphraseSecret ? ('set' as const) : null,
    outboundDir: row.outboundDir,
    inboundDirs: row.inboundDirs,
    hostKeyFingerprint: row.hostKeyFingerprint,
    hostKeyConfirmed: row.hostKeyConfirmedAt !== null,
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
  };
}
export type ConnectionView = ReturnType<typeof connectionView>;

/** An http connection's endpoint: an absolute http(s) URL without credentials in it (they are sealed apart). */
function urlProblem(url: string | null | undefined): string | undefined {
  if (!url) return 'an http connection needs the URL of the real-time endpoint';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL: give it whole, as https://host/path';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return 'the URL must be http:// or https://';
  if (parsed.username || parsed.password)
    return 'leave the user name and password out of the URL: give them as the username and password';
  return undefined;
}

function check(input: ConnectionInput) {
  const errors = [];
  if (input.kind === 'http') {
    const why = urlProblem(input.url);
    if (why) errors.push({ pointer: '/url', detail: why });
    if (errors.length) throw new ProblemError('INVALID', 'the connection is not complete', errors);
    return;
  }
  if (!input.outboundDir)
    errors.push({ pointer: '/outboundDir', detail: 'name the folder batches are uploaded to' });
  if (input.kind === 'sftp') {
    if (!input.host) errors.push({ pointer: '/host', detail: 'an SFTP connection needs the host' });
    if (!input.username)
      errors.push({ pointer: '/username', detail: 'an SFTP connection needs the user name' });
    if (!input.authMethod)
      errors.push({ pointer: '/authMethod', detail: 'say whether the login is by password or by key' });
  }
  if (!input.inboundDirs?.length)
    errors.push({ pointer: '/inboundDirs', detail: 'name at least one folder the answers arrive in' });
  if (errors.length) throw new ProblemError('INVALID', 'the connection is not complete', errors);
}

/** The sealed credentials the input changes (absent: unchanged). */
function sealed(ring: KeyRing, input: ConnectionInput) {
  const out: Partial<Pick<ConnectionRow, 'passwordSecret' | 'privateKeySecret' | 'passphraseSecret'>> = {};
  if (input.password) out.passwordSecret = seal(ring, input.password);
  if (input.privateKey) out.privateKeySecret = seal(ring, input.privateKey);
  if (input.passphrase) out.passphraseSecret = seal(ring, input.passphrase);
  return out;
}

// An http connection keeps no folders (the columns are not null: empty) and may have a user name for basic auth.
const plain = (input: ConnectionInput) => ({
  name: input.name,
  kind: input.kind,
  url: input.kind === 'http' ? (input.url ?? null) : null,
  host: input.kind === 'sftp' ? (input.host ?? null) : null,
  port: input.kind === 'sftp' ? (input.port ?? 22) : null,
  username: input.kind !== 'folder' ? input.username || null : null,
  authMethod: input.kind === 'sftp' ? (input.authMethod ?? null) : null,
  outboundDir: input.kind === 'http' ? '' : (input.outboundDir ?? ''),
  inboundDirs: input.kind === 'http' ? [] : (input.inboundDirs ?? []),
});

// The audit trail sees what changed but never a credential.
const audited = (row: ConnectionRow) => {
  const { passwordSecret: _p, privateKeySecret: _k, passphraseSecret: _s, ...rest } = row;
  return { ...rest, credentials: connectionView(row) };
};

export async function createConnection(
  db: Db,
  practiceId: number,
  input: ConnectionInput,
  actor: AuditActor,
  ring: KeyRing = keyRingFrom(),
): Promise<ConnectionView> {
  check(input);
  const secrets = sealed(ring, input);
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: clearinghouseConnection.id })
      .from(clearinghouseConnection)
      .where(
        and(eq(clearinghouseConnection.practiceId, practiceId), eq(clearinghouseConnection.name, input.name)),
      );
    if (taken.length) throw conflict(`the practice already has a connection named ${input.name}`);
    const [row] = await tx
      .insert(clearinghouseConnection)
      .values({ practiceId, ...plain(input), ...secrets })
      .returning();
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'clearinghouse_connection',
      entityId: row!.id,
      after: audited(row!).credentials,
    });
    return connectionView(row!);
  });
}

export async function connectionRow(db: Executor, practiceId: number, id: number): Promise<ConnectionRow> {
  const [row] = await db
    .select()
    .from(clearinghouseConnection)
    .where(and(eq(clearinghouseConnection.id, id), eq(clearinghouseConnection.practiceId, practiceId)));
  if (!row) throw notFound(`connection ${id}`);
  return row;
}

export async function listConnections(db: Executor, practiceId: number): Promise<ConnectionView[]> {
  const rows = await db
    .select()
    .from(clearinghouseConnection)
    .where(eq(clearinghouseConnection.practiceId, practiceId))
    .orderBy(clearinghouseConnection.id);
  return rows.map(connectionView);
}

/** Every connection of every practice: what the scheduled poll walks. */
export async function allConnections(db: Executor): Promise<ConnectionRow[]> {
  return db.select().from(clearinghouseConnection).orderBy(clearinghouseConnection.id);
}

/** Edits a connection; a new host or port forgets the pinned host key (it must be confirmed again). */
export async function updateConnection(
  db: Db,
  practiceId: number,
  id: number,
  input: ConnectionInput,
  actor: AuditActor,
  ring: KeyRing = keyRingFrom(),
): Promise<ConnectionView> {
  check(input);
  const secrets = sealed(ring, input);
  return db.transaction(async (tx) => {
    const before = await connectionRow(tx, practiceId, id);
    const values = { ...plain(input), ...secrets, updatedAt: new Date() };
    const moved =
      before.host !== values.host ||
      before.port !== values.port ||
      before.kind !== values.kind ||
      before.url !== values.url;
    const [row] = await tx
      .update(clearinghouseConnection)
      .set(moved ? { ...values, hostKeyFingerprint: null, hostKeyConfirmedAt: null } : values)
      .where(eq(clearinghouseConnection.id, id))
      .returning();
    await recordAudit(tx, actor, {
      practiceId,
      action: 'update',
      entity: 'clearinghouse_connection',
      entityId: id,
      before: connectionView(before),
      after: connectionView(row!),
    });
    return connectionView(row!);
  });
}

/** The user confirms the fingerprint "test connection" pinned: only then is the connection used. */
export async function confirmHostKey(
  db: Db,
  practiceId: number,
  id: number,
  fingerprint: string,
  actor: AuditActor,
): Promise<ConnectionView> {
  return db.transaction(async (tx) => {
    const row = await connectionRow(tx, practiceId, id);
    if (!row.hostKeyFingerprint) throw conflict('test the connection first: no host key has been seen yet');
    if (row.hostKeyFingerprint !== fingerprint)
      throw conflict(`the pinned host key is ${row.hostKeyFingerprint}, not ${fingerprint}`);
    const [updated] = await tx
      .update(clearinghouseConnection)
      .set({ hostKeyConfirmedAt: new Date() })
      .where(eq(clearinghouseConnection.id, id))
      .returning();
    await recordAudit(tx, actor, {
      practiceId,
      action: 'update',
      entity: 'clearinghouse_connection',
      entityId: id,
      detail: { hostKeyConfirmed: fingerprint },
    });
    return connectionView(updated!);
  });
}

/** Folder paths are relative to the data directory unless absolute. */
const folderOf = (dataDir: string, dir: string) => (isAbsolute(dir) ? dir : resolve(dataDir, dir));

/** Opens the connection's transport; an SFTP one only with its host key pinned (and, unless testing, confirmed). */
export async function openTransport(
  row: ConnectionRow,
  options: { dataDir: string; ring?: KeyRing; testing?: boolean },
): Promise<Transport & { seenFingerprint?: string }> {
  if (row.kind === 'http')
    throw new TransportError(
      'FAILED',
      `connection ${row.name} is a real-time (http) endpoint: it answers one request at a time, not files`,
    );
  if (row.kind === 'folder')
    return folderTransport({
      outboundDir: folderOf(options.dataDir, row.outboundDir),
      inboundDirs: row.inboundDirs.map((d) => folderOf(options.dataDir, d)),
    });
  if (!options.testing && !row.hostKeyConfirmedAt)
    throw new TransportError(
      'HOST_KEY_MISMATCH',
      `connection ${row.name} is not used until its host key is confirmed: test the connection and confirm the fingerprint`,
    );
  const ring = options.ring ?? keyRingFrom();
  return connectSftp({
    host: row.host!,
    port: row.port ?? 22,
    username: row.username!,
    ...(row.authMethod === 'password' && row.passwordSecret
      ? { password: open(ring, row.passwordSecret) }
      : {}),
    ...(row.authMethod === 'key' && row.privateKeySecret
      ? { privateKey: open(ring, row.privateKeySecret) }
      : {}),
    ...(row.passphraseSecret ? { passphrase: open(ring, row.passphraseSecret) } : {}),
    outboundDir: row.outboundDir,
    inboundDirs: row.inboundDirs,
    pinnedFingerprint: row.hostKeyFingerprint,
  });
}

/** An http connection's endpoint and its opened secret. */
export function httpSettings(row: ConnectionRow, ring: KeyRing = keyRingFrom()): HttpSettings {
  return {
    url: row.url ?? '',
    username: row.username,
    ...(row.passwordSecret ? { secret: open(ring, row.passwordSecret) } : {}),
  };
}

/**
 * An http connection's test: a GET of the endpoint with its credentials, no patient's data. Any
 * answer but 401/403 (a 405 for a POST-only endpoint, say) means it is there and lets us in.
 */
async function testEndpoint(row: ConnectionRow, ring?: KeyRing) {
  try {
    const { status } = await checkEndpoint({ ...httpSettings(row, ring), timeoutMs: 10_000 });
    return {
      ok: true as const,
      status,
      hostKeyFingerprint: null,
      detail: `the endpoint answered HTTP ${status}`,
    };
  } catch (e) {
    if (!(e instanceof HttpExchangeError)) throw e;
    if (e.failure === 'HTTP_STATUS' && e.status !== 401 && e.status !== 403)
      return {
        ok: true as const,
        status: e.status,
        hostKeyFingerprint: null,
        detail: `the endpoint is there (it answered a plain GET with HTTP ${e.status})`,
      };
    const failure = e.failure === 'HTTP_STATUS' ? 'AUTH_FAILED' : e.failure;
    return { ok: false as const, failure, detail: e.message, hostKeyFingerprint: null };
  }
}

/**
 * "Test connection": connects and lists the folders. On first use the host key seen is pinned
 * (not yet confirmed) and returned for the user to compare with what the clearinghouse publishes.
 */
export async function testConnection(
  db: Db,
  practiceId: number,
  id: number,
  options: { dataDir: string; ring?: KeyRing },
) {
  const row = await connectionRow(db, practiceId, id);
  if (row.kind === 'http') return testEndpoint(row, options.ring);
  let transport;
  try {
    transport = await openTransport(row, { ...options, testing: true });
    const folders = await transport.describe();
    const seen = transport.seenFingerprint ?? null;
    if (seen && !row.hostKeyFingerprint)
      await db
        .update(clearinghouseConnection)
        .set({ hostKeyFingerprint: seen })
        .where(eq(clearinghouseConnection.id, id));
    return {
      ok: true as const,
      folders,
      hostKeyFingerprint: seen,
      hostKeyConfirmed: row.hostKeyConfirmedAt !== null && seen === row.hostKeyFingerprint,
    };
  } catch (e) {
    if (!(e instanceof TransportError)) throw e;
    return {
      ok: false as const,
      failure: e.failure,
      detail: e.message,
      hostKeyFingerprint: e.seenFingerprint ?? null,
    };
  } finally {
    await transport?.close();
  }
}
