import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { parse837, validateX12 } from '../x12/index.ts';

describe('submission batches', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  const readyClaims: number[] = [];

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary' where e.practice_id = $1 order by e.id limit 2`,
      [t.practiceA],
    );
    for (const r of rows) {
      const claim = (await biller.post('/api/claims', { encounterId: Number(r.id) })).json();
      let detail = claim;
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning')) {
        detail = (
          await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, {
            reason: 'accepted for the test batch',
          })
        ).json();
      }
      if (detail.state === 'ready') readyClaims.push(claim.id);
    }
  });
  afterAll(() => t.close());

  it('needs the submitter and receiver set up first', async () => {
    const res = await biller.post('/api/batches', { practiceId: t.practiceA });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/submitter/);
  });

  it('writes ready claims into one valid 837P interchange; they wait in the batch, not submitted', async () => {
    expect(readyClaims.length).toBeGreaterThan(0);
    const settings = await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    expect(settings.statusCode, settings.body).toBe(201);
    const res = await biller.post('/api/batches', { practiceId: t.practiceA });
    expect(res.statusCode, res.body).toBe(201);
    const outcome = res.json();
    expect(outcome.claimCount).toBe(readyClaims.length);
    const file = (await biller.get(`/api/batches/${outcome.batchId}/837`)).body;
    expect(validateX12(file).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const parsed = parse837(file);
    expect(parsed.claims.map((c) => c.claim.patientControlNumber).sort()).toEqual(
      (
        await Promise.all(
          readyClaims.map(async (id) => (await biller.get(`/api/claims/${id}`)).json().patientControlNumber),
        )
      ).sort(),
    );
    expect(file.slice(0, 3)).toBe('ISA');
    expect(Number(file.slice(90, 99))).toBe(outcome.interchangeControlNumber);
    // No clearinghouse connection: the file is downloaded and sent by hand, so nothing is submitted yet.
    for (const id of readyClaims)
      expect((await biller.get(`/api/claims/${id}`)).json().state).toBe('batched');
    expect((await biller.get(`/api/batches/${outcome.batchId}`)).json()).toMatchObject({
      state: 'generated',
      sentAt: null,
    });
  });

  it('never puts a claim in two batches', async () => {
    const again = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: readyClaims });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].detail).toMatch(/batched/);
    const batches = (await biller.get('/api/batches')).json();
    expect(batches).toHaveLength(1);
    expect((await biller.get(`/api/batches/${batches[0].id}`)).json().claims).toHaveLength(
      readyClaims.length,
    );
  });

  const states = async () =>
    Promise.all(readyClaims.map(async (id) => (await biller.get(`/api/claims/${id}`)).json().state));

  it('releases a batch never sent: its claims go back to ready and into a new batch', async () => {
    const [first] = (await biller.get('/api/batches')).json();
    const released = await biller.post(`/api/batches/${first.id}/release`, {});
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().released.sort()).toEqual([...readyClaims].sort());
    expect(await states()).toEqual(readyClaims.map(() => 'ready'));
    expect((await biller.get(`/api/batches/${first.id}`)).json().state).toBe('released');
    expect((await biller.post(`/api/batches/${first.id}/sent`, {})).statusCode).toBe(409);
    const again = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: readyClaims });
    expect(again.statusCode, again.body).toBe(201);
    expect(await states()).toEqual(readyClaims.map(() => 'batched'));
  });

  it('marks a batch sent by hand: its claims become submitted, once, with their history', async () => {
    const [latest] = (await biller.get('/api/batches')).json();
    const sent = await biller.post(`/api/batches/${latest.id}/sent`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await states()).toEqual(readyClaims.map(() => 'submitted'));
    expect((await biller.get(`/api/batches/${latest.id}`)).json()).toMatchObject({ state: 'sent' });
    expect((await biller.post(`/api/batches/${latest.id}/sent`, {})).statusCode).toBe(409);
    expect((await biller.post(`/api/batches/${latest.id}/release`, {})).statusCode).toBe(409);
    const { rows } = await t.database.sql.executeSql(
      `select from_state, to_state from claim_event where claim_id = $1 order by id`,
      [readyClaims[0]],
    );
    expect(rows.map((r) => `${r.from_state}>${r.to_state}`).slice(-4)).toEqual([
      'ready>batched',
      'batched>ready',
      'ready>batched',
      'batched>submitted',
    ]);
  });
});
