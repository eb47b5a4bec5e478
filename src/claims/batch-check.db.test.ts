import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { validateX12 } from '../x12/index.ts';

// A batch validates the file it wrote against the guide map before storing it: a claim whose part
// breaks the TR3 goes back to the biller with the errors; a file with errors is never stored.
describe('a batch stores only a file that passes the guide', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const ready: number[] = [];
  const sql = (text: string, params: unknown[] = []) => t.database.sql.executeSql(text, params);
  const stateOf = async (id: number) => (await biller.get(`/api/claims/${id}`)).json().state as string;

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    const { rows } = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 order by e.id limit 4`,
      [t.practiceA],
    );
    for (const r of rows) {
      let claim = (await biller.post('/api/claims', { encounterId: Number(r.id) })).json();
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        claim = (
          await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'test batch' })
        ).json();
      if (claim.state === 'ready') ready.push(claim.id);
    }
  });
  afterAll(() => t.close());

  it('refuses the whole file when the envelope breaks the guide, storing nothing and moving no claim', async () => {
    expect(ready.length).toBeGreaterThanOrEqual(2);
    // NM109 of 1000B (receiver id) is required; the settings form would not allow this, the database does.
    await sql(`update submitter_settings set receiver_id = '' where practice_id = $1`, [t.practiceA]);
    const res = await biller.post('/api/batches', { practiceId: t.practiceA });
    await sql(`update submitter_settings set receiver_id = 'DEMOCH' where practice_id = $1`, [t.practiceA]);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors.map((e: { detail: string }) => e.detail)).toContainEqual(
      expect.stringMatching(/^loop 1000B: NM109/),
    );
    expect((await biller.get(`/api/batches?practiceId=${t.practiceA}`)).json()).toEqual([]);
    for (const id of ready) expect(await stateOf(id)).toBe('ready');
  });

  it('takes out the claim that breaks it, back to scrubbed with the X12 error as a finding, and batches the rest', async () => {
    const [bad, ...good] = ready;
    // CLM05-3 (claim frequency) is required in 2300.
    await sql(`update claim set frequency_code = '' where id = $1`, [bad]);
    const res = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: [bad, good[0]] });
    expect(res.statusCode, res.body).toBe(201);
    const outcome = res.json();
    expect(outcome.claimCount).toBe(1);
    expect(outcome.returned).toEqual([
      { claimId: bad, errors: [expect.stringMatching(/loop 2300: CLM05-3/)] },
    ]);
    const x12 = (await biller.get(`/api/batches/${outcome.batchId}/837`)).body;
    expect(validateX12(x12).valid).toBe(true);
    const detail = (await biller.get(`/api/claims/${bad}`)).json();
    expect(x12).not.toContain(`CLM*${detail.patientControlNumber}*`);
    expect(detail.state).toBe('scrubbed');
    expect(detail.findings).toContainEqual(
      expect.objectContaining({
        code: 'X12-INVALID',
        severity: 'error',
        message: expect.stringMatching(/CLM05-3/),
      }),
    );
    expect(await stateOf(good[0]!)).toBe('batched');
  });

  it('answers 409 when every claim asked for breaks the guide, and still returns them to the biller', async () => {
    // The claim returned above, put back to ready as it was (still without CLM05-3).
    const last = ready[0]!;
    await sql(`update claim set state = 'ready' where id = $1`, [last]);
    const res = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: [last] });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors).toEqual([
      {
        pointer: '/claimIds',
        detail: expect.stringMatching(new RegExp(`^claim ${last}: loop 2300: CLM05-3`)),
      },
    ]);
    expect(await stateOf(last)).toBe('scrubbed');
  });
});
