// Eligibility checks and 270 batches over the API, their 271 answers from the sandbox payer matched by
// trace number, and what the scrubber makes of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { answer270 } from '../sandbox/eligibility.ts';
import { emptyState } from '../sandbox/respond.ts';
import { readScenario } from '../sandbox/scenario.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import {
  MemoryControlNumbers,
  parse270,
  validateX12,
  write271,
  type EligibilityResponse,
} from '../x12/index.ts';
import { ProblemError } from '../shared/problem.ts';
import { createCheck, eligibilityBatchDelivery, eligibilityInboundHandler, recordAnswer } from './index.ts';

const { scenario } = readScenario({
  defaultBenefits: {
    deductibleCents: 100000,
    deductibleMetCents: 40000,
    coinsurancePercent: 20,
    copays: { 'office visit': 2500 },
    outOfPocketMaxCents: 500000,
    outOfPocketMetCents: 100000,
  },
  unknownMembers: ['W000000000'],
  members: { TERMINATED1: { coverageEnds: '2026-01-31' } },
  payers: {},
});

/** The sandbox payer's 271 for a 270 file. */
async function sandboxAnswer(x12: string): Promise<string> {
  const r = await answer270(x12, emptyState(), { scenario, seed: 1, now: '2026-11-21T10:00:00.000Z' });
  return r.files[0]!.text;
}

interface Visit {
  encounterId: number;
  patientId: number;
  coverageId: number;
  payerId: number;
  memberId: string;
  dos: string;
}

describe('eligibility checks, batches and answers', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let billerB: Client;
  let auditor: Client;
  let manager: Client;
  const sql = async (q: string, params: unknown[] = []) => (await t.database.sql.executeSql(q, params)).rows;
  /** Encounters of practice A with the patient's primary coverage. */
  let visits: Visit[];
  /** A patient the sandbox answers active for, and one whose coverage it says ended 2026-01-31. */
  let regular: Visit;
  let ended: Visit;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('billerb@example.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    await t.addUser('auditor@example.org', [{ practiceId: t.practiceA, role: 'auditor' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    billerB = await t.login('billerb@example.org');
    auditor = await t.login('auditor@example.org');
    manager = await t.login('manager@example.org');
    visits = (
      await sql(
        `select e.id as encounter_id, e.patient_id, c.id as coverage_id, c.payer_id, c.member_id, e.service_date_from::text as dos
           from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
          where e.practice_id = $1 and c.effective_date <= e.service_date_from
            and (c.termination_date is null or c.termination_date >= e.service_date_from)
          order by e.id`,
        [t.practiceA],
      )
    ).map((r) => ({
      encounterId: Number(r.encounter_id),
      patientId: Number(r.patient_id),
      coverageId: Number(r.coverage_id),
      payerId: Number(r.payer_id),
      memberId: String(r.member_id),
      dos: String(r.dos),
    }));
    const special = ['TERMINATED1', 'COBPRIMARY1', 'HIGHDEDUCT1', 'OOPMET1'];
    regular = visits.find((v) => !special.includes(v.memberId))!;
    ended = visits.find((v) => v.patientId !== regular.patientId && v.memberId === 'TERMINATED1')!;
    if (!ended) {
      ended = visits.find((v) => v.patientId !== regular.patientId)!;
      await sql(`update coverage set member_id = 'TERMINATED1' where id = $1`, [ended.coverageId]);
      ended.memberId = 'TERMINATED1';
    }
  });
  afterAll(() => t.close());

  it('needs the submitter settings (the ISA ids) first', async () => {
    const v = regular;
    const res = await biller.post('/api/eligibility/checks', {
      patientId: v.patientId,
      dateOfService: v.dos,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(res.json().detail).toMatch(/submitter/);
    const settings = await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    expect(settings.statusCode, settings.body).toBe(201);
  });

  it('asks about one visit: the primary coverage, a valid 270 in a one-inquiry batch, waiting, audited', async () => {
    const v = regular;
    const res = await biller.post('/api/eligibility/checks', {
      patientId: v.patientId,
      dateOfService: v.dos,
      serviceTypes: ['30', '98'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const check = res.json();
    expect(check).toMatchObject({
      patientId: v.patientId,
      coverageId: v.coverageId,
      payerId: v.payerId,
      dateOfService: v.dos,
      serviceTypes: ['30', '98'],
      how: 'batch',
      state: 'waiting',
      status: null,
      summary: null,
      warnings: [],
      askedByEmail: 'biller@example.org',
    });
    const batch = (await biller.get(`/api/eligibility/batches/${check.batchId}`)).json();
    expect(batch).toMatchObject({ inquiryCount: 1, source: 'single', state: 'generated', answeredCount: 0 });
    expect(batch.checks.map((c: { id: number }) => c.id)).toEqual([check.id]);
    const [row] = await sql('select x12 from eligibility_batch where id = $1', [check.batchId]);
    const x12 = String(row!.x12);
    expect(validateX12(x12).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const { requests } = parse270(x12);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.serviceTypes).toEqual(['30', '98']);
    expect(x12).toContain('RIVER01');
    const detail = (await biller.get(`/api/eligibility/checks/${check.id}`)).json();
    expect(detail.request).toMatch(/^ST\*270\*/);
    const audit = await sql(
      `select action from audit_event where entity = 'eligibility_check' and entity_id = $1 order by id`,
      [String(check.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'read']);
  });

  it('refuses a coverage that is not the patient’s and a date with no coverage, as problems', async () => {
    const a = regular;
    const other = ended;
    const wrong = await biller.post('/api/eligibility/checks', {
      patientId: a.patientId,
      coverageId: other.coverageId,
      dateOfService: a.dos,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().errors[0].pointer).toBe('/coverageId');
    const none = await biller.post('/api/eligibility/checks', {
      patientId: a.patientId,
      dateOfService: '1990-01-01',
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toMatch(/no coverage in effect on 1990-01-01/);
    const bad = await biller.post('/api/eligibility/checks', {
      patientId: a.patientId,
      dateOfService: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps practices apart and roles to their work', async () => {
    const v = regular;
    const [mine] = await sql('select id, batch_id from eligibility_check where practice_id = $1 limit 1', [
      t.practiceA,
    ]);
    expect((await billerB.get(`/api/eligibility/checks/${mine!.id}`)).statusCode).toBe(404);
    expect((await billerB.get(`/api/eligibility/batches/${mine!.batch_id}`)).statusCode).toBe(404);
    expect((await billerB.get(`/api/patients/${v.patientId}/eligibility`)).statusCode).toBe(404);
    expect((await billerB.get('/api/eligibility/checks')).json().items).toEqual([]);
    expect((await billerB.get('/api/eligibility/batches')).json().items).toEqual([]);
    const post = await billerB.post('/api/eligibility/checks', {
      patientId: v.patientId,
      dateOfService: v.dos,
    });
    expect(post.statusCode).toBe(404);
    const batch = await billerB.post('/api/eligibility/batches', { practiceId: t.practiceA, date: v.dos });
    expect(batch.statusCode).toBe(404);
    // An auditor reads, never asks.
    expect((await auditor.get(`/api/patients/${v.patientId}/eligibility`)).statusCode).toBe(200);
    const asked = await auditor.post('/api/eligibility/checks', {
      patientId: v.patientId,
      dateOfService: v.dos,
    });
    expect(asked.statusCode).toBe(403);
  });

  it('batches a day: the encounters of the date, one inquiry per patient, each with its coverage', async () => {
    const dos = ended.dos;
    const expected = new Set(visits.filter((v) => v.dos === dos).map((v) => v.patientId));
    const res = await biller.post('/api/eligibility/batches', { practiceId: t.practiceA, date: dos });
    expect(res.statusCode, res.body).toBe(201);
    const outcome = res.json();
    expect(outcome.inquiryCount).toBe(expected.size);
    expect(outcome.fileName).toMatch(/^270-\d+-\d{9}\.x12$/);
    const [row] = await sql('select x12, source, source_detail from eligibility_batch where id = $1', [
      outcome.id,
    ]);
    expect(row).toMatchObject({ source: 'schedule', source_detail: dos });
    expect(parse270(String(row!.x12)).requests).toHaveLength(expected.size);
    const checks = (await biller.get(`/api/eligibility/checks?date=${dos}&state=waiting`)).json().items;
    expect(checks.filter((c: { batchId: number }) => c.batchId === outcome.id)).toHaveLength(expected.size);
    // What the clearinghouse uploads: the file, not sent yet; marked sent once, audited.
    const delivery = eligibilityBatchDelivery;
    expect(await delivery.notSent(t.database.db, t.practiceA)).toContain(outcome.id);
    expect(await delivery.forDelivery(t.database.db, outcome.id)).toMatchObject({
      fileName: outcome.fileName,
      state: 'generated',
      x12: row!.x12,
    });
    const now = new Date();
    expect(await delivery.markSent(t.database.db, outcome.id, SYSTEM_ACTOR, now, { how: 'test' })).toBe(true);
    expect(await delivery.markSent(t.database.db, outcome.id, SYSTEM_ACTOR, now, { how: 'test' })).toBe(
      false,
    );
    expect(await delivery.notSent(t.database.db, t.practiceA)).not.toContain(outcome.id);
    const none = await biller.post('/api/eligibility/batches', {
      practiceId: t.practiceA,
      date: '2001-01-01',
    });
    expect(none.statusCode).toBe(409);
  });

  it('refuses a malformed CSV whole, naming row and column; a good one finds patients by MRN or member ID', async () => {
    const before = await sql('select count(*)::int as n from eligibility_check');
    const malformed = [
      'mrn,lastName,firstName,dateOfBirth,dateOfService,shoeSize',
      'A1,DOE,JANE,1980-01-01,2026-11-02,9',
    ].join('\n');
    const res = await biller.post('/api/eligibility/batches', {
      practiceId: t.practiceA,
      csv: malformed,
      fileName: 'bad.csv',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { pointer: '/csv/row 1/shoeSize', detail: 'unknown column "shoeSize"' },
    ]);
    const rows = [
      'mrn,lastName,firstName,dateOfBirth,dateOfService',
      'A1,DOE,JANE,1980-01-01,2026-11-31',
      ',SMITH,JOHN,,2026-11-02',
    ].join('\n');
    const bad = await biller.post('/api/eligibility/batches', {
      practiceId: t.practiceA,
      csv: rows,
      fileName: 'x.csv',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { pointer: '/csv/row 2/dateOfService', detail: '"2026-11-31" is not a date (YYYY-MM-DD)' },
      { pointer: '/csv/row 3/mrn', detail: 'neither an MRN nor a member ID' },
    ]);
    expect(await sql('select count(*)::int as n from eligibility_check')).toEqual(before);

    const [p1, p2] = await sql(
      `select p.account_number, p.last_name, p.first_name, c.member_id, $2::text as dos
         from patient p join coverage c on c.patient_id = p.id and c.priority = 'primary'
        where p.id = any($1::int[]) order by p.id`,
      [[regular.patientId, ended.patientId], regular.dos],
    );
    const csv = [
      'MRN,Member ID,Last Name,First Name,Date of Service',
      `${p1!.account_number},,${p1!.last_name},${p1!.first_name},${regular.dos}`,
      `,${p2!.member_id},${p2!.last_name},${p2!.first_name},${regular.dos}`,
      `NOPE-1,,NOBODY,NONE,${regular.dos}`,
    ].join('\n');
    const good = await biller.post('/api/eligibility/batches', {
      practiceId: t.practiceA,
      csv,
      fileName: 'monday.csv',
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({
      inquiryCount: 2,
      skipped: [{ row: 4, why: 'no patient with MRN NOPE-1' }],
    });
  });

  it('records the sandbox 271s by trace number: active, inactive with its warning, unmatched answers kept', async () => {
    // The CSV batch above: the regular patient and the one whose coverage ended, for one date.
    const [row] = await sql(`select id, x12 from eligibility_batch where source_detail = 'monday.csv'`);
    const batchId = Number(row!.id);
    const answer = await sandboxAnswer(String(row!.x12));
    const outcome = await recordAnswer(t.database.db, t.practiceA, answer, SYSTEM_ACTOR, new Date());
    expect(outcome.unmatched).toEqual([]);
    expect(outcome.matched).toHaveLength(2);
    const checks = (await biller.get(`/api/eligibility/batches/${batchId}`)).json().checks;
    const inactive = checks.find((c: { patientId: number }) => c.patientId === ended.patientId);
    expect(inactive).toMatchObject({ state: 'answered', status: 'inactive' });
    expect(inactive.patientName).toMatch(/^[^,]+, [^,]+$/);
    expect(inactive.warnings.join(' ')).toMatch(/Coverage ends 2026-01-31, before the date of service/);
    expect(inactive.summary.coverage.ends).toBe('2026-01-31');
    expect(checks.filter((c: { status: string }) => c.status === 'active').length).toBe(checks.length - 1);
    // The active patient's visit that day, at the fee schedule: the office visit copay, then the deductible left.
    const activeCheck = checks.find((c: { status: string }) => c.status === 'active');
    const { estimate } = (await biller.get(`/api/eligibility/checks/${activeCheck.id}`)).json();
    expect(estimate.copayCents).toBe(2500);
    expect(estimate.totalCents).toBe(
      estimate.copayCents + estimate.deductibleCents + estimate.coinsuranceCents,
    );
    expect(estimate.deductibleCents).toBeGreaterThan(0);
    // The same file again answers nothing new; an answer to a trace nobody asked is kept and said.
    const again = await eligibilityInboundHandler(
      t.database.db,
      {
        id: 0,
        practiceId: t.practiceA,
        name: 'again.271',
        content: answer,
        transactionType: '271',
        guide: null,
      },
      SYSTEM_ACTOR,
    );
    expect(again.outcome).toMatch(/answered 0 eligibility checks; \d+ answers? matched no waiting check/);
    const stranger: EligibilityResponse = {
      referenceId: 'NOBODY1',
      date: '2026-11-21',
      time: '1000',
      payer: { entityType: '2', lastOrOrganizationName: 'SOME PAYER', idQualifier: 'PI', id: 'X1' },
      provider: { entityType: '2', lastOrOrganizationName: 'SOMEONE', idQualifier: 'XX', id: '1234567893' },
      rejections: [],
      subscriber: {
        entityType: '1',
        lastOrOrganizationName: 'NOBODY',
        idQualifier: 'MI',
        id: 'Z1',
        traces: [{ type: '2', number: 'EL999999999', originatorId: '9999999999' }],
        rejections: [],
        dates: [],
        benefits: [{ code: '1', serviceTypes: ['30'] }],
      },
    };
    const text = await write271([stranger], {
      senderId: 'SANDBOX',
      receiverId: 'RIVER01',
      date: '20261121',
      time: '1000',
      numbers: new MemoryControlNumbers(),
    });
    const unmatched = await eligibilityInboundHandler(
      t.database.db,
      { id: 0, practiceId: t.practiceA, name: 'x.271', content: text, transactionType: '271', guide: null },
      SYSTEM_ACTOR,
    );
    expect(unmatched.outcome).toMatch(/trace number EL999999999/);
    // Another practice's answer never lands on this practice's check.
    const other = await recordAnswer(t.database.db, t.practiceB, answer, SYSTEM_ACTOR, new Date());
    expect(other.matched).toEqual([]);
  });

  it('answers over a real-time connection in the same request, and keeps a real-time failure on the check', async () => {
    const actor = { userId: null, userEmail: 'front@example.org', ip: null };
    const envelope = async () => ({ senderId: 'RIVER01', receiverId: 'DEMOCH', usage: 'T' as const });
    const sent: string[] = [];
    const live = await createCheck(
      t.database.db,
      {
        envelope,
        realtime: async (_db, _practice, _type, x12) => {
          sent.push(x12);
          return { response: await sandboxAnswer(x12), exchangeId: 7 };
        },
      },
      [t.practiceA],
      { patientId: ended.patientId, dateOfService: ended.dos },
      actor,
      new Date(),
    );
    expect(live).toMatchObject({ how: 'realtime', state: 'answered', status: 'inactive', batchId: null });
    expect(live.warnings.join(' ')).toMatch(/Coverage ends 2026-01-31/);
    expect(sent[0]!.startsWith('ISA')).toBe(true);
    const down = await createCheck(
      t.database.db,
      {
        envelope,
        realtime: async () => {
          throw new ProblemError('CLEARINGHOUSE_UNAVAILABLE', 'the endpoint timed out after 30 s');
        },
      },
      [t.practiceA],
      { patientId: regular.patientId, dateOfService: regular.dos },
      actor,
      new Date(),
    );
    expect(down).toMatchObject({
      how: 'realtime',
      state: 'failed',
      failure: 'the endpoint timed out after 30 s',
    });
    // A member the payer does not know: rejected (AAA 75), with what to do.
    const [unknown] = await sql(
      `select c.patient_id, c.id from coverage c
        where c.practice_id = $1 and c.priority = 'primary' and c.patient_id <> all($2::int[]) order by c.id limit 1`,
      [t.practiceA, [regular.patientId, ended.patientId]],
    );
    await sql(`update coverage set member_id = 'W000000000' where id = $1`, [unknown!.id]);
    const rejected = await createCheck(
      t.database.db,
      {
        envelope,
        realtime: async (_db, _practice, _type, x12) => ({
          response: await sandboxAnswer(x12),
          exchangeId: 8,
        }),
      },
      [t.practiceA],
      {
        patientId: Number(unknown!.patient_id),
        coverageId: Number(unknown!.id),
        dateOfService: '2026-11-21',
      },
      actor,
      new Date(),
    );
    expect(rejected).toMatchObject({ state: 'answered', status: 'rejected' });
    expect(rejected.summary!.rejections.map((r) => r.code)).toEqual(['75']);
    expect(rejected.warnings.length).toBeGreaterThan(0);
    expect(rejected.warnings).toEqual(rejected.summary!.rejections.map((r) => r.todo));
  });

  it('scrubs a claim for the inactive coverage as an error; an old check warns only where the payer asks', async () => {
    const claim = (await biller.post('/api/claims', { encounterId: ended.encounterId })).json();
    const codes = (c: { findings: { code: string; severity: string }[] }) =>
      c.findings.filter((f) => f.code.startsWith('ELIGIBILITY')).map((f) => `${f.code} ${f.severity}`);
    expect(codes(claim)).toEqual(['ELIGIBILITY-INACTIVE error']);
    // A newer answer asked for another date (the plan active there) does not speak for this visit:
    // the answer asked for the visit's own date does.
    await sql(
      `insert into eligibility_check (practice_id, patient_id, coverage_id, payer_id, date_of_service,
         service_types, trace_number, how, state, request, status, summary, answered_at)
       select e.practice_id, e.patient_id, e.coverage_id, e.payer_id, '2026-12-20', e.service_types,
              'EL-LATER', 'batch', 'answered', e.request, 'active', a.summary, now() + interval '1 minute'
         from eligibility_check e,
              (select summary from eligibility_check where status = 'active' and practice_id = $1 limit 1) a
        where e.patient_id = $2 and e.status = 'inactive' order by e.id limit 1`,
      [t.practiceA, ended.patientId],
    );
    const again = (await biller.post(`/api/claims/${claim.id}/scrub`, {})).json();
    expect(codes(again)).toEqual(['ELIGIBILITY-INACTIVE error']);

    // A patient with an active answer of 40 days ago: nothing while the payer asks for no check ...
    const active = regular;
    await sql(
      `update eligibility_check set answered_at = now() - interval '40 days' where coverage_id = $1 and state = 'answered'`,
      [active.coverageId],
    );
    const payerRes = await manager.patch(`/api/payers/${active.payerId}`, { eligibilityCheckDays: 0 });
    expect(payerRes.statusCode).toBe(400);
    const quiet = (await biller.post('/api/claims', { encounterId: active.encounterId })).json();
    expect(codes(quiet)).toEqual([]);
    // ... a warning once the payer wants a check within 30 days.
    const set = await manager.patch(`/api/payers/${active.payerId}`, {
      eligibilityCheckDays: 30,
      statusInquiryDays: 45,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ eligibilityCheckDays: 30, statusInquiryDays: 45 });
    const rescrub = (await biller.post(`/api/claims/${quiet.id}/scrub`, {})).json();
    expect(codes(rescrub)).toEqual(['ELIGIBILITY-NOT-CHECKED warning']);
    const off = await manager.patch(`/api/payers/${active.payerId}`, { eligibilityCheckDays: null });
    expect(off.json().eligibilityCheckDays).toBeNull();
  });
});
