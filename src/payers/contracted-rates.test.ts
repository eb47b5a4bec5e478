import { describe, expect, it } from 'vitest';
import { contractedAllowed, type ContractedRate } from './contracted-rates.ts';

const rate = (r: Partial<ContractedRate>): ContractedRate => ({
  payerId: 1,
  procedureCode: '99213',
  modifier: null,
  allowedCents: 9_000,
  effectiveDate: '2026-01-01',
  endDate: null,
  ...r,
});
const line = { procedureCode: '99213', modifiers: [] as string[], serviceDate: '2026-06-01', units: 1 };

describe('contractedAllowed', () => {
  it("takes the payer's own rate in effect on the date of service, times the units", () => {
    const rates = [
      rate({}),
      rate({ payerId: 2, allowedCents: 7_500 }),
      rate({ allowedCents: 8_000, effectiveDate: '2025-01-01', endDate: '2025-12-31' }),
    ];
    expect(contractedAllowed(rates, 1, line)).toBe(9_000);
    expect(contractedAllowed(rates, 2, { ...line, units: 2 })).toBe(15_000);
    expect(contractedAllowed(rates, 1, { ...line, serviceDate: '2025-06-01' })).toBe(8_000);
  });

  it("prefers the rate for the line's first modifier over the plain code", () => {
    const rates = [rate({}), rate({ procedureCode: '29881', modifier: 'RT', allowedCents: 60_000 })];
    expect(contractedAllowed(rates, 1, { ...line, procedureCode: '29881', modifiers: ['RT'] })).toBe(60_000);
    expect(
      contractedAllowed(rates, 1, { ...line, procedureCode: '29881', modifiers: ['LT'] }),
    ).toBeUndefined();
  });

  it('is undefined when the contract has no rate (no payer, no code, not yet in effect)', () => {
    expect(contractedAllowed([rate({})], 3, line)).toBeUndefined();
    expect(contractedAllowed([rate({})], 1, { ...line, procedureCode: '99214' })).toBeUndefined();
    expect(contractedAllowed([rate({})], 1, { ...line, serviceDate: '2025-12-31' })).toBeUndefined();
  });
});
