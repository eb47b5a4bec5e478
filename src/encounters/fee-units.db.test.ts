import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from '../server/testing.ts';

// Issue 11.3: a blank charge is the fee schedule's fee times the line's units, so the scrubber's
// CHARGE-FEE check (the same rule) agrees with what was saved.
describe('charges filled from the fee schedule', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
  });
  afterAll(() => t.close());

  it('saves J3301 × 4 with a blank charge as four times the fee, and the claim has no CHARGE-FEE finding', async () => {
    const { rows } = await t.database.sql.executeSql(
      `select p.id as patient, v.id as provider from patient p
         join coverage c on c.patient_id = p.id and c.priority = 'primary'
         join provider v on v.practice_id = p.practice_id
        where p.practice_id = $1 and c.effective_date <= '2026-11-02'
        order by p.id limit 1`,
      [t.practiceA],
    );
    const res = await biller.post('/api/encounters', {
      practiceId: t.practiceA,
      patientId: Number(rows[0]!.patient),
      serviceDateFrom: '2026-11-02',
      placeOfService: '11',
      renderingProviderId: Number(rows[0]!.provider),
      diagnoses: ['M17.11'],
      serviceLines: [
        { procedureCode: '20610', modifiers: ['RT'], units: 1, diagnosisPointers: [1] },
        { procedureCode: 'J3301', units: 4, diagnosisPointers: [1] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const encounter = res.json();
    // The demo fee schedule: 20610 $210.00, J3301 $8.00 a unit.
    expect(encounter.serviceLines.map((l: { chargeCents: number }) => l.chargeCents)).toEqual([21000, 3200]);
    const claim = (await biller.post('/api/claims', { encounterId: encounter.id })).json();
    expect(claim.totalChargeCents).toBe(24200);
    expect(claim.findings.filter((f: { code: string }) => f.code === 'CHARGE-FEE')).toEqual([]);
  });
});
