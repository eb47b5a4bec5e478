import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { parse837 } from '../x12/index.ts';

// Issue 11.2: FL6 (statement covers period) of a two-day stay whose lines are all dated on the
// admission day was shown as that one day; the claim now carries the 837I's DTP*434 dates.
describe('UB-04 FL6 statement period', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let patientId: number;
  let providerId: number;
  // A stay 20 days ago: fixed dates fall past the payer's timely filing limit as the calendar moves.
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const admitted = day(20);
  const discharged = day(19);

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select c.patient_id, (select id from provider where practice_id = $1 order by id limit 1) as provider
         from coverage c join patient p on p.id = c.patient_id
        where p.practice_id = $1 and c.priority = 'primary' and c.termination_date is null
          and c.effective_date <= $2 order by c.id limit 1`,
      [t.practiceA, admitted],
    );
    patientId = Number(rows[0]!.patient_id);
    providerId = Number(rows[0]!.provider);
  });
  afterAll(() => t.close());

  it('is the stay from admission to discharge, as DTP*434 in the 837I, not the line dates', async () => {
    const saved = await biller.post('/api/encounters', {
      practiceId: t.practiceA,
      patientId,
      serviceDateFrom: admitted,
      serviceDateTo: discharged,
      placeOfService: '21',
      renderingProviderId: providerId,
      diagnoses: ['M17.11', 'I10'],
      serviceLines: [
        { revenueCode: '0120', units: 1, chargeCents: 300000, diagnosisPointers: [], serviceDate: admitted },
        { revenueCode: '0300', units: 1, chargeCents: 9000, diagnosisPointers: [], serviceDate: admitted },
      ],
      institutional: {
        billType: '111',
        patientStatus: '01',
        admissionDate: admitted,
        admissionHour: '07',
        admissionType: '3',
        admissionSource: '1',
        admittingDiagnosis: 'M17.11',
        presentOnAdmission: ['Y', 'Y'],
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const created = await biller.post('/api/claims', { encounterId: saved.json().id });
    expect(created.statusCode, created.body).toBe(201);
    const claim = created.json();
    expect(claim.lines.map((l: { serviceDate: string }) => l.serviceDate)).toEqual([admitted, admitted]);
    expect(claim.statement).toEqual({ from: admitted, to: discharged });
    expect((await biller.get(`/api/claims/${claim.id}`)).json().statement).toEqual({
      from: admitted,
      to: discharged,
    });

    // What the form shows is what is sent: batch it and read DTP*434 back from the 837I.
    for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
      await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'checked by hand' });
    const ready = (await biller.get(`/api/claims/${claim.id}`)).json();
    expect(ready.state, JSON.stringify(ready.findings)).toBe('ready');
    await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    const batch = await biller.post('/api/batches', { practiceId: t.practiceA, claimType: 'institutional' });
    expect(batch.statusCode, batch.body).toBe(201);
    const file = (await biller.get(`/api/batches/${batch.json().batchId}/837`)).body;
    const sent = parse837(file).transactions[0]!.claims[0]!.claim;
    expect(sent.dates.find((d) => d.qualifier === '434')?.period).toEqual({ from: admitted, to: discharged });
  });

  it('is null on a professional claim', async () => {
    const saved = await biller.post('/api/encounters', {
      practiceId: t.practiceA,
      patientId,
      serviceDateFrom: admitted,
      placeOfService: '11',
      renderingProviderId: providerId,
      diagnoses: ['I10'],
      serviceLines: [{ procedureCode: '99213', units: 1, chargeCents: 12000, diagnosisPointers: [1] }],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const claim = (await biller.post('/api/claims', { encounterId: saved.json().id })).json();
    expect(claim.statement).toBeNull();
  });
});
