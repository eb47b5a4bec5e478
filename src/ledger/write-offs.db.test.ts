// Write-offs on the database: within the practice's limit posted at once as a write_off entry,
// above it pending until a manager approves (a biller cannot), never more than the claim owes,
// always with a reason code, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { claimBalances, ensureCharges } from './index.ts';

describe('write-offs', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let other: Client;
  let claimId: number;
  let open: number;

  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;
  const writeOffEntries = async () =>
    (
      await sql(
        `select amount_cents, account, source_id from ledger_entry where kind = 'write_off' and claim_id = $1`,
        [claimId],
      )
    ).map((r) => ({ amountCents: Number(r.amount_cents), account: r.account, sourceId: r.source_id }));

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('other@example.org', [{ practiceId: t.practiceB, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    other = await t.login('other@example.org');
    const visits = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
       where e.practice_id = $1 order by e.id`,
      [t.practiceA],
    );
    for (const v of visits) {
      const res = await biller.post('/api/claims', { encounterId: Number(v.id) });
      if (res.statusCode === 201) {
        claimId = res.json().id;
        break;
      }
    }
    await ensureCharges(t.database.db, { claimId }, SYSTEM_ACTOR);
    open = (await claimBalances(t.database.db, claimId))!.insuranceBalance;
    // a limit of 10.00 for this test; the claim owes more than that
    await sql(`update practice set write_off_approval_cents = 1000 where id = $1`, [t.practiceA]);
    expect(open).toBeGreaterThan(3_000);
  }, 120_000);
  afterAll(() => t.close());

  it('posts a write-off within the limit at once as a write_off ledger entry', async () => {
    const res = await biller.post('/api/write-offs', {
      claimId,
      amountCents: 1_000,
      reasonCode: 'small-balance',
      note: 'under ten dollars',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'approved', amountCents: 1_000 });
    expect(res.json().ledgerEntryId).toBeGreaterThan(0);
    expect(await writeOffEntries()).toEqual([
      { amountCents: 1_000, account: 'insurance', sourceId: `write-off ${res.json().id}` },
    ]);
    expect((await claimBalances(t.database.db, claimId))!.insuranceBalance).toBe(open - 1_000);
    const audits = await sql(
      `select action from audit_event where entity = 'write_off_request' and entity_id = $1`,
      [String(res.json().id)],
    );
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('needs a known reason code and no more than the claim still owes', async () => {
    expect(
      (await biller.post('/api/write-offs', { claimId, amountCents: 100, reasonCode: 'because' })).statusCode,
    ).toBe(400);
    const tooMuch = await biller.post('/api/write-offs', {
      claimId,
      amountCents: open,
      reasonCode: 'bad-debt',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.body).toMatch(/cannot exceed/);
    expect(
      (await other.post('/api/write-offs', { claimId, amountCents: 100, reasonCode: 'charity' })).statusCode,
    ).toBe(404);
  });

  it('waits for a manager above the limit: a biller cannot approve, the manager’s approval posts it', async () => {
    const res = await biller.post('/api/write-offs', {
      claimId,
      amountCents: 2_000,
      reasonCode: 'timely-filing',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ state: 'pending', ledgerEntryId: null });
    expect(await writeOffEntries()).toHaveLength(1);
    const pending = (await manager.get('/api/write-offs?state=pending')).json().items;
    expect(pending.map((p: { id: number }) => p.id)).toEqual([id]);
    expect((await other.get('/api/write-offs?state=pending')).json().items).toEqual([]);

    expect((await biller.post(`/api/write-offs/${id}/approve`, {})).statusCode).toBe(403);
    expect((await other.post(`/api/write-offs/${id}/approve`, {})).statusCode).toBe(404);
    expect(await writeOffEntries()).toHaveLength(1);

    const approved = await manager.post(`/api/write-offs/${id}/approve`, { note: 'filed late, our error' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decisionNote: 'filed late, our error' });
    expect((await writeOffEntries()).map((e) => e.amountCents).sort()).toEqual([1_000, 2_000]);
    expect((await manager.post(`/api/write-offs/${id}/approve`, {})).statusCode).toBe(409);
    expect((await claimBalances(t.database.db, claimId))!.insuranceBalance).toBe(open - 3_000);
  });

  it('a refused write-off posts nothing', async () => {
    const id = (
      await biller.post('/api/write-offs', { claimId, amountCents: 1_500, reasonCode: 'administrative' })
    ).json().id;
    const refused = await manager.post(`/api/write-offs/${id}/refuse`, { note: 'bill the patient instead' });
    expect(refused.json()).toMatchObject({ state: 'refused', ledgerEntryId: null });
    expect(await writeOffEntries()).toHaveLength(2);
  });
});
