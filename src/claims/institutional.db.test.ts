import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { parse837, validateX12 } from '../x12/index.ts';

type Finding = { code: string; field: string };

describe('institutional (UB-04 / 837I) claims', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let institutionalClaimId: number;
  let patientId: number;
  let providerId: number;
  let date: string;

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select c.patient_id, c.effective_date::text as since, (select id from provider where practice_id = $1 order by id limit 1) as provider
         from coverage c join patient p on p.id = c.patient_id
        where p.practice_id = $1 and c.priority = 'primary' and c.termination_date is null order by c.id limit 1`,
      [t.practiceA],
    );
    patientId = Number(rows[0]!.patient_id);
    providerId = Number(rows[0]!.provider);
    date = '2026-11-02' > String(rows[0]!.since) ? '2026-11-02' : String(rows[0]!.since);
  });
  afterAll(() => t.close());

  const encounter = (institutional: object, lines: object[]) => ({
    practiceId: t.practiceA,
    patientId,
    serviceDateFrom: date,
    placeOfService: '21',
    renderingProviderId: providerId,
    diagnoses: ['M17.11', 'I10'],
    serviceLines: lines,
    institutional,
  });

  it('refuses a UB-04 line without a revenue code and a CMS-1500 line without a procedure', async () => {
    const ub = await biller.post(
      '/api/encounters',
      encounter({ billType: '131', patientStatus: '01' }, [
        { procedureCode: '99283', units: 1, chargeCents: 50000, diagnosisPointers: [] },
      ]),
    );
    expect(ub.statusCode).toBe(422);
    expect(ub.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/serviceLines/0/revenueCode',
    ]);
    const cms = await biller.post('/api/encounters', {
      ...encounter({}, [{ revenueCode: '0450', units: 1, chargeCents: 50000, diagnosisPointers: [1] }]),
      institutional: null,
    });
    expect(cms.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/serviceLines/0/procedureCode',
    ]);
  });

  it('builds an institutional claim from a facility encounter and scrubs it with the UB-04 rules', async () => {
    const saved = await biller.post(
      '/api/encounters',
      encounter({ billType: '111', patientStatus: '01', presentOnAdmission: ['Y', 'Y'] }, [
        { revenueCode: '0120', units: 2, chargeCents: 300000, diagnosisPointers: [] },
        {
          revenueCode: '0360',
          procedureCode: '27447',
          units: 1,
          chargeCents: 1850000,
          diagnosisPointers: [],
        },
      ]),
    );
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().serviceLines[0]).toMatchObject({ revenueCode: '0120', procedureCode: '' });
    const res = await biller.post('/api/claims', { encounterId: saved.json().id });
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json();
    expect(claim).toMatchObject({ type: 'institutional', frequencyCode: '1', totalChargeCents: 2150000 });
    expect(claim.institutional.billType).toBe('111');
    expect(claim.lines.map((l: { revenueCode: string }) => l.revenueCode)).toEqual(['0120', '0360']);
    const missing = claim.findings
      .filter((f: Finding) => f.code === 'INST-ADMISSION')
      .map((f: Finding) => f.field);
    expect(missing).toEqual([
      '/institutional/admissionDate',
      '/institutional/admissionHour',
      '/institutional/admissionType',
      '/institutional/admissionSource',
      '/institutional/admittingDiagnosis',
    ]);
    // No professional-only findings on a facility claim.
    expect(
      claim.findings.some((f: Finding) => ['PTR-MISSING', 'CHARGE-FEE', 'POS-INVALID'].includes(f.code)),
    ).toBe(false);

    const fixed = await biller.patch(`/api/claims/${claim.id}`, {
      institutional: {
        ...claim.institutional,
        admissionDate: date,
        admissionHour: '07',
        admissionType: '3',
        admissionSource: '1',
        admittingDiagnosis: 'M17.11',
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().findings.some((f: Finding) => f.code === 'INST-ADMISSION')).toBe(false);
    institutionalClaimId = claim.id;
  });

  it('writes ready institutional claims into a valid 837I batch that reads back with its UB-04 data', async () => {
    const detail = (await biller.get(`/api/claims/${institutionalClaimId}`)).json();
    for (const f of detail.findings.filter((x: { severity: string }) => x.severity === 'warning'))
      await biller.post(`/api/claims/${institutionalClaimId}/findings/${f.id}/override`, {
        reason: 'code sets are imported tonight',
      });
    expect((await biller.get(`/api/claims/${institutionalClaimId}`)).json().state).toBe('ready');
    await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    const res = await biller.post('/api/batches', { practiceId: t.practiceA, claimType: 'institutional' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().claimCount).toBe(1);
    const file = (await biller.get(`/api/batches/${res.json().batchId}/837`)).body;
    expect(file).toContain('005010X223A2');
    expect(validateX12(file).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [set] = parse837(file).transactions;
    const claim = set!.claims[0]!.claim;
    expect(claim).toMatchObject({ placeOfService: '11', frequencyCode: '1' });
    expect(claim.admission).toMatchObject({ typeCode: '3', sourceCode: '1', patientStatusCode: '01' });
    expect(claim.dates.map((d) => d.qualifier)).toEqual(['434', '435']);
    expect(claim.diagnosisPresentOnAdmission).toEqual(['Y', 'Y']);
    expect(claim.healthCareCodes).toContainEqual({ qualifier: 'ABJ', code: 'M1711' });
    expect(claim.serviceLines.map((l) => l.revenueCode)).toEqual(['0120', '0360']);
    expect(claim.attendingProvider?.id).toMatch(/^\d{10}$/);
  });
});
