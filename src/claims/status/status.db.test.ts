// Claim status end to end on the database: the demo's claims submitted long ago get one 276 per
// practice (our validator and pyx12), a payer's 277 answers them (timeline, follow-up queue, once
// only), the follow-up queue is worked through the API, and a malformed 277 says where.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import { DEMO_DEFAULTS, DEMO_HOSPITAL } from '../../demo/defaults.ts';
import { seedDemo } from '../../demo/seed.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../../server/testing.ts';
import { ProblemError } from '../../shared/problem.ts';
import { addDays, todayIso } from '../../shared/dates.ts';
import {
  MemoryControlNumbers,
  parse276,
  validateX12,
  write277,
  type ClaimStatusResponse,
  type StatusDetail,
} from '../../x12/index.ts';
import { claimStatusBatchDelivery, claimStatusInboundHandler } from '../index.ts';
import { pyx12Check, pyx12ErrorKinds, x212MapFolder } from '../../x12/testing/pyx12.ts';
import { statusCandidates, writeStatusBatch } from './batch.ts';
import { STATUS_JOB } from './jobs.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-276-'));
const actor = SYSTEM_ACTOR;

const samples = path.resolve(process.cwd(), '../shared/x12-samples');
/** pyx12's error kinds on the TR3's own X212 examples: what its borrowed maps get wrong on every file. */
const tr3Kinds = (maps: string, files: string[]) =>
  new Set(files.flatMap((f) => [...pyx12ErrorKinds(path.join(samples, f), maps).kinds]));

describe('claim status: 276 out, 277 in, follow-up queue', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let other: Client;
  let auditor: Client;
  const practices: { id: number; claimType: 'professional' | 'institutional'; submitted: number[] }[] = [];
  const batches = new Map<number, { batchId: number; x12: string }>();

  const sql = (q: string, p: unknown[] = []) => t.database.sql.executeSql(q, p);

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    const asOf = todayIso();
    const clinic = await seedDemo(
      t.database,
      { ...DEMO_DEFAULTS, patients: 25, encounters: 40, asOf },
      actor,
      [],
    );
    const hospital = await seedDemo(
      t.database,
      { ...DEMO_HOSPITAL, patients: 15, encounters: 15, asOf },
      actor,
      [],
    );
    practices.push(
      { id: clinic, claimType: 'professional', submitted: [] },
      { id: hospital, claimType: 'institutional', submitted: [] },
    );
    const grants = (role: 'biller' | 'auditor') => practices.map((p) => ({ practiceId: p.id, role }));
    await t.addUser('biller@example.org', grants('biller'));
    await t.addUser('auditor@example.org', grants('auditor'));
    await t.addUser('other@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [
      ...practices.map((p) => ({ practiceId: p.id, role: 'manager' as const })),
    ]);
    biller = await t.login('biller@example.org');
    auditor = await t.login('auditor@example.org');
    other = await t.login('other@example.org');
    const manager = await t.login('manager@example.org');
    for (const p of practices) {
      expect((await manager.post('/api/submitter-settings', testSubmitterSettings(p.id))).statusCode).toBe(
        201,
      );
      const { rows } = await sql(
        `select distinct e.id from encounter e
           join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
            and c.effective_date <= e.service_date_from
            and (c.termination_date is null or c.termination_date >= e.service_date_from)
          where e.practice_id = $1 order by e.id`,
        [p.id],
      );
      for (const r of rows) {
        const created = await biller.post('/api/claims', { encounterId: Number(r.id) });
        if (created.statusCode !== 201) continue;
        let claim = created.json();
        for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
          claim = (
            await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'status test' })
          ).json();
      }
      const batch = await biller.post('/api/batches', { practiceId: p.id, claimType: p.claimType });
      expect(batch.statusCode, batch.body).toBe(201);
      const sent = await biller.post(`/api/batches/${batch.json().batchId}/sent`, {});
      expect(sent.statusCode, sent.body).toBe(200);
      const { rows: claims } = await sql(
        `select id from claim where practice_id = $1 and state = 'submitted'`,
        [p.id],
      );
      p.submitted = claims.map((c) => Number(c.id));
      expect(p.submitted.length).toBeGreaterThan(3);
    }
    // The clinic's claims were submitted 40 days ago; the hospital's 31 (its payers wait 30 days).
    await sql(
      `update claim_event set at = at - interval '40 days'
        where to_state = 'submitted' and claim_id in (select id from claim where practice_id = $1)`,
      [clinic],
    );
    await sql(
      `update claim_event set at = at - interval '31 days'
        where to_state = 'submitted' and claim_id in (select id from claim where practice_id = $1)`,
      [hospital],
    );
  }, 1_800_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks nothing of claims submitted within their payer’s days', async () => {
    await sql(`update payer set status_inquiry_days = 45 where practice_id = $1`, [practices[0]!.id]);
    const early = await writeStatusBatch(t.database.db, practices[0]!.id, actor, new Date());
    expect(early).toMatchObject({ batchId: null, inquiryCount: 0 });
    expect(early.notDue).toHaveLength(practices[0]!.submitted.length);
    expect(early.notDue[0]!.why).toMatch(/not more than 45 days ago/);
    await sql(`update payer set status_inquiry_days = 30 where practice_id = $1`, [practices[0]!.id]);
  });

  it('POST /api/claim-status/run writes one 276 per practice for every claim due, valid by our validator and pyx12', async () => {
    expect((await auditor.post('/api/claim-status/run', { practiceId: practices[0]!.id })).statusCode).toBe(
      403,
    );
    expect((await other.post('/api/claim-status/run', { practiceId: practices[0]!.id })).statusCode).toBe(
      404,
    );
    const maps = x212MapFolder(dir);
    const tr3276 = tr3Kinds(maps, [
      '276/stupidedi__claim-request.edi',
      '276/hdi__X212-276-claim-request.edi',
    ]);
    for (const p of practices) {
      const res = await biller.post('/api/claim-status/run', { practiceId: p.id });
      expect(res.statusCode, res.body).toBe(202);
      const done = await t.queue.waitFor(STATUS_JOB, res.json().jobId, 120_000);
      expect(done.state, JSON.stringify(done.output)).toBe('completed');
      const [out] = (done.output as { practices: { batchId: number; inquiryCount: number }[] }).practices;
      expect(out!.inquiryCount, JSON.stringify(done.output).slice(0, 600)).toBe(p.submitted.length);
      const batch = await claimStatusBatchDelivery.forDelivery(t.database.db, out!.batchId);
      expect(batch).toMatchObject({ practiceId: p.id, state: 'generated' });
      batches.set(p.id, { batchId: out!.batchId, x12: batch!.x12 });
      const x12 = batch!.x12;
      expect(
        validateX12(x12).problems.filter((x) => x.severity !== 'warning' && x.severity !== 'info'),
      ).toEqual([]);
      const read = parse276(x12);
      const claims = read.requests.flatMap((r) => r.claims);
      expect(claims).toHaveLength(p.submitted.length);
      // Each claim: its trace, patient control number, charge, dates and lines (SVC, REF*FJ, DTP).
      for (const c of claims) {
        expect(c.traceNumber).toMatch(/^\d+-1$/);
        expect(c.patientControlNumber).toBeTruthy();
        expect(c.chargeCents).toBeGreaterThan(0);
        expect(c.serviceDate?.from).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(c.lines!.length).toBeGreaterThan(0);
        for (const l of c.lines!) expect(l.lineControlNumber).toMatch(/^\d+$/);
      }
      if (p.claimType === 'institutional')
        expect(claims.every((c) => /^\d{3,4}$/.test(c.billType ?? ''))).toBe(true);
      // Dependents are asked about in 2000E, with the subscriber above them.
      if (p.claimType === 'professional') expect(read.requests.some((r) => r.dependent)).toBe(true);
      // pyx12 has no 5010 X212 276 map: as shipped it says NOMAP; with the 4010 X093 276 map
      // registered for X212 it finds nothing in ours it does not also find in the TR3's examples.
      const file = path.join(dir, `${p.claimType}.276`);
      writeFileSync(file, x12);
      expect(pyx12Check(file)).toMatch(/^(OK|NOMAP) /);
      const ours = pyx12ErrorKinds(file, maps);
      expect(ours.verdict).toMatch(/^(OK|FAIL)$/);
      for (const k of ours.kinds) expect(tr3276, k).toContain(k);
    }
  }, 300_000);

  it('the clearinghouse can deliver the 276 once, and asks nothing twice', async () => {
    const p = practices[0]!;
    const { batchId } = batches.get(p.id)!;
    expect(await claimStatusBatchDelivery.notSent(t.database.db, p.id)).toEqual([batchId]);
    await claimStatusBatchDelivery.recordUploadFailure(
      t.database.db,
      batchId,
      actor,
      new Date(),
      'refused',
      {},
    );
    expect(
      await claimStatusBatchDelivery.markSent(t.database.db, batchId, actor, new Date(), { how: 'test' }),
    ).toBe(true);
    expect(
      await claimStatusBatchDelivery.markSent(t.database.db, batchId, actor, new Date(), { how: 'test' }),
    ).toBe(false);
    expect(await claimStatusBatchDelivery.notSent(t.database.db, p.id)).toEqual([]);
    const again = await writeStatusBatch(t.database.db, p.id, actor, new Date());
    expect(again.batchId).toBeNull();
    expect(again.notDue.every((n) => /within the last 30 days/.test(n.why))).toBe(true);
    const { rows } = await sql(`select count(*)::int n from audit_event where entity = 'claim_status_batch'`);
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(4);
  });

  /** The payer's 277 answering the clinic's 276: one status per claim, as chosen. */
  async function answer(statuses: Map<string, StatusDetail[]>, extra: ClaimStatusResponse['claims'] = []) {
    const read = parse276(batches.get(practices[0]!.id)!.x12);
    const responses: ClaimStatusResponse[] = read.requests.map((r, i) => ({
      referenceId: r.referenceId,
      date: r.date,
      time: r.time,
      payer: r.payer,
      receiver: r.receiver,
      provider: r.provider,
      subscriber: { ...r.subscriber, birthDate: undefined, gender: undefined },
      ...(r.dependent ? { dependent: { ...r.dependent, birthDate: undefined, gender: undefined } } : {}),
      claims: [
        ...r.claims.map((c) => ({
          traceNumber: c.traceNumber,
          ...(c.patientControlNumber ? { patientControlNumber: c.patientControlNumber } : {}),
          statuses: statuses.get(c.traceNumber) ?? [status('P1', '20')],
          lines: [],
        })),
        ...(i === 0 ? extra : []),
      ],
    }));
    for (const r of responses) {
      delete r.subscriber.birthDate;
      delete r.subscriber.gender;
      if (r.dependent) {
        delete r.dependent.birthDate;
        delete r.dependent.gender;
      }
    }
    return write277(responses, {
      senderId: 'DEMOCH',
      receiverId: 'RIVER01',
      date: '20261203',
      time: '1200',
      numbers: new MemoryControlNumbers(),
      lineBreaks: true,
    });
  }
  const status = (category: string, code: string, entity?: string): StatusDetail => ({
    category,
    code,
    outcome: 'other',
    effectiveDate: todayIso(),
    additional: [],
    ...(entity ? { entity } : {}),
  });
  const apply = (id: number, content: string) =>
    t.database.db.transaction((tx) =>
      claimStatusInboundHandler(
        tx as unknown as Executor,
        {
          id,
          practiceId: practices[0]!.id,
          name: `answer-${id}.277`,
          content,
          transactionType: '277',
          guide: '005010X212',
        },
        actor,
      ),
    );

  it('a 277 answers the inquiries, shows on each claim’s timeline, and puts F2, R3 and A7 on the follow-up queue once', async () => {
    const p = practices[0]!;
    const traces = parse276(batches.get(p.id)!.x12).requests.flatMap((r) => r.claims);
    const [denied, asked, rejected, paid, byPcn] = traces;
    const statuses = new Map<string, StatusDetail[]>([
      [denied!.traceNumber, [status('F2', '88', 'QC')]],
      [asked!.traceNumber, [status('R3', '21')]],
      [rejected!.traceNumber, [status('A7', '562', '85')]],
      [
        paid!.traceNumber,
        [{ ...status('F1', '65'), paidCents: 5000, checkNumber: 'CHK77', checkDate: todayIso() }],
      ],
    ]);
    // A payer that lost our trace still names the claim by its patient control number.
    const text = (await answer(statuses)).replace(`TRN*2*${byPcn!.traceNumber}~`, 'TRN*2*LOST-TRACE~');
    const extra = await answer(new Map(), [
      { traceNumber: 'NOT-OURS-1', patientControlNumber: 'NOBODY', statuses: [status('F2', '1')], lines: [] },
    ]);
    // The 277 it is answered with fails pyx12's broken X212 277 map in no other way than the TR3's example.
    const file = path.join(dir, 'answer.277');
    writeFileSync(file, text);
    const maps277 = x212MapFolder(path.join(dir, '277'));
    const tr3277 = tr3Kinds(maps277, ['277/stupidedi__claim-response.edi']);
    for (const k of pyx12ErrorKinds(file, maps277).kinds) expect(tr3277, k).toContain(k);
    const first = await apply(9001, text);
    expect(first.result.answered).toHaveLength(traces.length);
    expect(first.result.followUpsOpened).toBe(3);
    expect(first.result.unmatched).toEqual([]);
    expect(first.outcome).toMatch(/^277: \d+ claim statuses applied, 3 put on the follow-up queue$/);

    const claimOf = (trace: string) => Number(trace.split('-')[0]);
    const inquiries = await biller.get(`/api/claims/${claimOf(denied!.traceNumber)}/status-inquiries`);
    expect(inquiries.statusCode).toBe(200);
    expect(inquiries.json().items[0]).toMatchObject({
      state: 'answered',
      category: 'F2',
      statuses: [
        {
          categoryCode: 'F2',
          statusCode: '88',
          entityCode: 'QC',
          says: 'finalized and denied: entity not eligible for benefits on the dates of service (patient)',
          action: 'denied: correct and resubmit, or appeal',
        },
      ],
    });
    const paidView = (await biller.get(`/api/claims/${claimOf(paid!.traceNumber)}/status-inquiries`)).json();
    expect(paidView.items[0].statuses[0]).toMatchObject({ paidCents: 5000, checkNumber: 'CHK77' });
    const pcnView = (await biller.get(`/api/claims/${claimOf(byPcn!.traceNumber)}/status-inquiries`)).json();
    expect(pcnView.items[0]).toMatchObject({ state: 'answered', category: 'P1' });
    expect((await other.get(`/api/claims/${claimOf(denied!.traceNumber)}/status-inquiries`)).statusCode).toBe(
      404,
    );

    const claim = (await biller.get(`/api/claims/${claimOf(denied!.traceNumber)}`)).json();
    const event = claim.history.at(-1);
    expect(event).toMatchObject({ fromState: 'submitted', toState: 'submitted' });
    expect(event.reason).toMatch(/^claim status \(277\): finalized and denied/);
    expect(claim.state).toBe('submitted');
    // The answer is on the timeline, not a new submission: the claim still counts from when it was sent.
    const candidate = (await statusCandidates(t.database.db, p.id)).find(
      (c) => c.claimId === claimOf(denied!.traceNumber),
    );
    expect(candidate!.submittedOn < addDays(todayIso(), -30)).toBe(true);

    const queue = (
      await biller.get(`/api/follow-ups?practiceId=${p.id}&queue=claim-status&state=open`)
    ).json();
    expect(queue.items.map((i: { reasonCode: string }) => i.reasonCode).sort()).toEqual([
      'A7:562',
      'F2:88',
      'R3:21',
    ]);
    for (const item of queue.items) {
      expect(item.patientName).toMatch(/\w, \w/);
      expect(item.payerName).not.toBe('');
    }
    expect(queue.items.find((i: { reasonCode: string }) => i.reasonCode === 'R3:21').reason).toMatch(
      /the payer asks for information: send it$/,
    );

    // The same file again changes nothing; another file saying the same opens no second item.
    const events = async () =>
      Number(
        (await sql(`select count(*)::int n from claim_event where reason like 'claim status (277)%'`))
          .rows[0]!.n,
      );
    const before = await events();
    const second = await apply(9001, text);
    expect(second.result.alreadyApplied).toHaveLength(traces.length);
    expect(second.result.followUpsOpened).toBe(0);
    expect(await events()).toBe(before);
    const third = await apply(9002, extra);
    expect(third.result.followUpsOpened).toBe(0);
    expect(third.result.unmatched).toEqual([
      {
        traceNumber: 'NOT-OURS-1',
        patientControlNumber: 'NOBODY',
        says: ['finalized and denied: see the remittance advice for details'],
      },
    ]);
    expect(third.outcome).toMatch(/1 matched no inquiry of ours \(NOBODY\)/);
    const after = (await biller.get(`/api/follow-ups?practiceId=${p.id}&state=open`)).json();
    expect(after.items).toHaveLength(3);
  });

  it('the follow-up queue is worked through the API: listed per practice and role, closed with a note', async () => {
    const p = practices[0]!;
    expect((await auditor.get(`/api/follow-ups?practiceId=${p.id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/follow-ups?practiceId=${p.id}`)).json().items).toEqual([]);
    const [item] = (await biller.get(`/api/follow-ups?practiceId=${p.id}&state=open`)).json().items;
    expect((await other.post(`/api/follow-ups/${item.id}/close`, { note: 'x' })).statusCode).toBe(404);
    expect((await biller.post(`/api/follow-ups/${item.id}/close`, {})).statusCode).toBe(400);
    const closed = await biller.post(`/api/follow-ups/${item.id}/close`, {
      note: 'called the payer, resubmitted',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      id: item.id,
      state: 'done',
      closeNote: 'called the payer, resubmitted',
    });
    expect((await biller.post(`/api/follow-ups/${item.id}/close`, { note: 'again' })).statusCode).toBe(409);
    expect((await biller.get(`/api/follow-ups?practiceId=${p.id}&state=open`)).json().items).toHaveLength(2);
    const { rows } = await sql(
      `select detail from audit_event where entity = 'follow_up' and entity_id = $1 and action = 'update'`,
      [String(item.id)],
    );
    expect(rows[0]!.detail).toEqual({ note: 'called the payer, resubmitted' });
  });

  it('the claims list shows each claim’s own first date of service and error count', async () => {
    const p = practices[0]!;
    const { rows } = await sql(
      `select c.id, min(l.service_date)::text first,
              (select count(*)::int from claim_finding f where f.claim_id = c.id and f.severity = 'error') errors
         from claim c join claim_line l on l.claim_id = c.id where c.practice_id = $1 group by c.id`,
      [p.id],
    );
    const list = (await biller.get(`/api/claims?practiceId=${p.id}&pageSize=100`)).json().items;
    expect(list.length).toBe(rows.length);
    for (const item of list) {
      const row = rows.find((r) => Number(r.id) === item.id)!;
      expect({ id: item.id, serviceDate: item.serviceDate, errors: item.errors }).toEqual({
        id: item.id,
        serviceDate: row.first,
        errors: Number(row.errors),
      });
    }
  });

  it('a malformed 277 is refused saying where, and changes nothing', async () => {
    const good = await answer(new Map());
    const broken = good.replace(/STC\*P1:20\*(\d{8})/, 'STC*P1:20*BADDATE');
    // A claim-level error is applied around; a file cut short (no SE/GE/IEA) cannot be read at all.
    const cut = good.split('\n').slice(0, 14).join('\n');
    const err = await apply(9003, cut).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).code).toBe('INVALID');
    expect((err as ProblemError).message).toMatch(/answer-9003\.277 is not a readable 277.*segment \d+/);
    const notX12 = await apply(9004, 'hello').catch((e: unknown) => e);
    expect((notX12 as ProblemError).message).toMatch(
      /line 1, segment 1 \(ISA\): Input does not begin with an ISA/,
    );
    const { rows } = await sql(
      `select count(*)::int n from claim_status_inquiry where inbound_file_id in (9003, 9004)`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const partly = await apply(9005, broken);
    expect(partly.result.problems[0]).toMatch(
      /segment \d+, loop 2200[DE], STC02: STC02 \(Date\) value "BADDATE"/,
    );
  });
});
