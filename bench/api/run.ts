// npm run bench:api — requests per second and latency for patient search and encounter create,
// on the embedded PGlite and (with TEST_DATABASE_URL) a PostgreSQL server, in one run.
// Load comes from autocannon over loopback; BENCH_SECONDS and BENCH_CONNECTIONS tune it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SYSTEM_ACTOR } from '../../src/audit/store.ts';
import { createUser } from '../../src/auth/store.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/connection.ts';
import { openTestDatabase } from '../../src/db/testing.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { JOBS } from '../../src/server/jobs.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { buildApp } from '../../src/server/app.ts';
import { todayIso, addDays } from '../../src/shared/dates.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PASSWORD = 'benchmark password 1';

interface Row {
  engine: string;
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function benchEngine(label: string, database: Database): Promise<Row[]> {
  await migrateDatabase(database);
  const queue = new JobQueue(database, JOBS);
  await queue.start({ work: false });
  const userId = await createUser(database.db, {
    email: 'bench@example.org',
    name: 'bench',
    password: PASSWORD,
    grants: [],
  });
  const practiceId = await seedDemo(
    database,
    { seed: 7, patients: 200, encounters: 1000, asOf: todayIso() },
    SYSTEM_ACTOR,
    [userId],
  );
  const app = await buildApp({ database, queue, webRoot: '/nonexistent' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const ids = async (path: string) =>
      (
        (await (await fetch(`${address}${path}`, { headers })).json()) as { items: { id: number }[] }
      ).items.map((i) => i.id);
    const [patientId] = await ids('/api/patients?pageSize=1');
    const [providerId] = await ids('/api/providers?pageSize=1');
    const encounter = {
      practiceId,
      patientId,
      serviceDateFrom: addDays(todayIso(), -3),
      placeOfService: '11',
      renderingProviderId: providerId,
      diagnoses: ['M17.11', 'I10'],
      serviceLines: [
        { procedureCode: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] },
        { procedureCode: '20610', modifiers: ['RT'], units: 1, diagnosisPointers: [1] },
      ],
    };
    const scenarios = [
      {
        scenario: 'patient search (GET /api/patients?q=…)',
        method: 'GET' as const,
        path: '/api/patients?q=ma%20demo&pageSize=25',
      },
      {
        scenario: 'encounter create (POST /api/encounters, 2 lines)',
        method: 'POST' as const,
        path: '/api/encounters',
        body: JSON.stringify(encounter),
      },
    ];
    const rows: Row[] = [];
    for (const s of scenarios) {
      const result = await autocannon({
        url: `${address}${s.path}`,
        method: s.method,
        headers,
        body: s.body,
        connections: CONNECTIONS,
        duration: SECONDS,
      });
      rows.push({
        engine: label,
        scenario: s.scenario,
        requests: result.requests.total,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
    return rows;
  } finally {
    await app.close();
    await queue.stop();
    await database.close();
  }
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-bench-'));
rows.push(...(await benchEngine('PGlite (file)', await openDatabase({ dataDir: dir }))));
rmSync(dir, { recursive: true, force: true });
if (process.env.TEST_DATABASE_URL) rows.push(...(await benchEngine('PostgreSQL', await openTestDatabase())));
else console.log('PostgreSQL skipped: set TEST_DATABASE_URL to include it');

console.log(
  `\ncleanclaim API benchmark: ${SECONDS}s per scenario, ${CONNECTIONS} connections, ${cpus().length} cores, Node ${process.version}`,
);
console.log('| engine | scenario | requests | req/s | p50 ms | p99 ms | errors |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.engine} | ${r.scenario} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`,
  );
