// npm run bench:import-latency — does a full code-set import stop the API? The server runs as a
// user starts it (`node bin/cleanclaim.mjs serve`, its own process, on a fresh PGlite data
// directory; and on a fresh PostgreSQL database too when TEST_DATABASE_URL is set). This process
// logs in, loads a small demo practice, starts POST /api/codesets/import of the shared code-set
// folder (BENCH_CODESETS_DIR to choose another) and, until the job ends, fires health, patient
// search and encounter requests at a steady rate (BENCH_RATE a second, default 4) without
// waiting for earlier answers, so a stalled server shows up as latency instead of fewer requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../../src/audit/store.ts';
import { createUser } from '../../src/auth/store.ts';
import { migrateDatabase, openDatabase } from '../../src/db/connection.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { todayIso } from '../../src/shared/dates.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CODESETS = resolve(process.env.BENCH_CODESETS_DIR ?? join(ROOT, '../shared/codesets'));
// Below what the server serves on a busy 2-core machine, so a stall shows, not a queue of our own making.
const RATE = Number(process.env.BENCH_RATE ?? 4);
const PASSWORD = 'benchmark password 1';
const ADMIN = 'admin@cleanclaim.local';

interface Sample {
  kind: string;
  phase: 'before' | 'import';
  ms: number;
  ok: boolean;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small demo practice and its admin, written before the server owns the database. */
async function prepareDatabase(env: Record<string, string>): Promise<void> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: `${env.CLEANCLAIM_DATA_DIR}/db` });
  try {
    await migrateDatabase(database);
    const adminId = await createUser(database.db, {
      email: ADMIN,
      name: 'Administrator',
      password: PASSWORD,
      grants: [],
      installationAdmin: true,
    });
    await seedDemo(database, { seed: 11, patients: 40, encounters: 80, asOf: todayIso() }, SYSTEM_ACTOR, [
      adminId,
    ]);
  } finally {
    await database.close();
  }
}

function startServer(env: Record<string, string>, log: string): ChildProcess {
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ['bin/cleanclaim.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, CLEANCLAIM_DEMO: 'false', CLEANCLAIM_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error('server did not answer /api/health within 120 s');
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

async function benchEngine(label: string, env: Record<string, string>, dir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(dir, 'server.log');
  // The configured folder is empty at first start; the releases are copied in just before the import.
  const folder = join(dir, 'codesets');
  mkdirSync(folder);
  await prepareDatabase(env);
  const child = startServer(
    { ...env, PORT: String(port), HOST: '127.0.0.1', CLEANCLAIM_CODESETS_DIR: folder },
    log,
  );
  try {
    await waitForHealth(base, child);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const api = async (path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // A stalled server drops requests it could not read in time (Node's headersTimeout): keep polling.
    const waitJob = async (id: string) => {
      for (;;) {
        const job = (await api(`/api/jobs/${id}`).catch(() => undefined)) as
          { state: string; message: string | null } | undefined;
        if (job && ['completed', 'failed', 'cancelled'].includes(job.state)) return job;
        await sleep(1000);
      }
    };
    // First start imports the (still empty) configured folder: let that job end.
    const firstStart = (await api('/api/jobs')) as unknown as { id: string; queue: string }[];
    for (const j of firstStart.filter((j) => j.queue === 'codesets.import')) await waitJob(j.id);
    const first = (path: string) => api(path).then((r) => (r.items as { id: number }[])[0]!.id);
    const patientId = await first('/api/patients?pageSize=1');
    const encounterId = await first('/api/encounters?pageSize=1');
    // The import under test starts from an empty code-set store.
    const releases = (await api('/api/codesets')) as unknown as unknown[];
    if (releases.length) console.warn(`${label}: ${releases.length} releases were already imported`);

    const targets = [
      ['health', '/api/health'],
      ['patient search', '/api/patients?q=demo&pageSize=25'],
      ['encounter get', `/api/encounters/${encounterId}`],
      ['patient get', `/api/patients/${patientId}`],
    ] as const;
    const samples: Sample[] = [];
    const pending = new Set<Promise<void>>();
    let phase: Sample['phase'] = 'before';
    let n = 0;
    const fire = () => {
      const [kind, path] = targets[n++ % targets.length]!;
      const samplePhase = phase;
      const t0 = performance.now();
      const p = fetch(`${base}${path}`, { headers })
        .then(async (r) => {
          await r.arrayBuffer();
          samples.push({ kind, phase: samplePhase, ms: performance.now() - t0, ok: r.ok });
        })
        .catch(() => {
          samples.push({ kind, phase: samplePhase, ms: performance.now() - t0, ok: false });
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    };
    const timer = setInterval(fire, 1000 / RATE);
    await sleep(5_000);
    phase = 'import';
    cpSync(CODESETS, folder, { recursive: true });
    const t0 = performance.now();
    const { id } = (await api('/api/codesets/import', {})) as { id: string };
    const job = await waitJob(id);
    const importSeconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    await Promise.all(pending);
    const rows = (['before', 'import'] as const).flatMap((ph) =>
      ['all', ...targets.map((t) => t[0])].map((kind) => {
        const of = samples.filter((s) => s.phase === ph && (kind === 'all' || s.kind === kind));
        const ms = of.map((s) => s.ms).sort((a, b) => a - b);
        return {
          engine: label,
          phase: ph === 'before' ? 'idle (5 s)' : 'during import',
          requests: kind,
          n: of.length,
          failed: of.filter((s) => !s.ok).length,
          p50: Math.round(percentile(ms, 50)),
          p99: Math.round(percentile(ms, 99)),
          max: Math.round(ms.at(-1) ?? NaN),
        };
      }),
    );
    const imported = (await api('/api/codesets')) as unknown as unknown[];
    console.log(
      `${label}: import job ${job.state} in ${importSeconds.toFixed(1)} s (${imported.length} releases; ${job.message ?? ''}); server log ${log}`,
    );
    return { rows, importSeconds };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

const results: Awaited<ReturnType<typeof benchEngine>>[] = [];
const keep = process.env.BENCH_KEEP === '1';
const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-import-latency-'));
try {
  results.push(await benchEngine('PGlite (file)', { CLEANCLAIM_DATA_DIR: dir }, dir));
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
if (process.env.TEST_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `cleanclaim_import_latency_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const pgDir = mkdtempSync(join(tmpdir(), 'cleanclaim-import-latency-pg-'));
  try {
    results.push(
      await benchEngine('PostgreSQL', { DATABASE_URL: url.toString(), CLEANCLAIM_DATA_DIR: pgDir }, pgDir),
    );
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    if (!keep) rmSync(pgDir, { recursive: true, force: true });
  }
}
console.log(`\n## API latency during a code-set import (${RATE} requests a second, ${CODESETS})\n`);
console.log('| engine | phase | requests | n | failed | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---:|---:|---:|---:|---:|');
for (const r of results.flatMap((x) => x.rows))
  console.log(
    `| ${r.engine} | ${r.phase} | ${r.requests} | ${r.n} | ${r.failed} | ${r.p50} | ${r.p99} | ${r.max} |`,
  );
