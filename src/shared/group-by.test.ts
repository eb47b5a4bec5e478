import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.ts';

describe('groupBy', () => {
  it('groups by key, keeping the order of the items within each group and of first appearance', () => {
    const lines = [
      { claimId: 2, n: 1 },
      { claimId: 1, n: 1 },
      { claimId: 2, n: 2 },
    ];
    const byClaim = groupBy(lines, (l) => l.claimId);
    expect([...byClaim.keys()]).toEqual([2, 1]);
    expect(byClaim.get(2)!.map((l) => l.n)).toEqual([1, 2]);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
