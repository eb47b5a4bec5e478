import { describe, expect, it } from 'vitest';
import { marketPosition } from './market-position.ts';

const market = { p10: 3_000_000, p25: 4_000_000, p50: 5_000_000, p75: 6_000_000, p90: 8_000_000 };

describe('marketPosition', () => {
  it('interpolates between the published percentiles', () => {
    expect(marketPosition(5_000_000, market)).toEqual({ kind: 'percentile', percentile: 50 });
    // Halfway from the 25th ($40,000) to the median ($50,000): the 37.5th.
    expect(marketPosition(4_500_000, market)).toEqual({ kind: 'percentile', percentile: 37.5 });
    expect(marketPosition(7_000_000, market)).toEqual({ kind: 'percentile', percentile: 82.5 });
  });
  it('says below the 10th or above the 90th rather than inventing a figure', () => {
    expect(marketPosition(2_000_000, market)).toEqual({ kind: 'below', percentile: 10 });
    expect(marketPosition(9_000_000, market)).toEqual({ kind: 'above', percentile: 90 });
    expect(marketPosition(9_000_000, { ...market, p90: null })).toEqual({ kind: 'unknown' });
    expect(marketPosition(5_000_000, { p10: null, p25: null, p50: 5_000_000, p75: null, p90: null })).toEqual(
      {
        kind: 'unknown',
      },
    );
  });
});
