import { describe, expect, it } from 'vitest';
import { chargeFor, lineChargeFor, type FeeEntry } from './fee-schedule.ts';

const fees: FeeEntry[] = [
  {
    procedureCode: '99213',
    modifier: null,
    chargeCents: 12000,
    effectiveDate: '2025-01-01',
    endDate: '2025-12-31',
  },
  { procedureCode: '99213', modifier: null, chargeCents: 13000, effectiveDate: '2026-01-01', endDate: null },
  { procedureCode: '73560', modifier: '26', chargeCents: 4000, effectiveDate: '2025-01-01', endDate: null },
  { procedureCode: '73560', modifier: null, chargeCents: 11000, effectiveDate: '2025-01-01', endDate: null },
];

describe('fee schedule', () => {
  it('takes the entry in effect on the date of service', () => {
    expect(chargeFor(fees, '99213', [], '2025-06-01')).toBe(12000);
    expect(chargeFor(fees, '99213', [], '2026-03-01')).toBe(13000);
  });
  it('prefers the entry for the first modifier (professional component) over the global charge', () => {
    expect(chargeFor(fees, '73560', ['26'], '2025-06-01')).toBe(4000);
    expect(chargeFor(fees, '73560', ['RT'], '2025-06-01')).toBe(11000);
  });
  it('has no charge before the first entry or for an unknown code', () => {
    expect(chargeFor(fees, '99213', [], '2024-12-31')).toBeUndefined();
    expect(chargeFor(fees, '20610', [], '2025-06-01')).toBeUndefined();
  });
  it('charges a line the fee times its units (J3301 × 4 is four times the fee)', () => {
    const drug: FeeEntry[] = [
      {
        procedureCode: 'J3301',
        modifier: null,
        chargeCents: 800,
        effectiveDate: '2025-01-01',
        endDate: null,
      },
    ];
    const line = { procedureCode: 'J3301', modifiers: [], serviceDate: '2026-03-01', units: 4 };
    expect(lineChargeFor(drug, line)).toBe(3200);
    expect(lineChargeFor(drug, { ...line, units: 1.5 })).toBe(1200);
    expect(lineChargeFor(drug, { ...line, procedureCode: '99213' })).toBeUndefined();
  });
});
