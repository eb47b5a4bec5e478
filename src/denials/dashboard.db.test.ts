import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText } from '../claims/pdf-testing.ts';
import { startTestApp, type Client } from '../server/testing.ts';

// The dashboard API on a small fixture laid over the demo practice: two claims submitted in
// October 2026, one paid first time, one denied for coding (CARC 16) and won on appeal.
describe('denials dashboard API', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let coder: Client;
  let auditor: Client;
  let otherBiller: Client;
  let payerId: number;
  const period = 'from=2026-10-01&to=2026-11-30';
  const sql = (text: string, params: unknown[] = []) => t.database.sql.executeSql(text, params);

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@a.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@a.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('coder@a.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('auditor@a.org', [{ practiceId: t.practiceA, role: 'auditor' }]);
    await t.addUser('biller@b.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    const emails = ['biller@a.org', 'manager@a.org', 'coder@a.org', 'auditor@a.org', 'biller@b.org'];
    [biller, manager, coder, auditor, otherBiller] = (await Promise.all(emails.map((e) => t.login(e)))) as [
      Client,
      Client,
      Client,
      Client,
      Client,
    ];
    const found = await sql(
      `select e.id, e.patient_id, e.rendering_provider_id, c.id as coverage_id, c.payer_id
         from encounter e join coverage c on c.patient_id = e.patient_id
        where e.practice_id = $1 order by e.id limit 1`,
      [t.practiceA],
    );
    const e = found.rows[0]!;
    payerId = Number(e.payer_id);
    const claimWith = async (
      pcn: string,
      procedure: string,
      state: string,
      events: [string, string, string][],
    ) => {
      const c = await sql(
        `insert into claim (practice_id, encounter_id, patient_id, coverage_id, payer_id, rendering_provider_id,
                            type, payer_responsibility, patient_control_number, place_of_service, diagnoses,
                            total_charge_cents, state)
         values ($1, $2, $3, $4, $5, $6, 'professional', 'P', $7, '11', '{J069}', 15000, $8) returning id`,
        [t.practiceA, e.id, e.patient_id, e.coverage_id, e.payer_id, e.rendering_provider_id, pcn, state],
      );
      const claimId = Number(c.rows[0]!.id);
      const l = await sql(
        `insert into claim_line (claim_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
         values ($1, 1, '2026-10-01', $2, '{}', 1, 15000, '{1}') returning id`,
        [claimId, procedure],
      );
      for (const [at, toState, reason] of events)
        await sql(`insert into claim_event (claim_id, at, to_state, reason) values ($1, $2, $3, $4)`, [
          claimId,
          `${at}T15:00:00Z`,
          toState,
          reason,
        ]);
      return { claimId, lineId: Number(l.rows[0]!.id) };
    };
    // paid first time, clean on its first scrub
    await claimWith('DASH-1', '99213', 'paid', [
      ['2026-10-05', 'ready', 'scrubbed clean'],
      ['2026-10-06', 'submitted', 'batch 1'],
      ['2026-10-08', 'accepted', '999'],
      ['2026-10-20', 'paid', '835'],
    ]);
    // scrubbed with findings first, then denied on Thursday 10-22 (CARC 16, coding)
    const denied = await claimWith('DASH-2', '99214', 'appealed', [
      ['2026-10-05', 'scrubbed', 'scrubbed with findings'],
      ['2026-10-07', 'ready', 'scrubbed clean'],
      ['2026-10-08', 'submitted', 'batch 2'],
      ['2026-10-10', 'accepted', '999'],
      ['2026-10-22', 'denied', '835'],
      ['2026-10-26', 'appealed', 'appeal sent'],
    ]);
    const d = await sql(
      `insert into denial (practice_id, claim_id, claim_line_id, group_code, reason_code, remark_codes, amount_cents,
                           opened_at, category, action)
       values ($1, $2, $3, 'CO', '16', '{M51}', 15000, '2026-10-22T15:00:00Z', 'coding', 'correct-resubmit') returning id`,
      [t.practiceA, denied.claimId, denied.lineId],
    );
    // appealed on 10-26 (within 10 business days: due 11-05), won on 11-10 with $90.00 back
    await sql(
      `insert into appeal (practice_id, claim_id, denial_id, letter, documents, state, recovered_cents, created_at, decided_at)
       values ($1, $2, $3, 'letter', '[]', 'won', 9000, '2026-10-26T15:00:00Z', '2026-11-10T15:00:00Z')`,
      [t.practiceA, denied.claimId, Number(d.rows[0]!.id)],
    );
  });
  afterAll(() => t?.close());

  it('computes every KPI for the practice and period', async () => {
    const res = await biller.get(`/api/dashboard?practiceId=${t.practiceA}&${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const k = res.json();
    expect(k.period).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    // October: 2 claims decided, 1 denied → 1/2
    expect(k.denialRate.all).toEqual([
      { month: '2026-10', key: 'all', label: 'All payers', deniedClaims: 1, decidedClaims: 2, rate: 0.5 },
    ]);
    expect(k.denialRate.category).toMatchObject([
      { key: 'coding', deniedClaims: 1, decidedClaims: 2, rate: 0.5 },
    ]);
    expect(k.denialRate.carc).toMatchObject([{ key: '16', rate: 0.5 }]);
    // 99213 decided once, never denied; 99214 decided once, denied
    expect(k.denialRate.procedure).toMatchObject([
      { key: '99214', deniedClaims: 1, decidedClaims: 1, rate: 1 },
      { key: '99213', deniedClaims: 0, decidedClaims: 1, rate: 0 },
    ]);
    expect(k.denialRate.payer).toMatchObject([{ key: String(payerId), rate: 0.5 }]);
    expect(k.appeals).toMatchObject({ decided: 1, won: 1, successRate: 1, recoveredCents: 9000 });
    // DASH-1 paid first time; DASH-2 denied → 1/2; first scrubs: clean, with findings → 1/2
    expect(k.firstPassResolution).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(k.cleanClaims).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    // the denial was appealed 2 business days after it came
    expect(k.actionedInTenDays).toMatchObject({ numerator: 1, denominator: 1, rate: 1 });
    // A/R and the net collection come from the demo ledger: present and consistent
    expect(k.arAging.total.total).toBe(
      k.arAging.rows.reduce((s: number, r: { total: number }) => s + r.total, 0),
    );
    expect(typeof k.netCollection.paymentsCents).toBe('number');
  });

  it('filters by payer', async () => {
    const other = await sql(`select id from payer where practice_id = $1 and id <> $2 order by id limit 1`, [
      t.practiceA,
      payerId,
    ]);
    const res = await manager.get(
      `/api/dashboard?practiceId=${t.practiceA}&${period}&payerId=${Number(other.rows[0]!.id)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().denialRate.all).toEqual([]);
    expect(res.json().appeals.decided).toBe(0);
  });

  it('exports a CSV with a section per KPI, or one KPI', async () => {
    const all = await biller.get(`/api/dashboard.csv?practiceId=${t.practiceA}&${period}`);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers['content-type']).toContain('text/csv');
    expect(all.body).toContain(
      'Denial rate by category\r\nMonth,Category,Denied claims,Claims decided,Denial rate\r\n2026-10,coding,1,2,50.00%',
    );
    expect(all.body).toContain('Appeal success rate and dollars recovered');
    expect(all.body).toContain('Total,1,1,100.00%,90.00');
    const one = await biller.get(
      `/api/dashboard.csv?practiceId=${t.practiceA}&${period}&kpi=clean-claim-rate`,
    );
    expect(one.body).toBe(
      'Month,Clean on first scrub,Claims scrubbed,Rate\r\n2026-10,1,2,50.00%\r\nTotal,1,2,50.00%\r\n',
    );
  });

  it('renders a PDF with each KPI table', async () => {
    const res = await manager.get(`/api/dashboard.pdf?practiceId=${t.practiceA}&${period}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = shownText(res.rawPayload).join('\n');
    for (const s of [
      'Denials dashboard',
      'Denial rate by CARC',
      'A/R aging by payer',
      'Net collection rate',
      'coding',
      '50.00%',
    ])
      expect(text).toContain(s);
  });

  it('is for managers and billers of the practice; a bad period is refused', async () => {
    for (const c of [coder, auditor])
      expect((await c.get(`/api/dashboard?practiceId=${t.practiceA}`)).statusCode).toBe(403);
    // another practice's biller: the practice is not theirs to see
    expect((await otherBiller.get(`/api/dashboard?practiceId=${t.practiceA}`)).statusCode).toBe(404);
    expect((await otherBiller.get(`/api/dashboard.pdf?practiceId=${t.practiceA}`)).statusCode).toBe(404);
    const bad = await biller.get(`/api/dashboard?practiceId=${t.practiceA}&from=2026-11-01&to=2026-10-01`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('INVALID');
  });
});
