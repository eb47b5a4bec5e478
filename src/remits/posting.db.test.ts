import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { claimBalances, entriesOfSource, patientBalance, payerBalance } from '../ledger/index.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import type { StoredCandidate } from './candidates.ts';
import { era835, submittedDemoClaims, syntheticClaimOf } from './post-testing.ts';
import { adjudicateLine } from './synthetic.ts';

// Issue 12: an 835 for demo claims posted exactly once, reversals and re-posts, PLB, the unmatched
// queue and a manual match, unbalanced transactions held; the ledger checked to the cent.
describe('posting an 835', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let practiceId: number;
  let claims: StoredCandidate[];

  const expected = (c: StoredCandidate) =>
    c.lines.reduce(
      (s, l) => {
        const a = adjudicateLine(l.chargeCents);
        return {
          charge: s.charge + l.chargeCents,
          paid: s.paid + a.paid,
          contractual: s.contractual + a.contractual,
          coinsurance: s.coinsurance + a.coinsurance,
        };
      },
      { charge: 0, paid: 0, contractual: 0, coinsurance: 0 },
    );
  const upload = (content: string, extra: Record<string, unknown> = {}) =>
    biller.post('/api/eras', { practiceId, fileName: 'era.835', content, ...extra });
  const claimState = async (id: number) => (await biller.get(`/api/claims/${id}`)).json().state;

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    practiceId = await seedDemo(
      t.database,
      { seed: 20261201, patients: 10, encounters: 16, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    await t.addUser('biller@example.org', [{ practiceId, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId, role: 'manager' }]);
    await t.addUser('other@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    claims = await submittedDemoClaims(
      t.database.db,
      t.database.sql,
      practiceId,
      biller,
      manager,
      7,
      testSubmitterSettings(practiceId),
    );
    // The second claim's patient also has a secondary coverage (if the demo gave none), so its
    // primary's payment makes the secondary claim.
    await t.database.sql.executeSql(
      `insert into coverage (practice_id, patient_id, payer_id, priority, member_id, relationship,
                             subscriber_first_name, subscriber_last_name, effective_date)
       select pt.practice_id, pt.id, p.id, 'secondary', 'SEC123456', '18', pt.first_name, pt.last_name, '2020-01-01'
         from patient pt join payer p on p.practice_id = pt.practice_id
          and p.id not in (select payer_id from coverage where patient_id = pt.id)
        where pt.id = $1
          and not exists (select 1 from coverage where patient_id = pt.id and priority = 'secondary')
        order by p.id limit 1`,
      [claims[1]!.patientId],
    );
  }, 300_000);
  afterAll(() => t?.close());

  it('posts each claim payment once, to the cent, and says so when the same 835 comes again', async () => {
    const [a, b] = claims as [StoredCandidate, StoredCandidate];
    const content = era835([syntheticClaimOf(a), syntheticClaimOf(b)], { traceNumber: 'EFT-1' });
    const first = await upload(content);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ duplicate: false, remittances: [{ posted: 2, balanced: true }] });
    for (const c of [a, b]) {
      const e = expected(c);
      const bal = await claimBalances(t.database.db, c.id);
      expect(bal).toMatchObject({
        charge: e.charge,
        insurancePaid: e.paid,
        adjustments: e.contractual,
        patientResponsibility: e.coinsurance,
        insuranceBalance: 0,
      });
      expect(await claimState(c.id)).toBe('paid');
      const patient = await patientBalance(t.database.db, practiceId, c.patientId);
      expect(patient.patientBalance).toBeGreaterThanOrEqual(e.coinsurance);
    }
    const again = await upload(content);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      duplicate: true,
      remittances: [{ posted: 0, alreadyPosted: 2, new: false }],
    });
    expect(again.json().message).toMatch(/imported before.*nothing posted/);
    expect((await claimBalances(t.database.db, a.id))?.insurancePaid).toBe(expected(a).paid);
    // the ERA inbox shows both files, the second one a duplicate
    const inbox = (await biller.get(`/api/eras?practiceId=${practiceId}`)).json().items;
    expect(inbox.map((f: { status: string }) => f.status)).toEqual(['duplicate', 'posted']);
    // the claim page's EOB lines
    const eob = (await biller.get(`/api/claims/${a.id}/eob`)).json();
    expect(eob.payments).toHaveLength(1);
    expect(eob.payments[0]).toMatchObject({ state: 'posted', paidCents: expected(a).paid });
  });

  it('a reversal takes the payment back and the corrected claim that follows posts again', async () => {
    const a = claims[0] as StoredCandidate;
    const e = expected(a);
    const res = await upload(
      era835([syntheticClaimOf(a, 'reversal'), syntheticClaimOf(a)], { traceNumber: 'EFT-2' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().remittances[0]).toMatchObject({ posted: 2, balanced: true });
    expect(await claimBalances(t.database.db, a.id)).toMatchObject({
      insurancePaid: e.paid,
      adjustments: e.contractual,
      patientResponsibility: e.coinsurance,
      insuranceBalance: 0,
    });
    expect(await claimState(a.id)).toBe('paid');
    // a reversal alone leaves the claim reversed and its money back on the insurance balance
    const rev = await upload(era835([syntheticClaimOf(a, 'reversal')], { traceNumber: 'EFT-3' }));
    expect(rev.json().remittances[0]).toMatchObject({ posted: 1 });
    expect(await claimBalances(t.database.db, a.id)).toMatchObject({
      insurancePaid: 0,
      adjustments: 0,
      patientResponsibility: 0,
      insuranceBalance: e.charge,
    });
    expect(await claimState(a.id)).toBe('reversed');
  });

  it('posts PLB adjustments to the payer account, not to a patient', async () => {
    const c = claims[2] as StoredCandidate;
    const before = await payerBalance(t.database.db, practiceId, c.payerId);
    const res = await upload(
      era835([syntheticClaimOf(c)], {
        traceNumber: 'EFT-4',
        providerAdjustments: [
          { reason: 'L6', amountCents: -250 },
          { reason: 'WO', amountCents: 1000 },
        ],
      }),
    );
    expect(res.json().remittances[0]).toMatchObject({ posted: 1, providerAdjustments: 'posted' });
    const after = await payerBalance(t.database.db, practiceId, c.payerId);
    expect(after.payerAdjustments - before.payerAdjustments).toBe(250 - 1000);
    const plb = await entriesOfSource(t.database.db, 'remittance', `plb-${res.json().remittances[0].id}`);
    expect(plb.map((x) => [x.account, x.patientId, x.serviceLineId])).toEqual([
      ['payer', null, null],
      ['payer', null, null],
    ]);
  });

  it('holds an unbalanced transaction until the user posts its balanced claims', async () => {
    const c = claims[3] as StoredCandidate;
    const res = await upload(era835([syntheticClaimOf(c)], { traceNumber: 'EFT-5', paymentErrorCents: 100 }));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json().remittances[0];
    expect(r).toMatchObject({ balanced: false, posted: 0, held: 1 });
    expect(r.balancing[0]).toMatchObject({ code: 'REMIT_PAYMENT_UNBALANCED' });
    expect((await claimBalances(t.database.db, c.id))?.insurancePaid).toBe(0);
    const posted = await biller.post(`/api/eras/${res.json().eraFileId}/post`, { postUnbalanced: true });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().remittances[0]).toMatchObject({ posted: 1, held: 0 });
    expect((await claimBalances(t.database.db, c.id))?.insurancePaid).toBe(expected(c).paid);
  });

  it('queues a claim payment no claim matches, and a biller matches it by hand', async () => {
    const c = claims[4] as StoredCandidate;
    const stray = syntheticClaimOf(c, 'paid', {
      patientControlNumber: 'NOT-OURS-1',
      patientLastName: 'NOBODY',
      patientFirstName: 'NEMO',
      memberId: 'XX0',
    });
    const res = await upload(era835([stray], { traceNumber: 'EFT-6' }));
    expect(res.json().remittances[0]).toMatchObject({ posted: 0, unmatched: 1 });
    const queue = (await biller.get(`/api/remittances/unmatched?practiceId=${practiceId}`)).json().items;
    const waiting = queue.find(
      (q: { patientControlNumber: string }) => q.patientControlNumber === 'NOT-OURS-1',
    );
    expect(waiting).toBeDefined();
    // another practice's biller sees nothing of it
    const other = await t.login('other@example.org');
    expect((await other.get('/api/remittances/unmatched')).json().items).toEqual([]);
    expect(
      (await other.post(`/api/remittances/claims/${waiting.id}/match`, { claimId: c.id })).statusCode,
    ).toBe(404);
    const matched = await biller.post(`/api/remittances/claims/${waiting.id}/match`, { claimId: c.id });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({ result: 'posted', claimId: c.id });
    expect((await claimBalances(t.database.db, c.id))?.insurancePaid).toBe(expected(c).paid);
    expect(await claimState(c.id)).toBe('paid');
    const again = await biller.post(`/api/remittances/claims/${waiting.id}/match`, { claimId: c.id });
    expect(again.statusCode).toBe(409);
  });

  it('a denied claim opens a denial per line and becomes denied', async () => {
    const c = claims[5] as StoredCandidate;
    const res = await upload(era835([syntheticClaimOf(c, 'denied')], { traceNumber: 'EFT-7' }));
    expect(res.json().remittances[0]).toMatchObject({ posted: 1 });
    expect(await claimState(c.id)).toBe('denied');
    const denials = (await biller.get(`/api/denials?practiceId=${practiceId}`)).json().items;
    expect(denials.filter((d: { claimId: number }) => d.claimId === c.id)).toHaveLength(c.lines.length);
    expect(denials[0]).toMatchObject({ groupCode: 'CO', reasonCode: '50', state: 'open' });
  });

  it('a paid primary whose patient has another coverage leaves with its secondary claim made', async () => {
    const rows = async (query: string, params: unknown[]) =>
      (await t.database.sql.executeSql(query, params)).rows as Record<string, unknown>[];
    const withSecondary: number[] = [];
    for (const c of claims) {
      if (!['paid', 'partially_paid'].includes(await claimState(c.id))) continue;
      const others = await rows(`select id from coverage where patient_id = $1 and priority <> 'primary'`, [
        c.patientId,
      ]);
      if (others.length === 0) continue;
      const next = await rows(
        `select id, cob from claim where encounter_id = $1 and payer_responsibility = 'S'`,
        [c.encounterId],
      );
      expect(next, `claim ${c.id}'s secondary claim`).toHaveLength(1);
      const cob = (typeof next[0]!.cob === 'string' ? JSON.parse(next[0]!.cob) : next[0]!.cob) as {
        priorPayers: { lines: unknown[] }[];
      };
      expect(cob.priorPayers, 'the primary adjudication rides on the secondary claim').toHaveLength(1);
      expect(cob.priorPayers[0]!.lines).toHaveLength(c.lines.length);
      withSecondary.push(c.id);
    }
    expect(
      withSecondary.length,
      'the demo patients posted include one with a second coverage',
    ).toBeGreaterThan(0);
  });

  it('the same 835 uploaded twice at once is stored and posted once', async () => {
    const c = claims[6] as StoredCandidate;
    const content = era835([syntheticClaimOf(c)], { traceNumber: 'EFT-TWICE' });
    const both = await Promise.all([upload(content), upload(content)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const posted = both.map((r) => r.json().remittances[0].posted as number);
    expect(posted.reduce((n, p) => n + p, 0)).toBe(1);
    expect((await claimBalances(t.database.db, c.id))?.insurancePaid).toBe(expected(c).paid);
    expect(await claimState(c.id)).toBe('paid');
  });

  it('refuses what is not an 835, and a user without the role', async () => {
    const bad = await upload('hello');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/no 835 transaction/);
    await t.addUser('coder@example.org', [{ practiceId, role: 'coder' }]);
    const coder = await t.login('coder@example.org');
    expect((await coder.get('/api/eras')).statusCode).toBe(403);
  });
});
