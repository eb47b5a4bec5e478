import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseHeldError, migrateDatabase, openDatabase, type Database } from './connection.ts';
import { lockPathOf, readLock } from './owner-lock.ts';
import { serveDatabase } from './pglite-serve.ts';
import { JobQueue } from '../jobs/index.ts';

// The embedded database has one owner (issue 10); these run on PGlite files whatever the engine.
describe('one owner per PGlite data directory, served over pglite-socket', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-owner-'));
  const dataDir = join(root, 'db');
  let owner: Database;
  let stopServing: () => Promise<void>;

  beforeAll(async () => {
    owner = await openDatabase({ dataDir, command: 'test owner' });
    await migrateDatabase(owner);
    stopServing = await serveDatabase(owner.owner!);
  });
  afterAll(async () => {
    await stopServing();
    await owner.close();
    rmSync(root, { recursive: true, force: true });
  });

  const count = async (database: Database) =>
    Number((await database.sql.executeSql('select count(*)::int as n from audit_event')).rows[0]!.n);

  it('writes the lock with pid, start time and the socket, and a second open is a client of the owner', async () => {
    const lock = readLock(lockPathOf(dataDir))!;
    expect(lock).toMatchObject({ pid: process.pid, command: 'test owner' });
    expect(lock.serving?.host).toBe(`${dataDir}.run`);
    const client = await openDatabase({ dataDir });
    try {
      expect(client.owner).toBeUndefined();
      expect(client.servedBy?.pid).toBe(process.pid);
      await migrateDatabase(client); // already applied: nothing to do, through node-postgres
      await client.sql.executeSql("insert into audit_event (action, entity) values ('test', 'client')");
      expect(await count(owner)).toBe(await count(client));
    } finally {
      await client.close();
    }
  });

  it("a client's statement never runs inside the owner's open transaction", async () => {
    const client = await openDatabase({ dataDir });
    try {
      const before = await count(client);
      let clientCount: Promise<number> | undefined;
      await expect(
        owner.db.transaction(async (tx) => {
          await tx.execute("insert into audit_event (action, entity) values ('test', 'rolled back')");
          clientCount = count(client);
          await new Promise((resolve) => setTimeout(resolve, 100));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // Without the gate the client's count ran inside the transaction and saw the row.
      expect(await clientCount).toBe(before);
    } finally {
      await client.close();
    }
  });

  it('keeps the extended-protocol messages of concurrent clients and the owner apart', async () => {
    const url = `postgres://postgres@/postgres?host=${encodeURIComponent(`${dataDir}.run`)}&port=5432`;
    const clients = [new pg.Client(url), new pg.Client(url), new pg.Client(url)];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const answers = await Promise.all([
        ...clients.flatMap((c, i) =>
          Array.from({ length: 30 }, async (_, j) => {
            const value = `${i}-${j}`;
            const { rows } = await c.query('select $1::text as v, $2::int as n', [value, j]);
            return rows[0].v === value && rows[0].n === j;
          }),
        ),
        ...Array.from({ length: 30 }, async (_, j) => {
          const { rows } = await owner.sql.executeSql('select $1::int as n', [j]);
          return rows[0]!.n === j;
        }),
      ]);
      expect(answers.every(Boolean)).toBe(true);
      // A client in a transaction keeps the backend until it commits; the owner waits.
      await clients[0]!.query('begin');
      await clients[0]!.query("insert into audit_event (action, entity) values ('test', 'in tx')");
      const ownerSees = count(owner);
      const before = Number(
        (await clients[0]!.query('select count(*)::int as n from audit_event')).rows[0].n,
      );
      await clients[0]!.query('commit');
      expect(await ownerSees).toBe(before);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('runs pg-boss from a client process against the served database', async () => {
    const client = await openDatabase({ dataDir });
    // Expiry and retries per job kind (declared by every definition; extra fields are ignored by older queues).
    const echo = {
      name: 'test.echo',
      expireInSeconds: 60,
      retryLimit: 0,
      retrySafe: true,
      run: async (data: { n: number }) => ({ twice: data.n * 2 }),
    };
    const queue = new JobQueue(client, [echo as never]);
    try {
      await queue.start({ work: true });
      const id = await queue.enqueue('test.echo', { n: 21 }, { practiceId: null, requestedBy: null });
      expect(await queue.waitFor('test.echo', id, 30_000)).toEqual({
        state: 'completed',
        output: { twice: 42 },
      });
    } finally {
      await queue.stop();
      await client.close();
    }
  });

  it('refuses at once, naming the holder, to own files another process holds', async () => {
    await expect(openDatabase({ dataDir, mode: 'own' })).rejects.toThrow(
      new RegExp(`held by pid ${process.pid} \\(test owner, since .*kill ${process.pid}`),
    );
    await expect(openDatabase({ dataDir, mode: 'own' })).rejects.toBeInstanceOf(DatabaseHeldError);
  });
});

describe('the lock of a process that is gone', () => {
  it('is taken over, and a live owner that does not serve is refused', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-stale-'));
    const dataDir = join(root, 'db');
    try {
      const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']);
      const deadPid = Number(gone.stdout.toString().trim());
      writeFileSync(
        lockPathOf(dataDir),
        JSON.stringify({ pid: deadPid, since: '2026-01-01T00:00:00Z', command: 'x' }),
      );
      const database = await openDatabase({ dataDir, command: 'taker' });
      try {
        expect(readLock(lockPathOf(dataDir))).toMatchObject({ pid: process.pid, command: 'taker' });
        // Owned but not served (a CLI command on the files): another process must wait.
        await expect(openDatabase({ dataDir })).rejects.toThrow(/which does not share it/);
      } finally {
        await database.close();
      }
      expect(existsSync(lockPathOf(dataDir))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
