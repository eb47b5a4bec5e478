// An inpatient chart coded in the workspace: ICD-10-PCS procedures checked against the FY2026
// order file by the discharge date (a FY2027 discharge gets "not loaded", never a pass), saved
// onto the encounter's UB-04 data, and carried by the institutional claim's 837I (HI BBR/BBQ).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { writeOrderSubsets } from '../codesets/testing.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { parse837, validateX12 } from '../x12/index.ts';
import { enqueueChart } from './index.ts';

/** FY2026 ICD-10-CM and ICD-10-PCS, only the codes these charts use. */
const releaseFolder = () =>
  writeOrderSubsets({
    'icd10cm/2026/icd10cm_order_2026.txt': ['I10', 'M17', 'M171', 'M1711'],
    'icd10pcs/2026/icd10pcs_order_2026.txt': ['0SRC0J9', '3E033VJ', '5A1955Z'],
  });

type Finding = { code: string; severity: string; field: string; message: string };

describe('inpatient charts: ICD-10-PCS coded, checked and sent on the 837I', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let coder: Client;
  let biller: Client;
  let manager: Client;
  const charts: Record<'fy2026' | 'fy2027' | 'office', number> = { fy2026: 0, fy2027: 0, office: 0 };
  let stayId = 0;
  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;

  beforeAll(async () => {
    t = await startTestApp({ work: true, codeSets: releaseFolder() });
    await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('mgr@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    coder = await t.login('coder@example.org');
    biller = await t.login('biller@example.org');
    manager = await t.login('mgr@example.org');
    const [row] = await sql(
      `select c.patient_id, (select id from provider where practice_id = $1 order by id limit 1) as provider
         from coverage c join patient p on p.id = c.patient_id
        where p.practice_id = $1 and c.priority = 'primary' and c.termination_date is null
          and c.effective_date <= '2026-09-01' order by c.id limit 1`,
      [t.practiceA],
    );
    const visit = async (from: string, to: string, facility: boolean) => {
      const res = await manager.post('/api/encounters', {
        practiceId: t.practiceA,
        patientId: Number(row!.patient_id),
        renderingProviderId: Number(row!.provider),
        serviceDateFrom: from,
        serviceDateTo: to,
        placeOfService: facility ? '21' : '11',
        diagnoses: ['M17.11'],
        ...(facility
          ? {
              institutional: {
                billType: '111',
                patientStatus: '01',
                admissionDate: from,
                admissionHour: '07',
                admissionType: '3',
                admissionSource: '1',
                admittingDiagnosis: 'M17.11',
                presentOnAdmission: ['Y'],
              },
              serviceLines: [
                { revenueCode: '0120', units: 2, chargeCents: 300000, diagnosisPointers: [] },
                { revenueCode: '0360', units: 1, chargeCents: 1850000, diagnosisPointers: [] },
              ],
            }
          : {
              serviceLines: [
                { procedureCode: '99213', units: 1, chargeCents: 12000, diagnosisPointers: [1] },
              ],
            }),
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const enqueue = async (encounterId: number, type: string) => {
      const { chart } = await enqueueChart(t.database.db, t.practiceA, encounterId, type, SYSTEM_ACTOR);
      expect((await coder.post(`/api/coding/charts/${chart.id}/claim`, {})).statusCode).toBe(200);
      return chart.id;
    };
    stayId = await visit('2026-09-14', '2026-09-16', true);
    charts.fy2026 = await enqueue(stayId, 'inpatient');
    charts.fy2027 = await enqueue(await visit('2026-09-30', '2026-10-02', true), 'inpatient');
    charts.office = await enqueue(await visit('2026-09-14', '2026-09-14', false), 'em-visit');
  }, 120_000);
  afterAll(() => t?.close());

  const stay = (procedures: { code: string; date: string }[], admissionDate = '2026-09-14') => ({
    admissionDate,
    dischargeDate: admissionDate === '2026-09-14' ? '2026-09-16' : '2026-10-02',
    procedures,
  });
  const check = async (chart: number, body: object) => {
    const res = await coder.post(`/api/coding/charts/${chart}/check`, body);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { findings: Finding[] }).findings;
  };

  it("finds PCS codes in the code picker's search by the discharge date; FY2027 says it is not loaded", async () => {
    const search = async (dos: string) =>
      (await coder.get(`/api/codes/search?q=replacement%20right%20knee&system=ICD-10-PCS&dos=${dos}`)).json();
    const fy2026 = await search('2026-09-16');
    expect(fy2026.hits[0]).toMatchObject({ system: 'ICD-10-PCS', code: '0SRC0J9' });
    expect(fy2026.notLoaded).toEqual([]);
    const fy2027 = await search('2026-10-02');
    expect(fy2027.hits).toEqual([]);
    expect(fy2027.notLoaded).toEqual([expect.objectContaining({ system: 'ICD-10-PCS' })]);
  });

  it('checks the procedures live against the FY2026 PCS release and the stay dates', async () => {
    const opened = (await coder.get(`/api/coding/charts/${charts.fy2026}`)).json();
    expect(opened.encounter.stay).toEqual({
      billType: '111',
      admissionDate: '2026-09-14',
      procedures: [],
      presentOnAdmission: ['Y'],
    });
    expect(opened.encounter.serviceLines.map((l: { revenueCode: string }) => l.revenueCode)).toEqual([
      '0120',
      '0360',
    ]);
    const clean = await check(charts.fy2026, {
      diagnoses: ['M17.11', 'I10'],
      inpatient: stay([{ code: '0SRC0J9', date: '2026-09-14' }]),
    });
    expect(clean.filter((f) => f.severity === 'error')).toEqual([]);

    const wrong = await check(charts.fy2026, {
      diagnoses: ['M17.11'],
      inpatient: stay([
        { code: '0SRC0J9', date: '2026-09-14' },
        { code: '0SRC0JX', date: '2026-09-14' },
        { code: '3E033VJ', date: '2026-09-20' },
      ]),
    });
    expect(wrong.map((f) => [f.code, f.severity, f.field])).toEqual([
      ['INST-PROCEDURE', 'error', '/institutional/procedures/1'],
      ['INST-PROCEDURE', 'error', '/institutional/procedures/2'],
    ]);
    expect(wrong[0]!.message).toContain('0SRC0JX is not in the ICD-10-PCS FY2026 order file');
    expect(wrong[1]!.message).toContain('outside the stay (2026-09-14 to 2026-09-16)');
  });

  it('answers a stay discharged in FY2027 with "ICD-10-PCS FY2027 not loaded" as an error, never a pass', async () => {
    const body = {
      diagnoses: ['M17.11'],
      inpatient: stay([{ code: '0SRC0J9', date: '2026-09-30' }], '2026-09-30'),
    };
    const findings = await check(charts.fy2027, body);
    const pcs = findings.filter((f) => f.field === '/institutional/procedures');
    expect(pcs).toEqual([
      expect.objectContaining({
        code: 'CODES-NOT-LOADED',
        severity: 'error',
        message: expect.stringContaining('ICD-10-PCS FY2027 not loaded'),
      }),
    ]);
    const saved = await coder.request({
      method: 'PUT',
      url: `/api/coding/charts/${charts.fy2027}/codes`,
      payload: body,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await coder.post(`/api/coding/charts/${charts.fy2027}/send`, {});
    expect(sent.statusCode).toBe(409);
    expect(sent.body).toContain('ICD-10-PCS FY2027 not loaded');
  });

  it('refuses PCS on a chart that is not inpatient, and a discharge before the admission', async () => {
    const office = await coder.post(`/api/coding/charts/${charts.office}/check`, {
      diagnoses: ['M17.11'],
      inpatient: stay([{ code: '0SRC0J9', date: '2026-09-14' }]),
    });
    expect(office.statusCode).toBe(409);
    const backwards = await coder.post(`/api/coding/charts/${charts.fy2026}/check`, {
      diagnoses: ['M17.11'],
      inpatient: { admissionDate: '2026-09-16', dischargeDate: '2026-09-14', procedures: [] },
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors).toEqual([
      { pointer: '/inpatient/dischargeDate', detail: 'is before the admission date 2026-09-16' },
    ]);
  });

  it('saves the stay onto the encounter, sends it, and its 837I carries HI BBR and BBQ with their dates', async () => {
    const saved = await coder.request({
      method: 'PUT',
      url: `/api/coding/charts/${charts.fy2026}/codes`,
      payload: {
        diagnoses: ['M17.11', 'I10'],
        inpatient: {
          ...stay([
            { code: '0SRC0J9', date: '2026-09-14' },
            { code: '3E033VJ', date: '2026-09-15' },
          ]),
          presentOnAdmission: ['Y', 'N'],
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const [visit] = await sql(
      `select diagnoses, institutional, service_date_to::text as "to" from encounter where id = $1`,
      [stayId],
    );
    expect(visit).toMatchObject({ diagnoses: ['M17.11', 'I10'], to: '2026-09-16' });
    expect((visit!.institutional as { procedures: unknown }).procedures).toEqual([
      { code: '0SRC0J9', date: '2026-09-14' },
      { code: '3E033VJ', date: '2026-09-15' },
    ]);
    const events = await sql(
      `select kind, code, detail->>'system' as system from coding_event where coding_chart_id = $1 and kind like 'code-%' order by id`,
      [charts.fy2026],
    );
    expect(events).toEqual([
      { kind: 'code-add', code: 'I10', system: 'ICD-10-CM' },
      { kind: 'code-add', code: '0SRC0J9', system: 'ICD-10-PCS' },
      { kind: 'code-add', code: '3E033VJ', system: 'ICD-10-PCS' },
    ]);
    const sent = await coder.post(`/api/coding/charts/${charts.fy2026}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);

    const res = await biller.post('/api/claims', { encounterId: stayId });
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json();
    expect(claim).toMatchObject({ type: 'institutional', diagnoses: ['M17.11', 'I10'] });
    expect(claim.findings.filter((f: Finding) => f.severity === 'error')).toEqual([]);
    for (const f of claim.findings)
      await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'test code sets' });
    expect((await biller.get(`/api/claims/${claim.id}`)).json().state).toBe('ready');
    await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    const batch = await biller.post('/api/batches', { practiceId: t.practiceA, claimType: 'institutional' });
    expect(batch.statusCode, batch.body).toBe(201);
    const file = (await biller.get(`/api/batches/${batch.json().batchId}/837`)).body;
    expect(validateX12(file).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const sentClaim = parse837(file).transactions[0]!.claims[0]!.claim;
    expect(sentClaim.diagnosisPresentOnAdmission).toEqual(['Y', 'N']);
    const procedures = (sentClaim.healthCareCodes ?? []).filter((c) => ['BBR', 'BBQ'].includes(c.qualifier));
    expect(procedures).toEqual([
      expect.objectContaining({ qualifier: 'BBR', code: '0SRC0J9', date: { from: '2026-09-14' } }),
      expect.objectContaining({ qualifier: 'BBQ', code: '3E033VJ', date: { from: '2026-09-15' } }),
    ]);
  });
});
