import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byCodeUnits, sortSteps } from './sortInSlices.ts';

function finish<T>(steps: Generator<void, T>): { value: T; steps: number } {
  for (let n = 0; ; n++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: n };
  }
}

describe('sortSteps', () => {
  it('sorts as Array.prototype.sort does, ties in input order, for any slice size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (items, slice) => {
          const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
          const { value } = finish(sortSteps(items, compare, slice));
          expect(value).toEqual([...items].sort(compare));
          expect(items.length === 0 || value !== items).toBe(true);
        },
      ),
    );
  });

  it('orders strings by code units like a sort without a comparator', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 200 }), (items) => {
        expect(finish(sortSteps(items, byCodeUnits, 7)).value).toEqual([...items].sort());
      }),
    );
  });

  it('yields between slices: no step does more than sorting one slice', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    let compares = 0;
    let most = 0;
    const steps = sortSteps(
      items,
      (a, b) => {
        compares++;
        return a - b;
      },
      500,
    );
    for (let next = steps.next(); ; next = steps.next()) {
      most = Math.max(most, compares);
      compares = 0;
      if (next.done) {
        expect(next.value).toEqual([...items].sort((a, b) => a - b));
        break;
      }
    }
    // sorting a slice of 500 takes about 500 × log2(500) ≈ 4,500 comparisons; the whole input 130,000
    expect(most).toBeLessThanOrEqual(500 * 10);
  });
});
