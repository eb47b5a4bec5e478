/**
 * Exactly once under SIGKILL (issue 12): a child process importing an 835 of many claims (as
 * `cleanclaim era import` does, against the database the server owns) is killed at a random
 * moment, again and again; after each kill the ledger is checked (no half-posted claim payment,
 * to the cent) and the next child posts on. At the end importing again posts exactly what was
 * left, and once more posts nothing. On PGlite this process owns and serves the files like the
 * server; on PostgreSQL (TEST_DATABASE_URL) the children connect to a fresh database. The child is
 * bundled once with esbuild so each start is quick. KILL_SEED repeats a run, KILL_ROUNDS,
 * KILL_CLAIMS and KILL_MAX_DELAY_MS scale it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { scratchPostgresDatabase } from '../db/testing.ts';
import { bundleTestWorker } from '../server/testing.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/connection.ts';
import { serveDatabase } from '../db/pglite-serve.ts';
import { createRandom } from '../demo/random.ts';
import { seedDemo } from '../demo/seed.ts';
import { bulkSubmittedClaims } from './bulk-claims.ts';
import { importEra } from './import.ts';
import { checkPostedLedger } from './kill-check.ts';
import { adjudicateLine, write835 } from './synthetic.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 100);
const CLAIMS = Number(process.env.KILL_CLAIMS ?? 1000);
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
/** The kill falls within this many ms after the child starts posting. */
const MAX_DELAY_MS = Number(process.env.KILL_MAX_DELAY_MS ?? 1200);
const WORKER_SOURCE = fileURLToPath(new URL('./kill-worker.ts', import.meta.url));
// inside the repository so the bundle's packages resolve from node_modules
const WORKER = fileURLToPath(
  new URL('../../node_modules/.cache/cleanclaim-kill/worker.mjs', import.meta.url),
);

const work = mkdtempSync(path.join(tmpdir(), 'cleanclaim-kill-'));
let target = path.join(work, 'db');
let dropDatabase = async () => undefined as void;

/** One child posting, killed `delayMs` after it starts; true when it finished before the kill. */
function round(file: string, practiceId: number, delayMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, target, file, String(practiceId), 'KILL-1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('POSTING')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (process.env.KILL_DEBUG) console.log(`[${delayMs} ms] ${out.trim()} ${err.trim().slice(-300)}`);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`));
      else resolve(out.includes('DONE'));
    });
  });
}

describe(`killing a posting process at random (${onPostgres ? 'PostgreSQL' : 'PGlite'}, seed ${SEED})`, () => {
  let practiceId: number;
  let database: Database;
  let stopServing = async () => undefined as void;
  const file = path.join(work, 'era.835');
  let paidCents = 0;

  beforeAll(async () => {
    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const scratch = await scratchPostgresDatabase(server, 'kill');
      target = scratch.url;
      dropDatabase = scratch.drop;
    }
    await bundleTestWorker(WORKER_SOURCE, WORKER);
    database = await openDatabase(onPostgres ? { url: target } : { dataDir: target, mode: 'own' });
    if (database.owner) stopServing = await serveDatabase(database.owner);
    {
      await migrateDatabase(database);
      practiceId = await seedDemo(
        database,
        { seed: 12, patients: 30, encounters: 2, asOf: '2026-11-20' },
        SYSTEM_ACTOR,
        [],
      );
      const claims = await bulkSubmittedClaims(database.sql, practiceId, CLAIMS, 'K');
      paidCents = claims.reduce(
        (s, c) => s + c.lines.reduce((t, l) => t + adjudicateLine(l.chargeCents).paid, 0),
        0,
      );
      writeFileSync(
        file,
        write835({
          traceNumber: 'KILL-1',
          payerName: 'DEMO PAYER',
          payerIdentifier: '999999999',
          paymentDate: '2026-12-01',
          claims,
          providerAdjustments: [{ reason: 'L6', amountCents: -1234 }],
        }),
      );
    }
  }, 300_000);
  afterAll(async () => {
    await stopServing();
    await database?.close();
    await dropDatabase();
    rmSync(work, { recursive: true, force: true });
  });

  it(`leaves nothing half-posted after each of ${ROUNDS} kills, then posts exactly once`, async () => {
    const random = createRandom(SEED).next;
    let kills = 0;
    let lastPosted = 0;
    const started = Date.now();
    const text = readFileSync(file, 'utf8');
    // Kill moments spread the posting over all the rounds: each child is killed at a random
    // moment within about twice the time the claims left for it would take (measured from the
    // rounds before), so on a fast machine as on a slow one nearly every child dies mid-way.
    // Until the 835 is stored, and then until a killed child has posted something to measure by,
    // the window starts small and doubles each round: one child given the whole MAX_DELAY_MS
    // could read, store and post every claim unkilled, and leave no child anything to die in.
    let postedInKilledRounds = 0;
    let msOfKilledRounds = 0;
    let unstored = 0;
    let unmeasured = 0;
    let killedUnstored = 0;
    const delayFor = (kill: number, posted: number, stored: boolean) => {
      if (!stored) return Math.floor(random() * Math.min(MAX_DELAY_MS, 25 * 2 ** unstored++));
      if (postedInKilledRounds === 0)
        return Math.floor(random() * Math.min(MAX_DELAY_MS, 100 * 2 ** unmeasured++));
      const msPerClaim = msOfKilledRounds / postedInKilledRounds;
      const share = (CLAIMS - posted) / Math.max(1, ROUNDS - kill);
      return Math.floor(random() * Math.min(MAX_DELAY_MS, 2 * share * msPerClaim));
    };
    const remittanceStored = async () =>
      (await database.sql.executeSql(`select 1 from remittance where trace_number = 'KILL-1'`)).rows.length >
      0;
    // The first half of the children store, match and post the claim payments a chunk per
    // transaction (the first ones read and store the 835 and die doing it, then each resumes what
    // the one before left unstored, read again from the stored file); then this process stores
    // the rest unposted, and the second half post what is pending.
    let storedRest = false;
    for (let i = 0; kills < ROUNDS && i < 2 * ROUNDS; i++) {
      if (!storedRest && kills >= Math.floor(ROUNDS / 2)) {
        storedRest = true;
        const stored = await importEra(database.db, practiceId, 'kill.835', text, {
          userId: null,
          today: '2026-12-01',
          post: false,
        });
        expect(stored.remittances).toHaveLength(1);
        expect((await checkPostedLedger(database.sql)).pending).toBe(CLAIMS - lastPosted);
      }
      const stored = await remittanceStored();
      const delayMs = delayFor(kills, lastPosted, stored);
      const killed = !(await round(file, practiceId, delayMs));
      const check = await checkPostedLedger(database.sql);
      expect(check.violations, `after round ${i} (seed ${SEED})`).toEqual([]);
      // posting only moves forward
      expect(check.posted).toBeGreaterThanOrEqual(lastPosted);
      if (killed) {
        kills++;
        if (!stored && !(await remittanceStored())) killedUnstored++;
        if (stored) {
          postedInKilledRounds += check.posted - lastPosted;
          msOfKilledRounds += delayMs;
        }
      }
      lastPosted = check.posted;
    }
    console.log(
      `${kills} killed (${killedUnstored} before the 835 was stored), ${lastPosted} of ${CLAIMS} posted by them, in ${Date.now() - started} ms`,
    );
    const before = await checkPostedLedger(database.sql);
    const outcome = await importEra(database.db, practiceId, 'kill.835', text, {
      userId: null,
      today: '2026-12-01',
    });
    // the first children may have died before the remittance was stored: then this import stores it
    expect(outcome.remittances[0]!.posted + before.posted).toBe(CLAIMS);
    expect(await checkPostedLedger(database.sql)).toMatchObject({
      posted: CLAIMS,
      pending: 0,
      violations: [],
    });
    const again = await importEra(database.db, practiceId, 'kill.835', text, {
      userId: null,
      today: '2026-12-01',
    });
    expect(again).toMatchObject({ duplicate: true, remittances: [{ posted: 0, alreadyPosted: CLAIMS }] });
    const { rows } = await database.sql.executeSql(
      `select coalesce(sum(amount_cents) filter (where kind = 'insurance_payment'), 0) as paid,
              coalesce(sum(amount_cents) filter (where kind = 'payer_adjustment'), 0) as plb,
              count(*) filter (where kind = 'payer_adjustment') as plb_entries
         from ledger_entry where source_type = 'remittance'`,
    );
    expect(Number(rows[0]!.paid)).toBe(paidCents);
    expect([Number(rows[0]!.plb), Number(rows[0]!.plb_entries)]).toEqual([1234, 1]);
    const { rows: remits } = await database.sql.executeSql(`select state, claim_count from remittance`);
    expect(remits).toEqual([{ state: 'posted', claim_count: CLAIMS }]);
    expect(kills, 'children killed before they finished').toBe(ROUNDS);
  }, 900_000);
});
