import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from '../server/testing.ts';

describe('replacement and void claims (frequency 7 and 8)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let claimId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 order by e.id limit 1`,
      [t.practiceA],
    );
    claimId = (await biller.post('/api/claims', { encounterId: Number(rows[0]!.id) })).json().id;
  });
  afterAll(() => t.close());

  it('refuses to replace a claim the payer has not adjudicated', async () => {
    const res = await biller.post(`/api/claims/${claimId}/replace`, {
      frequencyCode: '7',
      payerClaimNumber: 'ICN123',
      reason: 'wrong modifier',
    });
    expect(res.statusCode).toBe(409);
  });

  it('replaces a denied claim with a frequency 7 claim naming the payer claim number', async () => {
    // The remittance module moves claims to denied; here the state is set as a posted 835 would.
    await t.database.sql.executeSql(`update claim set state = 'denied' where id = $1`, [claimId]);
    const res = await biller.post(`/api/claims/${claimId}/replace`, {
      frequencyCode: '7',
      payerClaimNumber: 'ICN20261120001',
      reason: 'corrected the modifier',
    });
    expect(res.statusCode, res.body).toBe(201);
    const replacement = res.json();
    expect(replacement).toMatchObject({
      frequencyCode: '7',
      originalClaimId: claimId,
      payerClaimNumber: 'ICN20261120001',
    });
    expect(replacement.patientControlNumber).toMatch(/-R1$/);
    expect(replacement.findings.some((f: { code: string }) => f.code === 'RESUBMISSION')).toBe(false);
    const original = (await biller.get(`/api/claims/${claimId}`)).json();
    expect(original.state).toBe('corrected');
    expect(original.history.at(-1).reason).toContain('corrected the modifier');
  });
});
