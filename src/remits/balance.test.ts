import { describe, expect, it } from 'vitest';
import { balanceClaim, balanceRemittance } from './balance.ts';
import { cas, clp, remittance, svc } from './testing.ts';

describe('835 balancing (X221A1 1.10.2.1)', () => {
  it('a claim with lines: CLP03 − CLP04 = claim CAS + line CAS, each line SVC02 − SVC03 = its CAS', () => {
    const c = clp('A1', '1', 30000, 18000, [
      svc('99213', 20000, 12000, [cas('CO', '45', 5000), cas('PR', '2', 3000)]),
      svc('85025', 10000, 6000, [cas('CO', '45', 4000)]),
    ]);
    expect(balanceClaim(c, '0001', 1)).toMatchObject({
      balanced: true,
      chargeLessPaidCents: 12000,
      adjustedCents: 12000,
    });
    expect(balanceRemittance(remittance([c], 18000)).balanced).toBe(true);
  });

  it('a claim without lines balances on claim CAS alone', () => {
    const c = clp('A2', '1', 50000, 40000, [], [cas('CO', '45', 7000), cas('PR', '1', 3000)]);
    expect(balanceRemittance(remittance([c], 40000)).balanced).toBe(true);
  });

  it('names the failing line with its figures', () => {
    const c = clp('A3', '1', 30000, 18000, [
      svc('99213', 20000, 12000, [cas('CO', '45', 7000)], { segmentNumber: 17 }),
      svc('85025', 10000, 6000, [cas('CO', '45', 5000)]),
    ]);
    const b = balanceRemittance(remittance([c], 18000));
    expect(b.balanced).toBe(false);
    expect(b.problems).toEqual([
      expect.objectContaining({
        code: 'REMIT_LINE_UNBALANCED',
        patientControlNumber: 'A3',
        lineNumber: 1,
        segmentNumber: 17,
        expectedCents: 8000,
        foundCents: 7000,
      }),
      expect.objectContaining({
        code: 'REMIT_LINE_UNBALANCED',
        lineNumber: 2,
        expectedCents: 4000,
        foundCents: 5000,
      }),
    ]);
    // The claim itself balances: the two lines' errors cancel out.
    expect(b.claims[0]?.problems.some((p) => p.code === 'REMIT_CLAIM_UNBALANCED')).toBe(false);
  });

  it('BPR02 = Σ CLP04 − Σ PLB over several PLB pairs (interest raises, recoupment lowers the payment)', () => {
    const c = clp('A4', '1', 10000, 8000, [], [cas('CO', '45', 2000)]);
    const r = remittance([c], 8000 + 150 - 2500, [
      { reason: 'L6', amountCents: -150 },
      { reason: 'WO', amountCents: 2500 },
    ]);
    expect(balanceRemittance(r)).toMatchObject({
      balanced: true,
      providerAdjustmentCents: 2350,
      claimsPaidCents: 8000,
    });
    const wrong = balanceRemittance({ ...r, payment: { ...r.payment, totalPaidCents: 8000 } });
    expect(wrong.problems).toEqual([
      expect.objectContaining({ code: 'REMIT_PAYMENT_UNBALANCED', expectedCents: 5650, foundCents: 8000 }),
    ]);
  });

  it('a reversal (CLP02 22) carries negative amounts and balances by the same sums', () => {
    const rev = clp('A5', '22', -30000, -18000, [
      svc('99213', -30000, -18000, [cas('CO', '45', -9000), cas('PR', '2', -3000)]),
    ]);
    const corrected = clp('A5', '1', 30000, 20000, [
      svc('99213', 30000, 20000, [cas('CO', '45', 8000), cas('PR', '2', 2000)]),
    ]);
    expect(balanceRemittance(remittance([rev, corrected], 2000)).balanced).toBe(true);
  });

  it('BPR01 H (notification only) pays 0 and must still balance', () => {
    const denied = clp('A6', '4', 12000, 0, [], [cas('CO', '50', 12000)]);
    const r = remittance([denied], 0);
    r.payment = { ...r.payment, handlingCode: 'H', method: 'NON' };
    expect(balanceRemittance(r).balanced).toBe(true);
  });
});
