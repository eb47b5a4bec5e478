import { describe, expect, it } from 'vitest';
import type { WageFigures } from './estimate.ts';
import { annualisedPay, positionText, teamMarket, type Market, type StaffPay } from './team-market.ts';

// Figures shaped like BLS rows (not the real ones); the arithmetic is worked by hand in comments.
const national: WageFigures = {
  release: 'May 2025',
  title: 'Medical Records Specialists, U.S.',
  annualMean: 5_000_000,
  annualP10: 3_000_000,
  annualP25: 4_000_000,
  annualMedian: 5_000_000,
  annualP75: 6_000_000,
  annualP90: 8_000_000,
};
const nat2023: WageFigures = { ...national, release: 'May 2023', annualMean: 4_000_000 };
const noPercentiles = {
  annualP10: null,
  annualP25: null,
  annualMedian: null,
  annualP75: null,
  annualP90: null,
};
const market: Market = {
  national,
  // Alabama, May 2023: a mean only ($36,000 against the national $40,000: × 0.9).
  states: new Map([
    [
      'AL',
      { row: { ...nat2023, ...noPercentiles, title: 'Alabama', annualMean: 3_600_000 }, national: nat2023 },
    ],
  ]),
  settings: new Map([
    // A sector with its own published percentiles.
    [
      '620000',
      {
        row: {
          ...national,
          title: 'Health Care and Social Assistance',
          annualP10: 3_200_000,
          annualP25: 4_200_000,
          annualMedian: 5_200_000,
          annualP75: 6_200_000,
          annualP90: 8_200_000,
        },
        national,
      },
    ],
  ]),
};
const person = (s: Partial<StaffPay>): StaffPay => ({
  staffId: 1,
  name: 'Dana Coder',
  role: 'coder',
  payType: 'hourly',
  rateCents: 2_500,
  annualSalaryCents: null,
  state: 'AL',
  remote: false,
  workSetting: '620000',
  ...s,
});

describe('annualisedPay', () => {
  it('annualises an hourly rate over 2,080 hours and takes a salary as it is', () => {
    // $25.00 × 2,080 = $52,000.
    expect(annualisedPay(person({}))).toEqual({ cents: 5_200_000, how: '$25.00 an hour × 2,080 hours' });
    expect(
      annualisedPay(person({ payType: 'salaried', rateCents: null, annualSalaryCents: 4_500_000 })).cents,
    ).toBe(4_500_000);
    expect(annualisedPay(person({ rateCents: null })).cents).toBeNull();
  });
});

describe('teamMarket', () => {
  it('places each person in the national, state and setting percentiles, saying where each comes from', () => {
    const [row] = teamMarket([person({})], market);
    const by = Object.fromEntries(row!.comparisons.map((c) => [c.against, c]));
    // National: $52,000 between the median $50,000 and the 75th $60,000: 50 + 25 × 2,000/10,000 = 55th.
    expect(by.national!.position).toEqual({ kind: 'percentile', percentile: 55 });
    // Alabama: national percentiles × 0.9 → 27,000 / 36,000 / 45,000 / 54,000 / 72,000;
    // $52,000 between the median $45,000 and the 75th $54,000: 50 + 25 × 7,000/9,000 = 69.44 → 69.4th.
    expect(by.state!.percentiles).toEqual({
      p10: 2_700_000,
      p25: 3_600_000,
      p50: 4_500_000,
      p75: 5_400_000,
      p90: 7_200_000,
    });
    expect(by.state!.position).toEqual({ kind: 'percentile', percentile: 69.4 });
    expect(by.state!.basis).toContain('BLS OEWS May 2025 national percentiles × Alabama');
    expect(by.state!.basis).toContain('May 2023');
    // The sector's own percentiles: $52,000 is exactly its median.
    expect(by.setting!.position).toEqual({ kind: 'percentile', percentile: 50 });
    expect(by.setting!.basis).toBe('BLS OEWS May 2025 percentiles of Health Care and Social Assistance');
    expect(positionText(by.state!.position)).toBe('69.4th');
  });

  it('says what is missing instead of comparing with nothing', () => {
    const [row] = teamMarket([person({ state: 'ZZ', workSetting: null, rateCents: 1_000 })], market);
    expect(row!.comparisons.map((c) => c.against)).toEqual(['national']);
    // $10 × 2,080 = $20,800, under the 10th ($30,000).
    expect(positionText(row!.comparisons[0]!.position)).toBe('below the 10th');
    expect(row!.notes).toEqual([
      'BLS publishes no figures for the state ZZ.',
      'No work setting on the staff record.',
    ]);
  });

  it('takes the nearest wider industry BLS publishes for a work setting it does not', () => {
    const market2: Market = { ...market, settings: new Map([['62', market.settings.get('620000')!]]) };
    const [row] = teamMarket([person({ workSetting: '621100' })], market2);
    expect(row!.comparisons.map((c) => c.against)).toEqual(['national', 'state', 'setting']);
    expect(row!.notes).toEqual([
      'BLS publishes no figures for the industry 621100; its wider industry 62 is used.',
    ]);
  });

  it('names ordinals in English', () => {
    expect(positionText({ kind: 'percentile', percentile: 21 })).toBe('21st');
    expect(positionText({ kind: 'percentile', percentile: 12 })).toBe('12th');
    expect(positionText({ kind: 'percentile', percentile: 33 })).toBe('33rd');
    expect(positionText({ kind: 'above', percentile: 90 })).toBe('above the 90th');
  });
});
