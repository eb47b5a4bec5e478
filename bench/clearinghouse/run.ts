// Clearinghouse round-trip benchmark: `npm run bench:clearinghouse`. BENCH_BATCHES (default 1)
// batches of BENCH_CLAIMS (default 5,000; BENCH_PGLITE_CLAIMS on PGlite, 0 to skip it) ready claims each go the whole way: the 837 written
// (createBatch), uploaded over SFTP to a real OpenSSH server on 127.0.0.1 (BENCH_TRANSPORT=folder
// for a folder pair, or when sshd is not installed), answered by the payer sandbox (999 and 277CA,
// then the 835s once the scenario's delay has passed, on a simulated clock), polled back in and
// applied (acknowledgments to the claims, 835s imported and posted). The same handlers the
// clearinghouse.upload and clearinghouse.poll jobs run are called directly, so no queue schedule
// is timed. PGlite (a file database) always; PostgreSQL too when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set. Prints each stage's seconds and the files a minute through it all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/audit/index.ts';
import { addSubmitterSettings } from '../../src/claims/submitter.ts';
import { createBatch } from '../../src/claims/batches.ts';
import {
  confirmHostKey,
  connectionRow,
  createConnection,
  testConnection,
  type ConnectionInput,
} from '../../src/clearinghouse/connections.ts';
import { pollOne, uploadBatch } from '../../src/clearinghouse/jobs.ts';
import { newSecretKey } from '../../src/clearinghouse/secrets.ts';
import {
  sshdConnection,
  sshdUnavailable,
  startSshd,
  type TestSshd,
} from '../../src/clearinghouse/transports/sshd-testing.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/connection.ts';
import { scratchPostgresDatabase } from '../../src/db/testing.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { bulkSubmittedClaims } from '../../src/remits/bulk-claims.ts';
import { checkPostedLedger } from '../../src/remits/kill-check.ts';
import { loadScenario, pollOnce, type SandboxFolders } from '../../src/sandbox/process.ts';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 5_000);
const PGLITE_CLAIMS = Number(process.env.BENCH_PGLITE_CLAIMS ?? CLAIMS);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 1);
const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const SFTP = process.env.BENCH_TRANSPORT !== 'folder' && sshdUnavailable() === null;

const STAGES = [
  'write 837',
  'upload',
  'sandbox 999+277CA',
  'apply acks',
  'sandbox 835',
  'post 835s',
] as const;
type Stage = (typeof STAGES)[number];

interface Result {
  engine: string;
  transport: string;
  claims: number;
  files: number;
  seconds: number;
  filesPerMinute: number;
  claimsPerSecond: number;
  stages: Record<Stage, number>;
  peakRssMb: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Where the sandbox reads and writes: the SFTP server's own folders, or a local folder pair. */
async function link(dir: string, sshd: TestSshd | null) {
  const folders: SandboxFolders = sshd
    ? { outDir: sshd.outbound, inDir: sshd.inbound, homeDir: path.join(dir, 'sandbox') }
    : {
        outDir: path.join(dir, 'outbound'),
        inDir: path.join(dir, 'inbound'),
        homeDir: path.join(dir, 'sandbox'),
      };
  const input: ConnectionInput = sshd
    ? sshdConnection(sshd, 'Bench SFTP')
    : { name: 'Bench folders', kind: 'folder', outboundDir: folders.outDir, inboundDirs: [folders.inDir] };
  return { folders, input };
}

async function run(engine: string, database: Database, dir: string, claims: number): Promise<Result> {
  await migrateDatabase(database);
  const db = database.db;
  const practiceId = await seedDemo(
    database,
    { seed: 13, patients: 300, encounters: 2, asOf: '2026-11-20' },
    SYSTEM_ACTOR,
    [],
  );
  await db.transaction((tx) =>
    addSubmitterSettings(tx, {
      practiceId,
      submitterName: 'Bench Billing',
      submitterId: 'BENCH01',
      contactName: 'Billing Office',
      contactPhone: '2175550100',
      receiverName: 'Payer sandbox',
      receiverId: 'SANDBOX',
    }),
  );
  const sshd = SFTP ? await startSshd() : null;
  try {
    const { folders, input } = await link(dir, sshd);
    const { id: connectionId } = await createConnection(db, practiceId, input, SYSTEM_ACTOR);
    if (sshd) {
      await testConnection(db, practiceId, connectionId, { dataDir: dir });
      await confirmHostKey(db, practiceId, connectionId, sshd.fingerprint, SYSTEM_ACTOR);
    }
    const scenario = await loadScenario();
    const ctx = { scenario, seed: 13 };
    let clock = Date.parse('2026-12-03T09:00:00Z');
    const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    const timed = async <T>(stage: Stage, f: () => Promise<T>): Promise<T> => {
      const t0 = process.hrtime.bigint();
      try {
        return await f();
      } finally {
        stages[stage] += Number(process.hrtime.bigint() - t0) / 1e9;
      }
    };
    let peakRss = process.memoryUsage().rss;
    const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    let files = 0;
    const poll = async () =>
      pollOne(db, await connectionRow(db, practiceId, connectionId), SYSTEM_ACTOR, new Date(clock));
    for (let b = 0; b < BATCHES; b++) {
      // Claims as a scrubbed day's work leaves them: ready, two lines each (set up by SQL, not timed).
      await bulkSubmittedClaims(database.sql, practiceId, claims, `CH${b}`);
      await database.sql.executeSql(
        `update claim set state = 'ready' where practice_id = $1 and patient_control_number like $2`,
        [practiceId, `BCH${b}-%`],
      );
      const batch = await timed('write 837', () =>
        createBatch(db, practiceId, undefined, SYSTEM_ACTOR, new Date(clock)),
      );
      if (!('batchId' in batch) || batch.claimCount !== claims)
        throw new Error(`${engine}: batch ${JSON.stringify(batch).slice(0, 300)}`);
      await timed('upload', () =>
        uploadBatch(db, { practiceId, batchId: batch.batchId, connectionId }, new Date(clock)),
      );
      files += 1;
      const acks = await timed('sandbox 999+277CA', () =>
        pollOnce(folders, { ...ctx, now: new Date(clock).toISOString() }),
      );
      const applied = await timed('apply acks', poll);
      clock += (scenario.adjudicationDelaySeconds + 1) * 1000;
      const remits = await timed('sandbox 835', () =>
        pollOnce(folders, { ...ctx, now: new Date(clock).toISOString() }),
      );
      const posted = await timed('post 835s', poll);
      const done = [...applied.processed, ...posted.processed];
      const failed = done.filter((p) => p.state !== 'processed');
      if (failed.length || acks.failed.length || remits.adjudicated === 0)
        throw new Error(`${engine}: ${JSON.stringify({ failed, acks, remits }).slice(0, 500)}`);
      files += done.length;
    }
    clearInterval(timer);
    const { rows } = await database.sql.executeSql(
      `select state, count(*)::int as n from claim
        where practice_id = $1 and patient_control_number like 'BCH%' group by state`,
      [practiceId],
    );
    // (the secondary claims the 835s made wait, scrubbed, for their own batch)
    const open = rows.filter((r) => !['paid', 'partially_paid', 'denied'].includes(String(r.state)));
    if (open.length) throw new Error(`${engine}: claims not adjudicated: ${JSON.stringify(rows)}`);
    // The posting check of the remittance kill test; its last rule (a claim paid as processed is
    // 'paid') holds for its synthetic 835 that pays in full, not for the sandbox's partial payments.
    const violations = (await checkPostedLedger(database.sql)).violations.filter(
      (v) => !v.endsWith('not paid'),
    );
    const [money] = (
      await database.sql.executeSql(
        `select (select coalesce(sum(paid_cents), 0) from remittance_claim)::bigint as clp04,
                (select coalesce(sum(amount_cents), 0) from ledger_entry where kind = 'insurance_payment')::bigint as paid`,
      )
    ).rows;
    if (money!.clp04 !== money!.paid)
      violations.push(`835s paid ${money!.clp04}, ledger holds ${money!.paid}`);
    if (violations.length) throw new Error(`${engine}: ledger check: ${violations.join('; ')}`);
    const seconds = Object.values(stages).reduce((s, x) => s + x, 0);
    return {
      engine,
      transport: sshd ? 'SFTP' : 'folder',
      claims: claims * BATCHES,
      files,
      seconds: round1(seconds),
      filesPerMinute: round1(files / (seconds / 60)),
      claimsPerSecond: Math.round((claims * BATCHES) / seconds),
      stages: Object.fromEntries(STAGES.map((s) => [s, round1(stages[s])])) as Record<Stage, number>,
      peakRssMb: Math.round(peakRss / 2 ** 20),
    };
  } finally {
    sshd?.stop();
  }
}

async function onPglite(): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-bench-ch-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'db') });
  try {
    return await run('PGlite', database, dir, PGLITE_CLAIMS);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(server: string): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-bench-ch-'));
  const scratch = await scratchPostgresDatabase(server, 'bench');
  const database = await openDatabase({ url: scratch.url });
  try {
    return await run('PostgreSQL', database, dir, CLAIMS);
  } finally {
    await database.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.env.CLEANCLAIM_SECRET_KEY ??= newSecretKey();
const results: Result[] = [];
if (PGLITE_CLAIMS > 0) results.push(await onPglite());
if (SERVER) results.push(await onPostgres(SERVER));
else console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
console.table(results.map(({ stages: _s, ...r }) => r));
console.table(Object.fromEntries(results.map((r) => [r.engine, r.stages])));
console.log(JSON.stringify(results));
