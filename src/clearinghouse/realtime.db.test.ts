// Real-time connections over HTTP: what an http connection needs, its test (a GET, nothing about a
// patient), and sendRealtime against the payer sandbox's endpoint on a real 127.0.0.1 socket —
// answered, refused, or down — each exchange logged with its audit event.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../sandbox/process.ts';
import { serveRealtime, type RealtimeListener } from '../sandbox/realtime.ts';
import { test270, test276 } from '../sandbox/testing.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { ProblemError } from '../shared/problem.ts';
import { parse271, summarize271 } from '../x12/index.ts';
import { sendRealtime } from './realtime.ts';
import { newSecretKey } from './secrets.ts';

describe('real-time (http) connections', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let admin: Client;
  let biller: Client;
  let sandbox: RealtimeListener;
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-realtime-'));
  const previousKey = process.env.CLEANCLAIM_SECRET_KEY;
  let connectionId: number;
  const base = () => `/api/practices/${t.practiceA}/connections`;

  beforeAll(async () => {
    process.env.CLEANCLAIM_SECRET_KEY = newSecretKey();
    t = await startTestApp();
    await t.addUser('admin@example.org', [{ practiceId: t.practiceA, role: 'admin' }]);
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    admin = await t.login('admin@example.org');
    biller = await t.login('biller@example.org');
    sandbox = await serveRealtime(dir, { scenario: await loadScenario(), seed: 1, port: 0 });
  }, 120_000);
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.CLEANCLAIM_SECRET_KEY;
    else process.env.CLEANCLAIM_SECRET_KEY = previousKey;
    await sandbox.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('needs an http(s) URL without credentials in it; no folders', async () => {
    for (const [url, why] of [
      [undefined, 'needs the URL'],
      ['not a url', 'not a URL'],
      ['ftp://clearinghouse.example/x12', 'http:// or https://'],
      ['https://clinic:pw@clearinghouse.example/x12', 'leave the user name and password out'],
    ] as const) {
      const res = await admin.post(base(), { name: 'Real-time', kind: 'http', ...(url ? { url } : {}) });
      expect(res.statusCode, String(url)).toBe(422);
      expect(res.json().errors).toEqual([{ pointer: '/url', detail: expect.stringContaining(why) }]);
    }
    // a folder connection still needs its folders
    const folder = await admin.post(base(), { name: 'Folders', kind: 'folder' });
    expect(folder.statusCode).toBe(422);
    expect(folder.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/outboundDir',
      '/inboundDirs',
    ]);
  });

  it('stores the endpoint with its token sealed; "test connection" GETs it, sending no patient data', async () => {
    const created = await admin.post(base(), {
      name: 'Sandbox real-time',
      kind: 'http',
      url: sandbox.url,
      password: 'T0ken-secret',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.body).not.toContain('T0ken-secret');
    expect(created.json()).toMatchObject({
      kind: 'http',
      url: sandbox.url,
      password: 'set',
      outboundDir: '',
      inboundDirs: [],
    });
    connectionId = created.json().id;
    const tested = await admin.post(`${base()}/${connectionId}/test`, {});
    expect(tested.json()).toMatchObject({ ok: true, status: 200 });
    const poll = await biller.post(`${base()}/${connectionId}/poll`, {});
    expect(poll.statusCode).toBe(409);
    expect(poll.json().detail).toMatch(/real-time endpoint/);
    // An http connection is never used for batch files: the practice has no connection to upload over.
    const upload = await admin.post('/api/batches/999999/upload', {});
    expect(upload.statusCode).toBe(404);
  });

  it('sends a 270 and answers the 271, logged with the request, answer, status and time', async () => {
    const x12 = await test270('TERMINATED1');
    const r = await sendRealtime(t.database.db, t.practiceA, '270', x12);
    expect(r).not.toBeNull();
    const [summary] = parse271(r!.response).responses.map((x) => summarize271(x, '2026-12-04'));
    expect(summary).toMatchObject({ status: 'inactive', coverage: { ends: '2026-01-31' } });
    const log = await biller.get(`/api/clearinghouse/realtime-exchanges?practiceId=${t.practiceA}`);
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      id: r!.exchangeId,
      connectionName: 'Sandbox real-time',
      transactionType: '270',
      request: x12,
      response: r!.response,
      httpStatus: 200,
      error: null,
    });
    expect(log.json().items[0].milliseconds).toBeGreaterThanOrEqual(0);
    const audit = await t.database.sql.executeSql(
      `select detail from audit_event where entity = 'realtime_exchange' and entity_id = '${r!.exchangeId}'`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('the wrong answer, or the endpoint down, is CLEARINGHOUSE_UNAVAILABLE with why, and logged', async () => {
    // asking a 276 but labelling it a 270: the sandbox answers a 277, which is not what a 270 wants
    const wrong = await sendRealtime(t.database.db, t.practiceA, '270', await test276(['X1'])).catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(ProblemError);
    expect(wrong).toMatchObject({ code: 'CLEARINGHOUSE_UNAVAILABLE' });
    expect((wrong as Error).message).toContain('with a 277, not a 271');

    const down = await admin.request({
      method: 'PUT',
      url: `${base()}/${connectionId}`,
      payload: { name: 'Sandbox real-time', kind: 'http', url: 'http://127.0.0.1:9/x12' },
    });
    expect(down.statusCode, down.body).toBe(200);
    const failed = await sendRealtime(t.database.db, t.practiceA, '270', await test270('M1')).catch(
      (e: unknown) => e,
    );
    expect(failed).toMatchObject({ code: 'CLEARINGHOUSE_UNAVAILABLE' });
    expect((failed as Error).message).toContain('could not be reached');
    const log = (await biller.get(`/api/clearinghouse/realtime-exchanges?practiceId=${t.practiceA}`)).json();
    expect(log.items[0]).toMatchObject({ httpStatus: null, response: null });
    expect(log.items[0].error).toContain('could not be reached');
    expect(log.items[1].error).toContain('not a 271');
    const tested = (await admin.post(`${base()}/${connectionId}/test`, {})).json();
    expect(tested).toMatchObject({ ok: false, failure: 'UNREACHABLE' });
  });

  it('a practice without an http connection: null (the request goes as a batch file instead)', async () => {
    expect(await sendRealtime(t.database.db, t.practiceB, '270', await test270('M1'))).toBeNull();
    const other = await biller.get(`/api/clearinghouse/realtime-exchanges?practiceId=${t.practiceB}`);
    expect(other.statusCode).toBe(404);
  });
});
