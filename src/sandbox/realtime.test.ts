// The sandbox's real-time endpoint over a real socket on 127.0.0.1: a 270 POSTed gets its 271, a
// 276 its 277, from the same state file the mailboxes use, each answer with control numbers of its own.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse271, parse277, summarize271, summarize277 } from '../x12/index.ts';
import { pollOnce, readState } from './process.ts';
import { serveRealtime, type RealtimeListener } from './realtime.ts';
import { readScenario } from './scenario.ts';
import { test270, test276 } from './testing.ts';

const { scenario } = readScenario({
  unknownMembers: ['W000000000'],
  members: { ENDED1: { coverageEnds: '2026-01-31' } },
  payers: { 'SBX-PLAN': { name: 'SANDBOX PLAN' } },
});
const a270 = test270;

let home: string;
let listener: RealtimeListener;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sandbox-http-'));
  listener = await serveRealtime(join(home, 'state'), { scenario, seed: 1, port: 0 });
});
afterAll(async () => {
  await listener.close();
  await rm(home, { recursive: true, force: true });
});

const post = (body: string) =>
  fetch(listener.url, { method: 'POST', body, headers: { 'content-type': 'application/edi-x12' } });

describe('the sandbox real-time endpoint', () => {
  it('answers a 270 with the 271 of the member file, and a rejected member id with its AAA', async () => {
    const ended = await post(await a270('ENDED1'));
    expect(ended.status).toBe(200);
    expect(ended.headers.get('content-type')).toBe('application/edi-x12');
    const [inactive] = parse271(await ended.text()).responses.map((r) => summarize271(r, '2026-12-04'));
    expect(inactive).toMatchObject({ status: 'inactive', coverage: { ends: '2026-01-31' } });
    const unknown = await post(await a270('W000000000'));
    const [rejected] = parse271(await unknown.text()).responses.map((r) => summarize271(r));
    expect(rejected).toMatchObject({ status: 'rejected', rejections: [{ code: '75' }] });
  });

  it('answers a 276 with a 277 (a claim it never received)', async () => {
    const text = await test276(['NEVERSENT']);
    const answer = await post(text);
    expect(answer.status).toBe(200);
    const claims = parse277(await answer.text()).responses.flatMap(summarize277);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ patientControlNumber: 'NEVERSENT', traceNumber: 'T1' });
    expect(claims[0]!.codes.length).toBeGreaterThan(0);
  });

  it('takes turns with the mailbox rounds: every answer has control numbers of its own, all in the state', async () => {
    const before = (await readState(join(home, 'state'))).sequence;
    const out = join(home, 'out');
    const rounds = [1, 2, 3].map(() =>
      pollOnce(
        { outDir: out, inDir: join(home, 'in'), homeDir: join(home, 'state') },
        { scenario, seed: 1, now: '2026-12-03T13:40:00.000Z' },
      ),
    );
    const answers = await Promise.all([1, 2, 3, 4, 5].map(async () => (await post(await a270('M1'))).text()));
    await Promise.all(rounds);
    const isa13 = answers.map((a) => a.split('*')[13]);
    expect(new Set(isa13).size).toBe(5);
    const state = JSON.parse(await readFile(join(home, 'state', 'state.json'), 'utf8')) as {
      sequence: number;
    };
    expect(state.sequence).toBe(before + 5);
  });

  it('says what it is to a GET, and refuses what is not a 270 or 276 with why', async () => {
    const hello = await fetch(listener.url);
    expect(hello.status).toBe(200);
    expect(await hello.text()).toContain('POST a 270 or a 276');
    const notX12 = await post('hello');
    expect(notX12.status).toBe(400);
    expect(await notX12.text()).toContain('not X12');
  });
});

describe('cleanclaim sandbox --http-port', () => {
  it('answers on 127.0.0.1 beside its folder rounds, and stops on SIGTERM', async () => {
    const bin = join(process.cwd(), 'bin/cleanclaim.mjs');
    const data = join(home, 'cli');
    // Port 0: any free port, which the command prints.
    const child = spawn(
      process.execPath,
      [bin, 'sandbox', '--data', data, '--http-port', '0', '--poll', '200'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (const end = Date.now() + 60_000; !/at (http:\S+)/.test(out);) {
        if (Date.now() > end) throw new Error(`no endpoint announced: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = /at (http:\S+)/.exec(out)![1]!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const answer = await fetch(url, { method: 'POST', body: await test270('W000000000') });
      const [rejected] = parse271(await answer.text()).responses.map((r) => summarize271(r));
      expect(rejected).toMatchObject({ status: 'rejected', rejections: [{ code: '75' }] });
      expect(out).toContain('answered a real-time 270');
      // The answer's control number is in the sandbox's state (--data DIR keeps it in DIR/sandbox).
      expect(JSON.parse(await readFile(join(data, 'sandbox', 'state.json'), 'utf8'))).toMatchObject({
        sequence: 1,
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('sandbox: stopped');
  }, 90_000);
});
