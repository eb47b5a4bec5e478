import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { parse837 } from '../x12/index.ts';

// Issue 11: the encounter line's NDC, quantity and unit reach the claim line and loop 2410 of the
// 837P (LIN*N4, CTP04/05), and a payer that requires NDCs on drug codes is a payer rule as data.
describe('drug lines (loop 2410)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let patientId: number;
  let providerId: number;
  let payerId: number;
  const day = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select c.patient_id, c.payer_id, (select id from provider where practice_id = $1 order by id limit 1) as provider
         from coverage c join patient p on p.id = c.patient_id
        where p.practice_id = $1 and c.priority = 'primary' and c.termination_date is null
          and c.effective_date <= $2 order by c.id limit 1`,
      [t.practiceA, day],
    );
    patientId = Number(rows[0]!.patient_id);
    payerId = Number(rows[0]!.payer_id);
    providerId = Number(rows[0]!.provider);
  });
  afterAll(() => t.close());

  const encounter = (ndc: object) =>
    biller.post('/api/encounters', {
      practiceId: t.practiceA,
      patientId,
      serviceDateFrom: day,
      placeOfService: '11',
      renderingProviderId: providerId,
      diagnoses: ['M17.11'],
      serviceLines: [
        { procedureCode: '20610', units: 1, chargeCents: 21000, diagnosisPointers: [1] },
        { procedureCode: 'J3301', units: 4, chargeCents: 3200, diagnosisPointers: [1], ...ndc },
      ],
    });

  it('carries the NDC, quantity and unit from the encounter to the claim and the 837P', async () => {
    const saved = await encounter({ ndc: '00003029305', ndcQuantity: 1, ndcUnit: 'ML' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().serviceLines[1]).toMatchObject({ ndc: '00003029305', ndcQuantity: 1, ndcUnit: 'ML' });
    const claim = (await biller.post('/api/claims', { encounterId: saved.json().id })).json();
    expect(claim.lines[1]).toMatchObject({ ndc: '00003029305', ndcQuantity: 1, ndcUnit: 'ML' });
    expect(claim.findings.map((f: { code: string }) => f.code)).not.toContain('NDC-QUANTITY');
    for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
      await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'checked by hand' });
    const ready = (await biller.get(`/api/claims/${claim.id}`)).json();
    expect(ready.state, JSON.stringify(ready.findings)).toBe('ready');
    await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    const batch = await biller.post('/api/batches', { practiceId: t.practiceA, claimType: 'professional' });
    expect(batch.statusCode, batch.body).toBe(201);
    const file = (await biller.get(`/api/batches/${batch.json().batchId}/837`)).body;
    expect(file).toMatch(/LIN\*\*N4\*00003029305~\s*CTP\*\*\*\*1\*ML~/);
    const sent = parse837(file).transactions[0]!.claims.find(
      (c) => c.claim.patientControlNumber === claim.patientControlNumber,
    )!;
    expect(sent.claim.serviceLines[1]!.drug).toEqual({
      qualifier: 'N4',
      code: '00003029305',
      quantity: '1',
      unit: 'ML',
    });
    expect(sent.claim.serviceLines[0]!.drug).toBeUndefined();
  });

  it('blocks a drug code without an NDC where the payer requires one', async () => {
    const rule = await manager.post('/api/payer-rules', {
      practiceId: t.practiceA,
      payerId,
      kind: 'ndc-required',
      procedureCodes: [],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const saved = await encounter({});
    const claim = (await biller.post('/api/claims', { encounterId: saved.json().id })).json();
    const hit = claim.findings.find((f: { code: string }) => f.code === 'PAYER-RULE');
    expect(hit).toMatchObject({ severity: 'error', field: '/lines/1/ndc', lines: [2] });
    expect(claim.state).toBe('scrubbed');
  });

  it("edits a line's NDC, quantity and unit on the claim (5-4-2, audited) and scrubs it again", async () => {
    const saved = await encounter({});
    const claim = (await biller.post('/api/claims', { encounterId: saved.json().id })).json();
    const codes = (c: { findings: { code: string }[] }) => c.findings.map((f) => f.code);
    expect(codes(claim)).toContain('PAYER-RULE');
    // A hyphenated or 10-digit NDC is refused at its field, as the scrubber's NDC-FORMAT would flag it.
    const bad = await biller.patch(`/api/claims/${claim.id}`, {
      lines: [{ lineNumber: 2, ndc: '0003-0293-05', ndcQuantity: 1, ndcUnit: 'ML' }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toContainEqual({
      pointer: '/lines/0/ndc',
      detail: expect.stringContaining('11-digit 5-4-2'),
    });
    const edited = await biller.patch(`/api/claims/${claim.id}`, {
      lines: [{ lineNumber: 2, ndc: '00003029305', ndcQuantity: 2.5, ndcUnit: 'ML' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().lines[1]).toMatchObject({ ndc: '00003029305', ndcQuantity: 2.5, ndcUnit: 'ML' });
    expect(codes(edited.json())).not.toContain('PAYER-RULE');
    expect(codes(edited.json())).not.toContain('NDC-QUANTITY');
    // Clearing the NDC clears its quantity and unit, and the payer rule finds the line again.
    const cleared = (
      await biller.patch(`/api/claims/${claim.id}`, { lines: [{ lineNumber: 2, ndc: null }] })
    ).json();
    expect(cleared.lines[1]).toMatchObject({ ndc: null, ndcQuantity: null, ndcUnit: null });
    expect(codes(cleared)).toContain('PAYER-RULE');
    const audit = await t.database.sql.executeSql(
      `select after from audit_event where entity = 'claim' and entity_id = $1 and action = 'update' order by id`,
      [String(claim.id)],
    );
    expect(JSON.stringify(audit.rows)).toContain('00003029305');
  });
});
