import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { connectionRow } from '../clearinghouse/connections.ts';
import { pollOne } from '../clearinghouse/jobs.ts';
import { newSecretKey } from '../clearinghouse/secrets.ts';
import { DEMO_DEFAULTS } from '../demo/defaults.ts';
import { seedDemo } from '../demo/seed.ts';
import { loadScenario, pollOnce, type SandboxFolders } from '../sandbox/process.ts';
import { serveRealtime } from '../sandbox/realtime.ts';
import type { SandboxContext } from '../sandbox/respond.ts';
import { todayIso } from '../shared/dates.ts';
import { startTestApp, testSubmitterSettings, type Client } from './testing.ts';

// Issue 14, end to end on demo data over a folder connection to the payer sandbox: a day's schedule
// becomes a 270 batch, uploaded by its job, answered by the sandbox from its member file, polled back
// in and stored as each patient's benefits; the inactive patient's claim then scrubs with the
// eligibility error. Claims submitted long ago without an 835 get a 276 from the status job, the
// sandbox answers from what it adjudicated, and the claim it denied lands on the follow-up queue.
// Last, real-time: the same sandbox answers a 270 over HTTP on 127.0.0.1 (a real socket), and
// with the endpoint down the check fails with the reason, the exchange logged. The sandbox rounds
// and the clearinghouse poll are run by the test (`pollOne` is what the clearinghouse.poll job
// runs for one connection), so nothing waits on a schedule.

const TERMINATED = 'TERMINATED1'; // default scenario: coverage ended 2026-01-31
const COB = 'COBPRIMARY1'; // default scenario: another plan is primary (a claim billed as primary is denied CO-22)

type Encounter = { id: number; patientId: number; serviceDateFrom: string };
type Finding = { id: number; code: string; severity: string; overridden: boolean };
type Claim = { id: number; state: string; findings: Finding[] };

describe('eligibility and claim status, the whole cycle on demo data', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let admin: Client;
  let practiceId: number;
  let connectionId: number;
  let sandbox: SandboxFolders;
  let ctx: Omit<SandboxContext, 'now'>;
  let encounters: Encounter[];
  // The sandbox's clock: each round 30 s after the last, past the scenario's adjudication delay.
  let clock = Date.now();
  const home = mkdtempSync(join(tmpdir(), 'cleanclaim-eligibility-cycle-'));
  const previousKey = process.env.CLEANCLAIM_SECRET_KEY;
  const sql = (q: string, p: unknown[] = []) => t.database.sql.executeSql(q, p);
  // The server's process log: requests are in it, the X12 and member IDs never are.
  const logLines: string[] = [];

  const poll = async () =>
    pollOne(
      t.database.db,
      await connectionRow(t.database.db, practiceId, connectionId),
      SYSTEM_ACTOR,
      new Date(),
    );
  const sandboxRound = async () => {
    clock += 30_000;
    return pollOnce(sandbox, { ...ctx, now: new Date(clock).toISOString() });
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    for (const end = Date.now() + 30_000; ;) {
      const got = await probe();
      if (got !== undefined) return got;
      if (Date.now() > end) throw new Error(`waited 30 s for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  // What reached the sandbox's mailbox (waiting for its next round) of one transaction type.
  const waitingAtSandbox = (st: string) =>
    readdirSync(sandbox.outDir)
      .filter((f) => !f.startsWith('.') && f !== 'archive')
      .filter((f) => new RegExp(`~\\s*ST\\*${st}\\*`).test(readFileSync(join(sandbox.outDir, f), 'utf8')));
  const primaryCoverage = async (patientId: number) => {
    const items = (await biller.get(`/api/coverages?practiceId=${practiceId}&patientId=${patientId}`)).json()
      .items as { id: number; priority: string }[];
    return items.find((c) => c.priority === 'primary')!;
  };
  const setMember = async (patientId: number, memberId: string) => {
    const res = await biller.patch(`/api/coverages/${(await primaryCoverage(patientId)).id}`, { memberId });
    expect(res.statusCode, res.body).toBe(200);
  };
  // What a biller does with a scrubbed claim: errors block; warnings are overridden.
  const claimFor = async (encounterId: number): Promise<Claim> => {
    let c = (await biller.post('/api/claims', { encounterId })).json() as Claim;
    for (const f of c.findings.filter((x) => x.severity === 'warning' && !x.overridden))
      c = (await biller.post(`/api/claims/${c.id}/findings/${f.id}/override`, { reason: 'checked' })).json();
    return c;
  };
  const jobDone = (jobId: string) =>
    until(`job ${jobId}`, async () => {
      const job = (await biller.get(`/api/jobs/${jobId}`)).json() as { state: string; output: unknown };
      if (job.state === 'failed') throw new Error(`job ${jobId} failed: ${JSON.stringify(job)}`);
      return job.state === 'completed' ? job : undefined;
    });

  beforeAll(async () => {
    process.env.CLEANCLAIM_SECRET_KEY = newSecretKey();
    t = await startTestApp({ work: true, logStream: { write: (line: string) => void logLines.push(line) } });
    practiceId = await seedDemo(
      t.database,
      { ...DEMO_DEFAULTS, patients: 20, encounters: 30, asOf: todayIso() },
      SYSTEM_ACTOR,
      [],
    );
    await t.addUser('biller@example.org', [{ practiceId, role: 'biller' }]);
    await t.addUser('admin@example.org', [{ practiceId, role: 'admin' }]);
    biller = await t.login('biller@example.org');
    admin = await t.login('admin@example.org');
    expect((await admin.post('/api/submitter-settings', testSubmitterSettings(practiceId))).statusCode).toBe(
      201,
    );
    sandbox = {
      outDir: join(home, 'outbound'),
      inDir: join(home, 'inbound'),
      homeDir: join(home, 'sandbox'),
    };
    for (const d of [sandbox.outDir, sandbox.inDir]) mkdirSync(d, { recursive: true });
    const created = await admin.post(`/api/practices/${practiceId}/connections`, {
      name: 'Payer sandbox',
      kind: 'folder',
      outboundDir: sandbox.outDir,
      inboundDirs: [sandbox.inDir],
    });
    expect(created.statusCode, created.body).toBe(201);
    connectionId = created.json().id;
    const scenario = await loadScenario();
    ctx = { scenario: { ...scenario, adjudicationDelaySeconds: 20 }, seed: 14 };
    encounters = (await biller.get(`/api/encounters?practiceId=${practiceId}&pageSize=100`)).json().items;
  }, 180_000);
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.CLEANCLAIM_SECRET_KEY;
    else process.env.CLEANCLAIM_SECRET_KEY = previousKey;
    await t?.close();
    rmSync(home, { recursive: true, force: true });
  });

  // The busiest day of the schedule; its first patient's plan has ended.
  let day: string;
  let inactive: Encounter;
  it("a day's schedule → a 270 batch, uploaded, answered by the sandbox, each patient's benefits stored", async () => {
    const byDay = new Map<string, Encounter[]>();
    for (const e of encounters) byDay.set(e.serviceDateFrom, [...(byDay.get(e.serviceDateFrom) ?? []), e]);
    [day] = [...byDay.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
    const todays = byDay.get(day)!;
    let insured: Encounter | undefined;
    for (const e of todays) if (!insured && (await primaryCoverage(e.patientId))) insured = e;
    inactive = insured!;
    await setMember(inactive.patientId, TERMINATED);

    const res = await biller.post('/api/eligibility/batches', { practiceId, date: day });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json() as { id: number; inquiryCount: number; skipped: unknown[] };
    expect(batch.inquiryCount + batch.skipped.length).toBe(new Set(todays.map((e) => e.patientId)).size);
    expect(batch.inquiryCount).toBeGreaterThan(0);
    // The written batch's upload job puts the 270 in the sandbox's mailbox.
    await until('the 270 upload', async () => (waitingAtSandbox('270').length ? true : undefined));
    expect((await biller.get(`/api/eligibility/batches/${batch.id}`)).json()).toMatchObject({
      state: 'sent',
    });
    // Sent once: asking to upload it again is refused; another kind's unknown batch is not found.
    const again = await biller.post('/api/clearinghouse/uploads', { kind: 'eligibility', batchId: batch.id });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().detail).toMatch(/already sent/);
    const missing = await biller.post('/api/clearinghouse/uploads', {
      kind: 'claim-status',
      batchId: 999_999,
    });
    expect(missing.statusCode).toBe(404);

    const answered = await sandboxRound();
    expect(answered).toMatchObject({ failed: [], written: 1 });
    const polled = await poll();
    expect(polled.processed.map((p) => p.state)).toEqual(['processed']);

    const checks = (await biller.get(`/api/patients/${inactive.patientId}/eligibility`)).json().items;
    expect(checks[0]).toMatchObject({
      state: 'answered',
      status: 'inactive',
      how: 'batch',
      batchId: batch.id,
      memberId: TERMINATED,
      dateOfService: day,
    });
    expect(checks[0].warnings.join(' ')).toMatch(/2026-01-31/);
    for (const e of todays.filter((x) => x.patientId !== inactive.patientId)) {
      const [last] = (await biller.get(`/api/patients/${e.patientId}/eligibility`)).json().items;
      expect(last, `patient ${e.patientId}`).toMatchObject({ state: 'answered', status: 'active' });
    }
  });

  it("the inactive patient's claim scrubs with the eligibility error and cannot be batched", async () => {
    const claim = await claimFor(inactive.id);
    const eligibility = claim.findings.filter((f) => f.code.startsWith('ELIGIBILITY'));
    expect(eligibility.map((f) => `${f.code} ${f.severity}`)).toEqual(['ELIGIBILITY-INACTIVE error']);
    expect(claim.state).not.toBe('ready');
  });

  // Three claims of other patients go out and are adjudicated; the 835s are lost on the way.
  const sent: Claim[] = [];
  let denied: Claim;
  it('claims submitted long ago without an 835 → the status job → 276 uploaded → 277 → statuses and the follow-up queue', async () => {
    const others = encounters.filter(
      (e) =>
        e.serviceDateFrom !== day && e.patientId !== inactive.patientId && e.serviceDateFrom < todayIso(),
    );
    const patients: number[] = [];
    for (const p of new Set(others.map((e) => e.patientId)))
      if (patients.length < 3 && (await primaryCoverage(p))) patients.push(p);
    expect(patients).toHaveLength(3);
    await setMember(patients[0]!, COB);
    for (const p of patients) {
      const c = await claimFor(others.find((e) => e.patientId === p)!.id);
      expect(c.state, JSON.stringify(c.findings)).toBe('ready');
      sent.push(c);
    }
    denied = sent[0]!;
    const batch = await biller.post('/api/batches', { practiceId });
    expect(batch.statusCode, batch.body).toBe(201);
    await until('the 837 upload', async () => (waitingAtSandbox('837').length ? true : undefined));
    await sandboxRound(); // 999 and 277CA
    await poll();
    for (const c of sent) expect((await biller.get(`/api/claims/${c.id}`)).json().state).toBe('accepted');
    expect((await sandboxRound()).adjudicated).toBe(3);
    // The 835s never arrive (a clearinghouse lost them): the claims wait, accepted, with no remittance.
    for (const f of readdirSync(sandbox.inDir).filter((f) => f.endsWith('.835')))
      rmSync(join(sandbox.inDir, f));
    // ... and were submitted 40 days ago, past the payers' 30 days.
    await sql(
      `update claim_event set at = now() - interval '40 days' where to_state = 'submitted' and claim_id = any($1)`,
      [sent.map((c) => c.id)],
    );

    const run = await biller.post('/api/claim-status/run', { practiceId });
    expect(run.statusCode, run.body).toBe(202);
    await jobDone(run.json().jobId);
    // The 276 written is uploaded by its own job (the written hook), not by the poll.
    await until('the 276 upload', async () => (waitingAtSandbox('276').length ? true : undefined));
    const asked = readFileSync(join(sandbox.outDir, waitingAtSandbox('276')[0]!), 'utf8');
    expect(asked.match(/~\s*TRN\*1\*/g)).toHaveLength(3);
    expect((await sandboxRound()).written).toBe(1);
    const polled = await poll();
    expect(polled.processed.map((p) => p.state)).toEqual(['processed']);

    // Each claim's status is the sandbox's adjudication: the COB claim denied (F2), the others
    // finalized paid (F1) or paid nothing, all to the deductible, say (F4, which needs a biller too).
    const category = new Map<number, string>();
    for (const c of sent) {
      const { items } = (await biller.get(`/api/claims/${c.id}/status-inquiries`)).json();
      expect(items, `claim ${c.id}`).toHaveLength(1);
      expect(items[0].statuses.length).toBeGreaterThan(0);
      category.set(c.id, items[0].statuses[0].categoryCode);
    }
    expect(category.get(denied.id)).toBe('F2');
    for (const c of sent) expect(category.get(c.id)).toMatch(/^F[124]$/);
    const queue = (
      await biller.get(`/api/follow-ups?practiceId=${practiceId}&queue=claim-status&state=open`)
    ).json().items as { claimId: number; reasonCode: string; reason: string }[];
    expect(queue.map((f) => f.claimId).sort()).toEqual(
      sent
        .filter((c) => category.get(c.id) !== 'F1')
        .map((c) => c.id)
        .sort(),
    );
    const item = queue.find((f) => f.claimId === denied.id)!;
    expect(item.reasonCode).toMatch(/^F2:/);
    expect(item.reason).toMatch(/denied/);
    // The claim's history shows the answer too.
    const history = (await biller.get(`/api/claims/${denied.id}`)).json();
    expect(JSON.stringify(history)).toMatch(/claim status \(277\)/);
  });

  it('real-time: the sandbox answers a 270 over HTTP on 127.0.0.1; with the endpoint down the check fails, logged', async () => {
    const listener = await serveRealtime(sandbox.homeDir, { ...ctx, port: 0 });
    let stopped = false;
    try {
      const created = await admin.post(`/api/practices/${practiceId}/connections`, {
        name: 'Payer sandbox (real-time)',
        kind: 'http',
        url: listener.url,
        password: 'sandbox-token',
      });
      expect(created.statusCode, created.body).toBe(201);
      const check = await biller.post('/api/eligibility/checks', {
        patientId: inactive.patientId,
        dateOfService: day,
      });
      expect(check.statusCode, check.body).toBe(201);
      expect(check.json()).toMatchObject({ how: 'realtime', state: 'answered', status: 'inactive' });
      await listener.close();
      stopped = true;
      const down = await biller.post('/api/eligibility/checks', {
        patientId: inactive.patientId,
        dateOfService: day,
      });
      expect(down.statusCode, down.body).toBe(201);
      expect(down.json()).toMatchObject({ how: 'realtime', state: 'failed' });
      expect(down.json().failure).toMatch(/could not be reached/);
      const log = (await biller.get(`/api/clearinghouse/realtime-exchanges?practiceId=${practiceId}`)).json()
        .items as { transactionType: string; httpStatus: number | null; error: string | null }[];
      expect(log.map((x) => [x.transactionType, x.httpStatus, x.error === null])).toEqual([
        ['270', null, false],
        ['270', 200, true],
      ]);
      expect(logLines.some((l) => l.includes('/api/eligibility/checks'))).toBe(true);
      expect(logLines.filter((l) => /ISA\*|~ST\*27|TERMINATED1|COBPRIMARY1/.test(l))).toEqual([]);
    } finally {
      if (!stopped) await listener.close();
    }
  });
});
