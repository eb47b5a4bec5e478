import { describe, expect, it } from 'vitest';
import { drawSample } from './audits-sample.ts';

describe('drawSample', () => {
  const charts = Array.from({ length: 40 }, (_, i) => i + 1);

  it('draws the percentage, rounded up, without repeats, the same for the same seed', () => {
    const sample = drawSample(charts, 10, 42);
    expect(sample).toHaveLength(4);
    expect(new Set(sample).size).toBe(4);
    expect(drawSample(charts, 10, 42)).toEqual(sample);
    expect(drawSample(charts, 10, 43)).not.toEqual(sample);
  });

  it('draws at least one chart, and never more than there are', () => {
    expect(drawSample(charts.slice(0, 3), 5, 1)).toHaveLength(1);
    expect(drawSample(charts, 100, 1).sort((a, b) => a - b)).toEqual(charts);
    expect(drawSample([], 50, 1)).toEqual([]);
  });
});
