import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from './default-assumptions.ts';
import { estimatePay, type WageFigures } from './estimate.ts';

// Figures shaped like BLS rows; the arithmetic below is worked by hand.
const national: WageFigures = {
  release: 'May 2025',
  title: 'U.S.',
  annualMean: 5_000_000,
  annualP10: 3_000_000,
  annualP25: 4_000_000,
  annualMedian: 5_000_000,
  annualP75: 6_000_000,
  annualP90: 8_000_000,
};
const nat2023 = { ...national, release: 'May 2023', annualMean: 4_000_000 };
const state = { ...nat2023, title: 'Alabama', annualMean: 3_600_000 };
const setting = { ...national, title: 'Hospitals', annualMean: 5_500_000 };
const a = (key: string) => DEFAULT_ASSUMPTIONS.find((x) => x.key === key)!;

describe('estimatePay', () => {
  it('places experience on the national percentiles, scales by state and setting, adds certifications', () => {
    const e = estimatePay({
      national,
      state: { row: state, national: nat2023 },
      setting: { row: setting, national },
      experience: a('experience:3-5'), // 25th–50th: $40,000 – $50,000
      certifications: [{ ...a('cert:CPC'), low: 0, high: 1000 }], // +0 % to +10 %
    });
    // × 36,000/40,000 = 0.9 → 36,000 – 45,000; × 55,000/50,000 = 1.1 → 39,600 – 49,500;
    // certification +0 % / +10 % → 39,600 – 54,450.
    expect([e.low, e.high]).toEqual([3_960_000, 5_445_000]);
    expect(e.assumptions.map((x) => x.key)).toEqual(['experience:3-5', 'cert:CPC']);
    expect(e.notes.join(' ')).toContain('from May 2023');
    expect(e.steps).toHaveLength(4);
  });

  it('leaves the state out for a remote role and says so', () => {
    const e = estimatePay({
      national,
      state: { row: state, national: nat2023 },
      experience: a('experience:0-2'),
      certifications: [],
      remote: a('remote'),
    });
    expect([e.low, e.high]).toEqual([3_000_000, 4_000_000]);
    expect(e.assumptions.map((x) => x.key)).toEqual(['experience:0-2', 'remote']);
  });

  it('skips a setting whose mean BLS did not publish, with a note', () => {
    const e = estimatePay({
      national,
      setting: { row: { ...setting, annualMean: null }, national },
      experience: a('experience:11+'),
      certifications: [],
    });
    expect([e.low, e.high]).toEqual([6_000_000, 8_000_000]);
    expect(e.notes[0]).toContain('no annual mean');
  });
});
