// Pure: where a pay falls in the market's published percentiles (10, 25, 50, 75, 90), by straight
// lines between them. BLS publishes nothing below the 10th or above the 90th, so pay out there is
// said as such, not given a made-up number.

export interface Percentiles {
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

export type MarketPosition =
  | { kind: 'percentile'; percentile: number }
  | { kind: 'below'; percentile: 10 }
  | { kind: 'above'; percentile: 90 }
  | { kind: 'unknown' };

export function marketPosition(annualCents: number, market: Percentiles): MarketPosition {
  const points = (
    [
      [10, market.p10],
      [25, market.p25],
      [50, market.p50],
      [75, market.p75],
      [90, market.p90],
    ] as const
  ).filter((p): p is readonly [10 | 25 | 50 | 75 | 90, number] => p[1] !== null);
  if (points.length < 2) return { kind: 'unknown' };
  const [first, last] = [points[0]!, points.at(-1)!];
  if (annualCents < first[1])
    return first[0] === 10 ? { kind: 'below', percentile: 10 } : { kind: 'unknown' };
  if (annualCents > last[1]) return last[0] === 90 ? { kind: 'above', percentile: 90 } : { kind: 'unknown' };
  for (let i = 1; i < points.length; i++) {
    const [pa, va] = points[i - 1]!;
    const [pb, vb] = points[i]!;
    if (annualCents <= vb) {
      const percentile = vb === va ? pb : pa + ((pb - pa) * (annualCents - va)) / (vb - va);
      return { kind: 'percentile', percentile: Math.round(percentile * 10) / 10 };
    }
  }
  return { kind: 'unknown' };
}
