import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { shownText } from './pdf-testing.ts';

// A demo hospital's claim printed on the UB-04 from the 837I model it is sent as.
describe('GET /api/claims/:id/ub04.pdf', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let hospital: number;
  let biller: Client;
  let stranger: Client;
  let claim: { id: number; patientControlNumber: string; totalChargeCents: number };

  beforeAll(async () => {
    t = await startTestApp();
    hospital = await seedDemo(
      t.database,
      { seed: 3, patients: 6, encounters: 6, asOf: '2026-11-20', kind: 'hospital' },
      SYSTEM_ACTOR,
      [],
    );
    await t.addUser('biller@example.org', [{ practiceId: hospital, role: 'biller' }]);
    await t.addUser('other@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    stranger = await t.login('other@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 and e.institutional is not null order by e.id limit 1`,
      [hospital],
    );
    const created = await biller.post('/api/claims', { encounterId: Number(rows[0]!.id) });
    expect(created.statusCode, created.body).toBe(201);
    claim = created.json();
  });
  afterAll(() => t.close());

  it("prints the hospital claim's control number, bill type and total, and audits the print", async () => {
    const res = await biller.get(`/api/claims/${claim.id}/ub04.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`UB04-${claim.patientControlNumber}.pdf`);
    const text = shownText(res.rawPayload);
    expect(text).toContain(claim.patientControlNumber);
    expect(text).toContain((claim.totalChargeCents / 100).toFixed(2));
    expect(text.some((s) => /^0(11|13)\d$/.test(s))).toBe(true);
    const { rows } = await t.database.sql.executeSql(
      `select detail from audit_event where entity = 'claim' and entity_id = $1 and action = 'export'`,
      [claim.id],
    );
    expect(rows.map((r) => r.detail)).toEqual([{ form: 'UB-04' }]);
  });

  it('refuses a CMS-1500 for the institutional claim, and another practice', async () => {
    expect((await biller.get(`/api/claims/${claim.id}/cms1500.pdf`)).statusCode).toBe(409);
    expect((await stranger.get(`/api/claims/${claim.id}/ub04.pdf`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/claims/${claim.id}/ub04.pdf` })).statusCode).toBe(
      401,
    );
  });
});
