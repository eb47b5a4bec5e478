import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, creditsByPayment, drawCredits, type OwedLine } from './payments.ts';

const owed: OwedLine[] = [
  { serviceLineId: 3, encounterId: 2, serviceDate: '2026-10-05', owesCents: 4_000 },
  { serviceLineId: 1, encounterId: 1, serviceDate: '2026-09-01', owesCents: 2_500 },
  { serviceLineId: 2, encounterId: 1, serviceDate: '2026-09-01', owesCents: 1_000 },
];

describe('patient payment allocation', () => {
  it('pays the oldest visit first, line by line, and keeps what is left as a credit', () => {
    expect(allocatePayment(owed, 3_000)).toEqual({
      applied: [
        { serviceLineId: 1, encounterId: 1, amountCents: 2_500 },
        { serviceLineId: 2, encounterId: 1, amountCents: 500 },
      ],
      creditCents: 0,
      errors: [],
    });
    const over = allocatePayment(owed, 10_000);
    expect(over.applied.map((a) => a.amountCents)).toEqual([2_500, 1_000, 4_000]);
    expect(over.creditCents).toBe(2_500);
  });

  it('pays chosen lines in the order chosen, whole or the amount asked', () => {
    const r = allocatePayment(owed, 5_000, [{ serviceLineId: 3 }, { serviceLineId: 1, amountCents: 700 }]);
    expect(r.applied).toEqual([
      { serviceLineId: 3, encounterId: 2, amountCents: 4_000 },
      { serviceLineId: 1, encounterId: 1, amountCents: 700 },
    ]);
    expect(r.creditCents).toBe(300);
  });

  it('refuses a line the patient owes nothing on, more than the line owes, or a line chosen twice', () => {
    expect(allocatePayment(owed, 5_000, [{ serviceLineId: 9 }]).errors).toEqual([
      { pointer: '/lines/0/serviceLineId', detail: 'the patient owes nothing on this line' },
    ]);
    expect(
      allocatePayment(owed, 5_000, [{ serviceLineId: 2, amountCents: 1_001 }]).errors[0]!.detail,
    ).toMatch(/owes 1000 cents/);
    expect(
      allocatePayment(owed, 5_000, [{ serviceLineId: 2 }, { serviceLineId: 2 }]).errors[0]!.detail,
    ).toMatch(/twice/);
  });

  it('never applies more than paid or more than a line owes, and loses no cent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 50_000 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 200_000 }),
        (balances, amount) => {
          const lines = balances.map((b, i) => ({
            serviceLineId: i + 1,
            encounterId: 1,
            serviceDate: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
            owesCents: b,
          }));
          const r = allocatePayment(lines, amount);
          const applied = r.applied.reduce((s, a) => s + a.amountCents, 0);
          expect(applied + r.creditCents).toBe(amount);
          for (const a of r.applied) {
            expect(a.amountCents).toBeGreaterThan(0);
            expect(a.amountCents).toBeLessThanOrEqual(lines[a.serviceLineId - 1]!.owesCents);
          }
          const owedTotal = lines.reduce((s, l) => s + Math.max(0, l.owesCents), 0);
          expect(r.creditCents).toBe(Math.max(0, amount - owedTotal));
        },
      ),
    );
  });
});

describe('credits', () => {
  const e = (kind: string, amountCents: number, sourceId: string, serviceLineId: number | null = null) => ({
    kind,
    amountCents,
    sourceId,
    serviceLineId,
    account: 'patient',
    sourceType: 'patient_payment',
  });

  it('are the unapplied money per payment: paid without a line, less what moved to lines or was refunded', () => {
    const credits = creditsByPayment([
      e('patient_payment', 5_000, '7'),
      e('patient_payment', -2_000, '7'),
      e('patient_payment', 2_000, '7', 11),
      e('patient_payment', 1_000, '3'),
      e('refund', 1_000, '3'),
      e('patient_payment', 800, '9'),
    ]);
    expect(credits).toEqual([
      { paymentId: 7, creditCents: 3_000 },
      { paymentId: 9, creditCents: 800 },
    ]);
    expect(drawCredits(credits, 3_500)).toEqual([
      { paymentId: 7, amountCents: 3_000 },
      { paymentId: 9, amountCents: 500 },
    ]);
  });
});
