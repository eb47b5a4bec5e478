import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { connectionRow } from '../clearinghouse/connections.ts';
import { pollOne } from '../clearinghouse/jobs.ts';
import { newSecretKey } from '../clearinghouse/secrets.ts';
import {
  sshdConnection,
  sshdUnavailable,
  startSshd,
  type TestSshd,
} from '../clearinghouse/transports/sshd-testing.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_DEFAULTS } from '../demo/defaults.ts';
import { balancesOf, claimBalances, lineBalances, patientBalance, type Balances } from '../ledger/index.ts';
import { loadScenario, pollOnce, type SandboxFolders } from '../sandbox/process.ts';
import type { SandboxContext } from '../sandbox/respond.ts';
import { todayIso } from '../shared/dates.ts';
import { parse835 } from '../x12/index.ts';
import { startTestApp, testSubmitterSettings, type Client } from './testing.ts';

// Issue 13, end to end: the demo practice's encounters become claims, are scrubbed and batched,
// uploaded over SFTP to a real OpenSSH server on 127.0.0.1, answered by the payer sandbox (TA1/999,
// 277CA with front-end rejections, then 835s), polled back in and applied; the rejected claims are
// fixed and go out again through the same scrub and batch path; the 835s post, denials open,
// statements run, and every cent reconciles. The jobs' exported handlers are called directly
// (`pollOne` is what the clearinghouse.poll job runs for one connection; the batch goes through
// POST /api/batches and its claims.batch job), so no test waits on the queue's schedule. The
// sandbox works on the SFTP server's own folders, as a clearinghouse does on its side.
const unavailable = sshdUnavailable();

type Claim = {
  id: number;
  state: string;
  patientId: number;
  coverageId: number;
  patientControlNumber: string;
  diagnoses: string[];
  totalChargeCents: number;
  findings: { id: number; severity: string; overridden: boolean }[];
};

const UNKNOWN_MEMBER = 'W000000000'; // in the default scenario's unknownMembers
const INVALID_DIAGNOSIS = 'R69'; // in the default scenario's invalidDiagnoses

describe.skipIf(unavailable !== null)('the whole revenue cycle on demo data, over SFTP', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let admin: Client;
  let sshd: TestSshd;
  let practiceId: number;
  let connectionId: number;
  let sandbox: SandboxFolders;
  let ctx: Omit<SandboxContext, 'now'>;
  // The sandbox's clock: each round is 30 s after the last, past the scenario's adjudication delay.
  let clock = Date.now();
  const home = mkdtempSync(join(tmpdir(), 'cleanclaim-cycle-'));
  const previousKey = process.env.CLEANCLAIM_SECRET_KEY;
  const claims = new Map<number, Claim>();
  const sql = (q: string, p: unknown[] = []) => t.database.sql.executeSql(q, p);

  const getClaim = async (id: number): Promise<Claim> => {
    const res = await biller.get(`/api/claims/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  // What a biller does with a scrubbed claim: errors block; warnings (no code sets loaded here) are overridden.
  const makeReady = async (claim: Claim): Promise<Claim> => {
    let c = claim;
    for (const f of c.findings.filter((x) => x.severity === 'warning' && !x.overridden))
      c = (
        await biller.post(`/api/claims/${c.id}/findings/${f.id}/override`, { reason: 'checked by hand' })
      ).json();
    return c;
  };
  // The claims.batch job writes the batch and queues its clearinghouse.upload job at once; the
  // batch (and its claims) count as sent when that upload has succeeded.
  const batch = async () => {
    const res = await biller.post('/api/batches', { practiceId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().returned).toEqual([]);
    const written = res.json() as { batchId: number; claimCount: number };
    for (const end = Date.now() + 30_000; ;) {
      const b = (await biller.get(`/api/batches/${written.batchId}`)).json();
      if (b.state === 'sent') break;
      if (Date.now() > end) throw new Error(`batch ${written.batchId} not uploaded: ${JSON.stringify(b)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return written;
  };
  // The clearinghouse.poll job for this connection: upload what is not sent, fetch and apply answers.
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
  const states = async () => {
    const out = new Map<number, string>();
    for (const id of claims.keys()) out.set(id, (await getClaim(id)).state);
    return out;
  };

  beforeAll(async () => {
    process.env.CLEANCLAIM_SECRET_KEY = newSecretKey();
    sshd = await startSshd();
    t = await startTestApp({ work: true });
    practiceId = await seedDemo(
      t.database,
      { ...DEMO_DEFAULTS, patients: 20, encounters: 24, asOf: todayIso() },
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
    const scenario = await loadScenario();
    ctx = { scenario: { ...scenario, adjudicationDelaySeconds: 20 }, seed: 13 };
    sandbox = { outDir: sshd.outbound, inDir: sshd.inbound, homeDir: join(home, 'sandbox') };
  }, 180_000);
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.CLEANCLAIM_SECRET_KEY;
    else process.env.CLEANCLAIM_SECRET_KEY = previousKey;
    await t?.close();
    sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('connects to the clearinghouse over SFTP, pinning and confirming its host key', async () => {
    const base = `/api/practices/${practiceId}/connections`;
    const created = await admin.post(base, sshdConnection(sshd, 'Clearinghouse SFTP'));
    expect(created.statusCode, created.body).toBe(201);
    connectionId = created.json().id;
    const tested = (await admin.post(`${base}/${connectionId}/test`, {})).json();
    expect(tested).toMatchObject({ ok: true, hostKeyFingerprint: sshd.fingerprint });
    const confirmed = await admin.post(`${base}/${connectionId}/confirm-host-key`, {
      fingerprint: sshd.fingerprint,
    });
    expect(confirmed.json()).toMatchObject({ hostKeyConfirmed: true });
  });

  it('makes a claim of every encounter with a primary coverage, scrubbed and ready', async () => {
    const { rows } = await sql(
      `select distinct e.id from encounter e
         join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
          and c.effective_date <= e.service_date_from
          and (c.termination_date is null or c.termination_date >= e.service_date_from)
        where e.practice_id = $1 and e.institutional is null order by e.id`,
      [practiceId],
    );
    for (const r of rows) {
      const created = await biller.post('/api/claims', { encounterId: Number(r.id) });
      expect(created.statusCode, created.body).toBe(201);
      const claim = await makeReady(created.json());
      if (claim.state === 'ready') claims.set(claim.id, claim);
    }
    expect(claims.size).toBeGreaterThanOrEqual(15);
  });

  let unknownMemberClaims: number[] = [];
  let badDiagnosisClaim: Claim;
  let originalMemberId: string;

  it('sends a batch with two mistakes in it: a wrong member ID and a diagnosis the payer refuses', async () => {
    const [first, ...rest] = [...claims.values()];
    // The member ID on the patient's coverage is mistyped after the claims were made (a claim reads
    // its coverage when it is written), so every claim of that coverage goes out with it.
    const { rows } = await sql(`select member_id from coverage where id = $1`, [first!.coverageId]);
    originalMemberId = String(rows[0]!.member_id);
    const patched = await admin.patch(`/api/coverages/${first!.coverageId}`, { memberId: UNKNOWN_MEMBER });
    expect(patched.statusCode, patched.body).toBe(200);
    unknownMemberClaims = [...claims.values()]
      .filter((c) => c.coverageId === first!.coverageId)
      .map((c) => c.id);
    badDiagnosisClaim = rest.find((c) => c.coverageId !== first!.coverageId)!;
    const edited = await biller.patch(`/api/claims/${badDiagnosisClaim.id}`, {
      diagnoses: [INVALID_DIAGNOSIS, ...badDiagnosisClaim.diagnoses.slice(1)],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await makeReady(edited.json())).state).toBe('ready');

    const b = await batch();
    expect(b.claimCount).toBe(claims.size);
    expect([...(await states()).values()].every((s) => s === 'submitted')).toBe(true);
  });

  it('the sandbox answers with a 999 and a 277CA; the rejected claims come back with the reason', async () => {
    const answered = await sandboxRound();
    expect(answered).toMatchObject({ failed: [], adjudicated: 0 });
    expect(answered.received).toHaveLength(1);
    const polled = await poll();
    expect(polled.processed.map((p) => p.state)).toEqual(['processed', 'processed']);
    const now = await states();
    const rejected = [...now].filter(([, s]) => s === 'rejected').map(([id]) => id);
    expect(rejected.sort()).toEqual([...unknownMemberClaims, badDiagnosisClaim.id].sort());
    expect([...now].filter(([, s]) => s === 'accepted')).toHaveLength(claims.size - rejected.length);
    const ack = (await biller.get(`/api/claims/${badDiagnosisClaim.id}/acknowledgments`)).json();
    expect(ack[0]).toMatchObject({ kind: '277CA', status: 'rejected' });
    const member = (await biller.get(`/api/claims/${unknownMemberClaims[0]}/acknowledgments`)).json();
    expect(member[0].reasons).toEqual([
      { code: 'STC A3:33:IL', text: expect.stringMatching(/subscriber id not found/) },
    ]);
  });

  it('the biller fixes them and they go out again through scrub and batch', async () => {
    const first = claims.get(unknownMemberClaims[0]!)!;
    expect(
      (await admin.patch(`/api/coverages/${first.coverageId}`, { memberId: originalMemberId })).statusCode,
    ).toBe(200);
    for (const id of unknownMemberClaims) {
      const scrubbed = (await biller.post(`/api/claims/${id}/scrub`, {})).json();
      expect((await makeReady(scrubbed)).state).toBe('ready');
    }
    const fixed = await biller.patch(`/api/claims/${badDiagnosisClaim.id}`, {
      diagnoses: badDiagnosisClaim.diagnoses,
    });
    expect((await makeReady(fixed.json())).state).toBe('ready');
    const b = await batch();
    expect(b.claimCount).toBe(unknownMemberClaims.length + 1);
  });

  it('the sandbox accepts the resubmitted claims and pays the first batch; then the second', async () => {
    // Round 2: the second batch's 999/277CA, and the first batch's accepted claims are due (835).
    const second = await sandboxRound();
    expect(second.received).toHaveLength(1);
    expect(second.adjudicated).toBe(claims.size - unknownMemberClaims.length - 1);
    await poll();
    // Round 3: the resubmitted claims are due.
    const third = await sandboxRound();
    expect(third.adjudicated).toBe(unknownMemberClaims.length + 1);
    const polled = await poll();
    expect(polled.processed.every((p) => p.state === 'processed')).toBe(true);
    const final = await states();
    for (const [id, s] of final) expect(['paid', 'partially_paid', 'denied'], `claim ${id}`).toContain(s);
    // The Inbox holds every file received, each applied once: two 999s, two 277CAs and the 835s.
    const inbox = (await biller.get(`/api/practices/${practiceId}/inbox`)).json() as {
      transactionType: string;
      state: string;
    }[];
    expect(inbox.every((f) => f.state === 'processed')).toBe(true);
    expect(
      inbox
        .filter((f) => f.transactionType !== '835')
        .map((f) => f.transactionType)
        .sort(),
    ).toEqual(['277', '277', '999', '999']);
  });

  it('denials are open for the denied lines, and statements go to the patients who owe', async () => {
    const denials = (await biller.get(`/api/denials?practiceId=${practiceId}`)).json().items as {
      claimId: number;
      groupCode: string;
      reasonCode: string;
    }[];
    const final = [...(await states())];
    const denied = final.filter(([, s]) => s === 'denied').map(([id]) => id);
    // The default scenario denies some demo services (non-covered preventive visits, bundled labs…).
    expect(denials.length).toBeGreaterThan(0);
    for (const d of denials) expect(claims.has(d.claimId)).toBe(true);
    for (const id of denied)
      expect(
        denials.some((d) => d.claimId === id),
        `claim ${id}`,
      ).toBe(true);

    const run = await biller.post('/api/statements/runs', { practiceId });
    expect(run.statusCode, run.body).toBe(201);
    // Everyone owing at least the minimum ($5.00) is billed what the ledger says they owe.
    const patients = [...new Set([...claims.values()].map((c) => c.patientId))];
    const owing = [];
    for (const id of patients) {
      const b = await patientBalance(t.database.db, practiceId, id);
      if (b.patientBalance >= 500) owing.push(b.patientBalance);
    }
    expect(owing.length).toBeGreaterThan(0);
    expect(run.json()).toMatchObject({
      statementCount: owing.length,
      totalDueCents: owing.reduce((s, c) => s + c, 0),
    });
  });

  it('reconciles to the cent: charges = insurance payments + adjustments + patient responsibility + open balances', async () => {
    const files = (
      await sql(
        `select content from inbound_file where practice_id = $1 and transaction_type = '835' order by id`,
        [practiceId],
      )
    ).rows.map((r) => String(r.content));
    const payments = files.flatMap((f) => parse835(f).remittances.flatMap((r) => r.claims));
    expect(payments).toHaveLength(claims.size);
    // Every 835 claim payment is what the ledger holds for its claim.
    const byPcn = new Map([...claims.values()].map((c) => [c.patientControlNumber, c]));
    for (const p of payments) {
      const b = (await claimBalances(t.database.db, byPcn.get(p.patientControlNumber)!.id))!;
      expect({ pcn: p.patientControlNumber, ...pick(b) }).toEqual({
        pcn: p.patientControlNumber,
        charge: p.chargeCents,
        insurancePaid: p.paidCents,
        patientResponsibility: p.patientResponsibilityCents ?? 0,
        adjustments: p.chargeCents - p.paidCents - (p.patientResponsibilityCents ?? 0),
      });
    }
    // The practice's totals, from the ledger, against the 835s and the claims sent.
    const { rows } = await sql(`select id from service_line where practice_id = $1`, [practiceId]);
    const total = (
      await lineBalances(
        t.database.db,
        rows.map((r) => Number(r.id)),
      )
    ).reduce<Balances>((sum, { serviceLineId: _id, ...b }) => addBalances(sum, b), balancesOf([]));
    const sum = (f: (p: (typeof payments)[number]) => number) => payments.reduce((s, p) => s + f(p), 0);
    const cas = payments.flatMap((p) => [...p.adjustments, ...p.serviceLines.flatMap((l) => l.adjustments)]);
    const casOf = (pr: boolean) =>
      cas.filter((a) => (a.group === 'PR') === pr).reduce((s, a) => s + a.amountCents, 0);
    expect(pick(total)).toEqual({
      charge: [...claims.values()].reduce((s, c) => s + c.totalChargeCents, 0),
      insurancePaid: sum((p) => p.paidCents),
      adjustments: casOf(false),
      patientResponsibility: casOf(true),
    });
    expect(total.patientResponsibility).toBe(sum((p) => p.patientResponsibilityCents ?? 0));
    expect(total.charge).toBe(
      total.insurancePaid + total.adjustments + total.patientResponsibility + total.insuranceBalance,
    );
    expect(total.patientResponsibility).toBe(
      total.patientPaid + total.patientWriteOffs - total.refunds + total.patientBalance,
    );
    expect(total.insuranceBalance).toBe(0);
  });
});

const pick = (b: Balances) => ({
  charge: b.charge,
  insurancePaid: b.insurancePaid,
  adjustments: b.adjustments,
  patientResponsibility: b.patientResponsibility,
});

function addBalances(a: Balances, b: Balances): Balances {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Balances)[]) out[k] = a[k] + b[k];
  return out;
}
