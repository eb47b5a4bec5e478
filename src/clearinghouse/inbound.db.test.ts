/**
 * Inbound files over a folder connection: recognised by their envelope, archived with their hash,
 * applied exactly once; a child process killed while applying a file leaves nothing applied, and
 * the next run applies it once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { scratchPostgresDatabase } from '../db/testing.ts';
import { bundleTestWorker } from '../server/testing.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/connection.ts';
import { serveDatabase } from '../db/pglite-serve.ts';
import { addPractice } from '../practices/index.ts';
import { createConnection, connectionRow, openTransport } from './connections.ts';
import { inboxFile, listInbox, pollConnection, receiveFile } from './inbound.ts';
import { ENVELOPE, testHandlers } from './inbound-testing.ts';
import { newSecretKey, keyRingFrom } from './secrets.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const WORKER_SOURCE = fileURLToPath(new URL('./inbound-kill-worker.ts', import.meta.url));
const WORKER = fileURLToPath(
  new URL('../../node_modules/.cache/cleanclaim-inbound-kill/worker.mjs', import.meta.url),
);
const work = mkdtempSync(path.join(tmpdir(), 'cleanclaim-inbound-'));
let target = path.join(work, 'db');
let dropDatabase = async () => undefined as void;

const ack = (n: number) => `${ENVELOPE}ST*999*000${n}*005010X231A1~AK1*HC*${n}*005010X222A1~`;

describe(`inbound files: received once, applied exactly once (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let stopServing = async () => undefined as void;
  let practiceId: number;
  let connectionId: number;
  const inbound = path.join(work, 'in');

  beforeAll(async () => {
    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const scratch = await scratchPostgresDatabase(server, 'inbound');
      target = scratch.url;
      dropDatabase = scratch.drop;
    }
    await bundleTestWorker(WORKER_SOURCE, WORKER);
    database = await openDatabase(onPostgres ? { url: target } : { dataDir: target, mode: 'own' });
    if (database.owner) stopServing = await serveDatabase(database.owner);
    await migrateDatabase(database);
    practiceId = await addPractice(database.db, {
      name: 'Inbox Clinic',
      npi: '1234567893',
      tin: '123456789',
      taxonomy: '207Q00000X',
      address1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
    });
    mkdirSync(inbound, { recursive: true });
    const view = await createConnection(
      database.db,
      practiceId,
      {
        name: 'Local clearinghouse',
        kind: 'folder',
        outboundDir: path.join(work, 'out'),
        inboundDirs: [inbound],
      },
      SYSTEM_ACTOR,
      keyRingFrom({ CLEANCLAIM_SECRET_KEY: newSecretKey() }),
    );
    connectionId = view.id;
  }, 120_000);
  afterAll(async () => {
    await stopServing();
    await database?.close();
    await dropDatabase();
    rmSync(work, { recursive: true, force: true });
  });

  // Counted in SQL: the audit trail's tables belong to src/audit.
  const applied = async (fileId: number) => {
    const { rows } = await database.sql.executeSql(
      `select count(*)::int as n from audit_event where entity = 'test_apply' and entity_id = $1`,
      [String(fileId)],
    );
    return Number(rows[0]!.n);
  };

  it('a poll stores each file whatever its name, archives it, applies it once; the same content again is no news', async () => {
    writeFileSync(path.join(inbound, 'whatever.txt'), ack(1));
    writeFileSync(path.join(inbound, 'report.pdf'), 'not x12');
    const row = await connectionRow(database.db, practiceId, connectionId);
    const transport = await openTransport(row, { dataDir: work });
    const first = await pollConnection(database.db, row, transport, testHandlers(), SYSTEM_ACTOR, new Date());
    expect(first.received).toBe(2);
    expect(first.processed).toEqual([expect.objectContaining({ name: 'whatever.txt', state: 'processed' })]);
    expect(readdirSync(inbound)).toEqual(['archive']);
    writeFileSync(path.join(inbound, 'again.999'), ack(1));
    const second = await pollConnection(
      database.db,
      row,
      transport,
      testHandlers(),
      SYSTEM_ACTOR,
      new Date(),
    );
    expect(second).toMatchObject({ received: 0, duplicates: 1, processed: [] });
    const inbox = await listInbox(database.db, practiceId);
    expect(inbox.map((f) => [f.name, f.transactionType, f.state])).toEqual(
      expect.arrayContaining([
        ['whatever.txt', '999', 'processed'],
        ['report.pdf', null, 'unrecognised'],
      ]),
    );
    const file = inbox.find((f) => f.name === 'whatever.txt')!;
    expect(file.connectionName).toBe('Local clearinghouse');
    expect((await inboxFile(database.db, practiceId, file.id)).content).toBe(ack(1));
    expect(await applied(file.id)).toBe(1);
  });

  it('a file without a handler yet is kept and says so', async () => {
    writeFileSync(
      path.join(inbound, 'x.277'),
      `${ENVELOPE.replace('X231A1', 'X214')}ST*277*0001*005010X214~`,
    );
    const row = await connectionRow(database.db, practiceId, connectionId);
    const out = await pollConnection(
      database.db,
      row,
      await openTransport(row, { dataDir: work }),
      testHandlers(),
      SYSTEM_ACTOR,
      new Date(),
    );
    expect(out.processed[0]).toMatchObject({ state: 'unhandled', outcome: expect.stringContaining('277CA') });
  });

  it('a worker killed while applying a file applies nothing; the next run applies it exactly once', async () => {
    const { id } = await receiveFile(
      database.db,
      { id: connectionId, practiceId },
      'kill.999',
      ack(7),
      new Date(),
    );
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [WORKER, target, String(id)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('APPLYING')) child.kill('SIGKILL');
      });
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`)),
      );
    });
    expect(await applied(id)).toBe(0);
    expect((await inboxFile(database.db, practiceId, id)).state).toBe('received');
    const row = await connectionRow(database.db, practiceId, connectionId);
    const out = await pollConnection(
      database.db,
      row,
      await openTransport(row, { dataDir: work }),
      testHandlers(),
      SYSTEM_ACTOR,
      new Date(),
    );
    expect(out.processed.map((p) => p.name)).toEqual(['kill.999']);
    const again = await pollConnection(
      database.db,
      row,
      await openTransport(row, { dataDir: work }),
      testHandlers(),
      SYSTEM_ACTOR,
      new Date(),
    );
    expect(again.processed).toEqual([]);
    expect(await applied(id)).toBe(1);
  }, 60_000);
});
