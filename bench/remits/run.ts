// Remittance posting benchmark: `npm run bench:remits`. A synthetic 835 of BENCH_CLAIMS (default
// 50,000) claims paying stored claims is imported and posted (a chunk of claim payments per
// transaction, BENCH_CONCURRENCY chunks side by side on PostgreSQL) on PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL in the same run. Reports claims
// posted per second, how many secondary claims the posting made, and the peak memory of the process.
// Run with --max-semi-space-size=64 as the server is (scripts/start.mjs; see the README).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../../src/audit/index.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/connection.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { bulkSubmittedClaims } from '../../src/remits/bulk-claims.ts';
import { importEra } from '../../src/remits/import.ts';
import { checkPostedLedger } from '../../src/remits/kill-check.ts';
import { write835 } from '../../src/remits/synthetic.ts';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 50_000);
const PGLITE_CLAIMS = Number(process.env.BENCH_PGLITE_CLAIMS ?? CLAIMS);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
/**
 * Claims a patient has in the 835 (four by default: 50,000 claims over 12,500 patients, all in one
 * month). The scrubber reads each patient's submitted claims when posting makes a secondary claim,
 * so piling every claim on a few patients (250 each in four weeks) measures a practice that does not exist.
 */
const CLAIMS_PER_PATIENT = Number(process.env.BENCH_CLAIMS_PER_PATIENT ?? 4);

interface Result {
  engine: string;
  claims: number;
  concurrency: number;
  seconds: number;
  claimsPerSecond: number;
  /** CPU this process spent posting (user + system, all its threads): the database's is not in it. */
  nodeCpuSeconds: number;
  /**
   * CPU the whole machine spent meanwhile (Linux /proc/stat): with the database on this machine
   * and nothing else running, this process's and the database's together.
   */
  machineCpuSeconds: number | null;
  peakRssMb: number;
  peakHeapMb: number;
  patients: number;
  secondaryClaims: number;
}

/** Claims to a secondary or tertiary payer: posting makes one for each patient with another coverage. */
async function laterPayerClaims(database: Database, practiceId: number): Promise<number> {
  const { rows } = await database.sql.executeSql(
    `select count(*) as n from claim where practice_id = $1 and payer_responsibility <> 'P'`,
    [practiceId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Busy CPU seconds of the whole machine since boot (all but idle and iowait), or null off Linux. */
function machineBusySeconds(): number | null {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is counted in user already)
    const busy = ticks.slice(0, 8).reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!;
    return busy / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

async function run(engine: string, database: Database, claims: number, concurrency: number): Promise<Result> {
  await migrateDatabase(database);
  const practiceId = await seedDemo(
    database,
    {
      seed: 835,
      patients: Math.max(200, Math.ceil(claims / CLAIMS_PER_PATIENT)),
      encounters: 2,
      asOf: '2026-11-20',
    },
    SYSTEM_ACTOR,
    [],
  );
  const synthetic = await bulkSubmittedClaims(database.sql, practiceId, claims, 'BENCH');
  const text = write835({
    traceNumber: 'BENCH-1',
    payerName: 'DEMO PAYER',
    payerIdentifier: '999999999',
    paymentDate: '2026-12-01',
    claims: synthetic,
    providerAdjustments: [{ reason: 'L6', amountCents: -500 }],
  });
  const secondaryBefore = await laterPayerClaims(database, practiceId);
  global.gc?.();
  // process.memoryUsage() every 20 ms took 0.14 s of a 50,000-claim run's CPU profile, rss() alone 0.13 s
  let peakRss = process.memoryUsage.rss();
  let peakHeap = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  }, 100);
  const cpuBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  const started = process.hrtime.bigint();
  const outcome = await importEra(database.db, practiceId, 'bench.835', text, {
    userId: null,
    today: '2026-12-01',
    concurrency,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const machineAfter = machineBusySeconds();
  clearInterval(timer);
  const posted = outcome.remittances.reduce((n, r) => n + r.posted, 0);
  if (posted !== claims) throw new Error(`${engine}: posted ${posted} of ${claims}: ${outcome.message}`);
  // statistics as autovacuum would soon have them: the check's anti-joins planned on the empty
  // tables' estimates took minutes (untimed, but the benchmark waited)
  await database.sql.executeSql('analyze remittance_claim, remittance, ledger_entry');
  const check = await checkPostedLedger(database.sql);
  const secondaryClaims = (await laterPayerClaims(database, practiceId)) - secondaryBefore;
  if (check.violations.length) throw new Error(`${engine}: ledger check: ${check.violations.join('; ')}`);
  return {
    engine,
    claims,
    concurrency,
    seconds: Math.round(seconds * 10) / 10,
    claimsPerSecond: Math.round(claims / seconds),
    nodeCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    machineCpuSeconds:
      machineBefore != null && machineAfter != null
        ? Math.round((machineAfter - machineBefore) * 10) / 10
        : null,
    peakRssMb: Math.round(peakRss / 2 ** 20),
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    patients: Math.max(200, Math.ceil(claims / CLAIMS_PER_PATIENT)),
    secondaryClaims,
  };
}

async function onPglite(): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-bench-remits-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'db') });
  try {
    return await run('PGlite', database, PGLITE_CLAIMS, 1);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(server: string): Promise<Result> {
  const name = `cleanclaim_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    return await run('PostgreSQL', database, CLAIMS, CONCURRENCY);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const results: Result[] = [];
if (PGLITE_CLAIMS > 0) results.push(await onPglite());
if (SERVER) results.push(await onPostgres(SERVER));
else console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
console.table(results);
console.log(JSON.stringify(results));
