import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from '../server/testing.ts';
import { shownText } from './pdf-testing.ts';

// The demo's dates move with today: pick an encounter its payer still accepts, so the only
// findings are the ones each test is about (not TIMELY-FILING).
const WITHIN_FILING_LIMIT = `join payer p on p.id = c.payer_id
  and e.service_date_from + p.timely_filing_days > current_date + 7`;

describe('claims from encounters, scrubbed on save', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let otherBiller: Client;
  let encounterId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('b@example.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    otherBiller = await t.login('b@example.org');
    // An encounter whose patient has a primary coverage in effect.
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        ${WITHIN_FILING_LIMIT} where e.practice_id = $1 order by e.id limit 1`,
      [t.practiceA],
    );
    encounterId = Number(rows[0]!.id);
  });
  afterAll(() => t.close());

  it('builds a claim from the encounter, scrubs it, and records the history', async () => {
    const res = await biller.post('/api/claims', { encounterId });
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json();
    expect(claim.patientControlNumber).toBe(`E${encounterId}P`);
    expect(claim.lines.length).toBeGreaterThan(0);
    // Without imported code sets the scrubber says so (a warning), so the claim waits in scrubbed.
    expect(claim.findings.map((f: { code: string }) => f.code)).toContain('CODES-NOT-LOADED');
    expect(claim.state).toBe('scrubbed');
    expect(claim.history.map((h: { toState: string }) => h.toState)).toEqual(['scrubbed']);
    expect(await scrubbedAt(claim.id)).not.toBeNull();
    expect((await biller.post('/api/claims', { encounterId })).statusCode).toBe(409);
  });

  const scrubbedAt = async (claimId: number) =>
    (await t.database.sql.executeSql(`select scrubbed_at::text as at from claim where id = $1`, [claimId]))
      .rows[0]!.at as string | null;

  it('needs a reason to override a warning, audits it, and then the claim is ready', async () => {
    const claim = (await biller.get('/api/claims?pageSize=1')).json().items[0];
    const detail = (await biller.get(`/api/claims/${claim.id}`)).json();
    const warnings = detail.findings.filter((f: { severity: string }) => f.severity === 'warning');
    expect(
      (await biller.post(`/api/claims/${claim.id}/findings/${warnings[0].id}/override`, { reason: '' }))
        .statusCode,
    ).toBe(400);
    let after = detail;
    for (const w of warnings)
      after = (
        await biller.post(`/api/claims/${claim.id}/findings/${w.id}/override`, {
          reason: 'code sets import scheduled tonight',
        })
      ).json();
    expect(after.state).toBe('ready');
    const audit = await t.database.sql.executeSql(
      `select count(*)::int as n from audit_event where entity = 'claim_finding' and action = 'override'`,
    );
    expect(Number(audit.rows[0]!.n)).toBe(warnings.length);
    // scrubbed again it stays ready (the overrides hold), and is marked scrubbed now
    const before = await scrubbedAt(claim.id);
    const again = (await biller.post(`/api/claims/${claim.id}/scrub`, {})).json();
    expect(again.state).toBe('ready');
    expect(new Date((await scrubbedAt(claim.id))!).getTime()).toBeGreaterThan(new Date(before!).getTime());
  });

  it('blocks the claim on a payer rule declared as data, naming the field', async () => {
    const manager = await t.login('manager@example.org');
    const claim = (await biller.get('/api/claims?pageSize=1')).json().items[0];
    const detail = (await biller.get(`/api/claims/${claim.id}`)).json();
    const rule = await manager.post('/api/payer-rules', {
      practiceId: t.practiceA,
      payerId: detail.payerId,
      kind: 'prior-auth-required',
      procedureCodes: [detail.lines[0].procedureCode],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const rescrubbed = (await biller.post(`/api/claims/${claim.id}/scrub`, {})).json();
    const payerFinding = rescrubbed.findings.find((f: { code: string }) => f.code === 'PAYER-RULE');
    expect(payerFinding).toMatchObject({ severity: 'error', field: '/priorAuthorization', lines: [1] });
    expect(rescrubbed.state).toBe('scrubbed');
    // The overrides of warnings found again are kept.
    expect(
      rescrubbed.findings
        .filter((f: { severity: string; overridden: boolean }) => f.severity === 'warning')
        .every((f: { overridden: boolean }) => f.overridden),
    ).toBe(true);
    expect(
      (
        await biller.post(`/api/claims/${claim.id}/findings/${payerFinding.id}/override`, {
          reason: 'trying to override an error',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('prints the claim on a CMS-1500 PDF, and audits it', async () => {
    const claim = (await biller.get('/api/claims?pageSize=1')).json().items[0];
    const res = await biller.get(`/api/claims/${claim.id}/cms1500.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Printed from the claim's 837P model: its control number (item 26) is on the form.
    expect(shownText(res.rawPayload)).toContain(claim.patientControlNumber);
    expect((await biller.get(`/api/claims/${claim.id}/cms1500.pdf?background=none`)).statusCode).toBe(200);
    expect((await otherBiller.get(`/api/claims/${claim.id}/cms1500.pdf`)).statusCode).toBe(404);
  });

  it('filters the claims list and keeps practices apart', async () => {
    const claim = (await biller.get('/api/claims?state=scrubbed&hasFindings=errors')).json().items[0];
    expect(claim).toBeDefined();
    expect((await biller.get('/api/claims?state=paid')).json().total).toBe(0);
    expect((await otherBiller.get(`/api/claims/${claim.id}`)).statusCode).toBe(404);
    expect((await otherBiller.get('/api/claims')).json().total).toBe(0);
    expect((await otherBiller.post('/api/claims', { encounterId })).statusCode).toBe(404);
  });

  it('moves claims only along their life, with a reason', async () => {
    const claim = (await biller.get('/api/claims?pageSize=1')).json().items[0];
    expect(
      (await biller.post(`/api/claims/${claim.id}/transition`, { to: 'closed', reason: 'skip ahead' }))
        .statusCode,
    ).toBe(409);
    const voided = (
      await biller.post(`/api/claims/${claim.id}/transition`, { to: 'voided', reason: 'billed in error' })
    ).json();
    expect(voided.state).toBe('voided');
    expect(voided.history.at(-1)).toMatchObject({
      fromState: 'scrubbed',
      toState: 'voided',
      reason: 'billed in error',
      userName: 'biller@example.org',
    });
    const forEncounter = (await biller.get(`/api/claims?encounterId=${encounterId}`)).json();
    expect(forEncounter.items.map((c: { id: number }) => c.id)).toEqual([claim.id]);
  });

  it('refuses a secondary claim before the primary is adjudicated', async () => {
    const { rows } = await t.database.sql.executeSql(
      `select e.id, c.id as coverage_id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'secondary' where e.practice_id = $1 limit 1`,
      [t.practiceA],
    );
    if (!rows[0]) return; // the small demo practice may have no secondary coverage
    const res = await biller.post('/api/claims', {
      encounterId: Number(rows[0].id),
      coverageId: Number(rows[0].coverage_id),
    });
    expect([409, 422]).toContain(res.statusCode);
  });
});

describe('editing claims and one-click fixes', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
  });
  afterAll(() => t.close());

  it('applies a certain fix (the fee schedule charge) and scrubs again; edits are checked and audited', async () => {
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary' ${WITHIN_FILING_LIMIT} where e.practice_id = $1 order by e.id limit 1`,
      [t.practiceA],
    );
    const created = (await biller.post('/api/claims', { encounterId: Number(rows[0]!.id) })).json();
    const line = created.lines[0];
    const edited = await biller.patch(`/api/claims/${created.id}`, {
      lines: [{ lineNumber: line.lineNumber, chargeCents: line.chargeCents + 1 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const fee = edited.json().findings.find((f: { code: string }) => f.code === 'CHARGE-FEE');
    expect(fee).toMatchObject({
      severity: 'warning',
      fix: { field: '/lines/0/chargeCents', value: line.chargeCents },
    });
    for (const w of edited
      .json()
      .findings.filter(
        (f: { code: string; severity: string }) => f.severity === 'warning' && f.code !== 'CHARGE-FEE',
      )) {
      await biller.post(`/api/claims/${created.id}/findings/${w.id}/override`, {
        reason: 'accepted for this test',
      });
    }
    const fixed = (await biller.post(`/api/claims/${created.id}/findings/${fee.id}/fix`, {})).json();
    expect(fixed.state).toBe('ready');
    expect(fixed.lines[0].chargeCents).toBe(line.chargeCents);
    expect(fixed.findings.some((f: { code: string }) => f.code === 'CHARGE-FEE')).toBe(false);
    const bad = await biller.patch(`/api/claims/${created.id}`, {
      lines: [{ lineNumber: line.lineNumber, diagnosisPointers: [9] }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/lines/0/diagnosisPointers');
    const audit = await t.database.sql.executeSql(
      `select count(*)::int as n from audit_event where entity = 'claim' and action = 'update' and entity_id = $1`,
      [String(created.id)],
    );
    expect(Number(audit.rows[0]!.n)).toBeGreaterThanOrEqual(2);
  });
});
