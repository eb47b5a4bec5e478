import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from '../server/testing.ts';

// The scrubber's DUPLICATE rule reads the patient's submitted claims; the loader reads only the
// lines a rule can look at (the claims' dates of service, back by the longest global period).
describe("a claim's duplicates are read from the patient's submitted claims", () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let encounterId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 and exists (select 1 from service_line s where s.encounter_id = e.id)
        order by e.id limit 1`,
      [t.practiceA],
    );
    encounterId = Number(rows[0]!.id);
  });
  afterAll(() => t.close());

  /** Another visit of the same patient and provider with the same lines, `days` after this one. */
  async function copyOfVisit(days: number): Promise<number> {
    const { rows } = await t.database.sql.executeSql(
      `insert into encounter (practice_id, patient_id, service_date_from, service_date_to, place_of_service,
                              rendering_provider_id, diagnoses)
       select practice_id, patient_id, service_date_from + $2::int, service_date_to + $2::int, place_of_service,
              rendering_provider_id, diagnoses from encounter where id = $1 returning id`,
      [encounterId, days],
    );
    const id = Number(rows[0]!.id);
    await t.database.sql.executeSql(
      `insert into service_line (practice_id, encounter_id, line_number, service_date, procedure_code, modifiers,
                                 units, charge_cents, diagnosis_pointers)
       select practice_id, $2, line_number, service_date + $3::int, procedure_code, modifiers, units, charge_cents,
              diagnosis_pointers from service_line where encounter_id = $1`,
      [encounterId, id, days],
    );
    return id;
  }

  const findingsOf = async (id: number): Promise<string[]> => {
    const res = await biller.post('/api/claims', { encounterId: id });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().findings.map((f: { code: string }) => f.code);
  };

  it('flags the same service on the same day once the first claim is submitted, not a later visit', async () => {
    expect(await findingsOf(encounterId)).not.toContain('DUPLICATE');
    await t.database.sql.executeSql(`update claim set state = 'submitted' where encounter_id = $1`, [
      encounterId,
    ]);
    expect(await findingsOf(await copyOfVisit(0))).toContain('DUPLICATE');
    expect(await findingsOf(await copyOfVisit(200))).not.toContain('DUPLICATE');
  });
});
