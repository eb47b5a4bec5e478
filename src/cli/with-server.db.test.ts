import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { lockPathOf, readLock } from '../db/owner-lock.ts';

// Issue 10: CLI commands on the data directory of a running server, then a SIGTERM, left the
// embedded database unopenable. Here a real server process owns a temp data directory, the README's
// commands run against it, and after a SIGTERM the files open cleanly with every answered write.
const CLI = fileURLToPath(new URL('../../bin/cleanclaim.mjs', import.meta.url));
const PASSWORD = 'graceful shutdown 123';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('CLI commands while the server owns the embedded database; graceful SIGTERM', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-served-'));
  const dataDir = join(root, 'data');
  let port: number;
  let server: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  const env = () => ({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    CLEANCLAIM_DATA_DIR: dataDir,
    CLEANCLAIM_DEMO: 'false',
    CLEANCLAIM_CODESETS_DIR: '',
    CLEANCLAIM_ADMIN_PASSWORD: PASSWORD,
    CLEANCLAIM_NEW_USER_PASSWORD: 'a new user password',
  });
  const cli = (...args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) =>
      execFile(process.execPath, [CLI, ...args], { env: env(), timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          // A signal (the timeout, a crash) belongs in the answer the assertion prints.
          out: `${stdout}${stderr}${error?.signal ? ` [signal ${error.signal}]` : ''}`,
        }),
      ),
    );

  beforeAll(async () => {
    port = await freePort();
    server = spawn(process.execPath, [CLI, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    server.stdout!.on('data', keep);
    server.stderr!.on('data', keep);
    exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 900; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (res?.status === 200) return;
      if (server.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not start:\n${output}`);
  }, 120_000);
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('answers the README commands through the server, several at once, and the server goes on answering', async () => {
    expect(readLock(lockPathOf(join(dataDir, 'db')))).toMatchObject({
      pid: server.pid,
      command: 'cleanclaim serve',
    });
    const empty = join(root, 'no-codesets');
    mkdirSync(empty);
    // Three clients at once, then the ones that write (pg-boss from the CLI included).
    const first = await Promise.all([cli('jobs', 'list'), cli('codesets', 'list'), cli('migrate')]);
    expect(
      first.map((r) => r.code),
      first.map((r) => r.out).join('\n'),
    ).toEqual([0, 0, 0]);
    expect(first[0]!.out).toContain('no jobs');
    expect(first[2]!.out).toContain('migrations applied');
    const seed = await cli('demo', 'seed', '--patients', '3', '--encounters', '3');
    expect(seed, seed.out).toMatchObject({ code: 0, out: expect.stringMatching(/job .* completed/) });
    const user = await cli(
      'user',
      'add',
      '--email',
      'coder@example.org',
      '--role',
      'coder',
      '--practice',
      '1',
    );
    expect(user, user.out).toMatchObject({ code: 0, out: expect.stringContaining('coder in practice 1') });
    const rest = await Promise.all([
      cli('codesets', 'import', empty),
      cli('code', 'show', 'J45.909', '--dos', '2026-03-01'),
      cli('code', 'validate', 'J45.909', '--dos', '2026-03-01'),
      cli('code', 'search', 'asthma', '--dos', '2026-03-01'),
      cli('report', 'clean-claims'),
      cli('jobs', 'list'),
    ]);
    for (const r of rest) {
      // Without code sets the code commands answer "not loaded" (exit 1); none may fail to reach the database.
      expect(r.out).not.toMatch(/held by|does not answer|PANIC|Aborted|ECONNREFUSED/);
      expect([0, 1]).toContain(r.code);
    }
    expect(rest[0]!.code, rest[0]!.out).toBe(0);
    expect(rest[5]!.out).toMatch(/demo\.seed\s+completed/);
    const backup = await cli('backup', join(root, 'while-serving.tgz'));
    expect(backup, backup.out).toMatchObject({ code: 0 });
    expect(statSync(join(root, 'while-serving.tgz')).size).toBeGreaterThan(100_000);
    // A second server on the same files is refused at once, naming the owner.
    const second = await cli('serve');
    expect(second.code).toBe(1);
    expect(second.out).toContain(`held by pid ${server.pid} (cleanclaim serve, since`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  }, 300_000);

  it('stops on SIGTERM within 10 s with exit 0, keeping every answered write; the files then open cleanly', async () => {
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@cleanclaim.local', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const create = async (i: number) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/practices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          name: `Shutdown Clinic ${i}`,
          npi: '1234567893',
          tin: '123456789',
          taxonomy: '207Q00000X',
          address1: '1 Main St',
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
        }),
      }).catch(() => undefined);
      if (res && res.status !== 201) lastRefusal = `${res.status} ${await res.text()}`;
      return res?.status === 201 ? ((await res.json()) as { id: number }).id : undefined;
    };
    let lastRefusal = '';
    const answered: number[] = [];
    // Writes keep coming while the server stops: the answered ones must all be there.
    const traffic = (async () => {
      for (let i = 0; i < 400 && server.exitCode === null; i++) {
        const ids = await Promise.all([
          create(i * 4),
          create(i * 4 + 1),
          create(i * 4 + 2),
          create(i * 4 + 3),
        ]);
        for (const id of ids) if (id !== undefined) answered.push(id);
      }
    })();
    for (let i = 0; answered.length < 8; i++) {
      if (i > 1500) throw new Error(`the writes were not answered: ${lastRefusal}\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const sent = Date.now();
    server.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - sent;
    await traffic;
    console.log(`SIGTERM to exit: ${took} ms (code ${code}); ${answered.length} writes answered before it`);
    expect(code, output.slice(-3000)).toBe(0);
    expect(took, 'SIGTERM to exit (ms)').toBeLessThan(10_000);
    expect(output).toContain('cleanclaim: stopped');
    expect(existsSync(lockPathOf(join(dataDir, 'db')))).toBe(false);
    expect(existsSync(join(dataDir, 'db.run'))).toBe(false);

    const reopened = await openDatabase({ dataDir: join(dataDir, 'db') });
    try {
      expect(reopened.owner).toBeDefined();
      const { rows } = await reopened.sql.executeSql('select id from practice where id = any($1::int[])', [
        answered,
      ]);
      expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(
        [...answered].sort((a, b) => a - b),
      );
      const users = await reopened.sql.executeSql(
        "select count(*)::int as n from app_user where email = 'coder@example.org'",
      );
      expect(users.rows[0]!.n).toBe(1);
    } finally {
      await reopened.close();
    }
    // With no server the backup reads the files itself.
    const backup = await cli('backup', join(root, 'stopped.tgz'));
    expect(backup, backup.out).toMatchObject({ code: 0 });
  }, 120_000);
});
