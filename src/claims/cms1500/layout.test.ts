import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS, PAGE_HEIGHT, PAGE_WIDTH, SERVICE_LINE_FIELDS, type FieldPosition } from './layout.ts';

/** Columns a field may print in: right-justified fields end at their column. */
const span = (f: FieldPosition): [number, number] =>
  f.align === 'right' ? [f.col - f.maxChars + 1, f.col] : [f.col, f.col + f.maxChars - 1];

describe('1500 (02/12) print positions', () => {
  const all = [...Object.values(HEADER_FIELDS), ...Object.values(SERVICE_LINE_FIELDS)];

  it('keeps every field on the page and on the 79-column, 63-line grid', () => {
    for (const f of all) {
      const [first, last] = span(f);
      expect(first).toBeGreaterThanOrEqual(1);
      expect(last).toBeLessThanOrEqual(79);
      expect(f.x).toBeGreaterThan(0);
      expect(f.x).toBeLessThan(PAGE_WIDTH);
      expect(f.y).toBeGreaterThan(0);
      expect(f.y).toBeLessThan(PAGE_HEIGHT);
    }
  });

  it('never lets fields of different items overlap on a line', () => {
    for (const a of all) {
      for (const b of all) {
        if (a === b || a.line !== b.line || a.box === b.box) continue;
        const [a0, a1] = span(a);
        const [b0, b1] = span(b);
        expect(a1 < b0 || b1 < a0, `${a.box} ${a.name} overlaps ${b.box} ${b.name}`).toBe(true);
      }
    }
  });
});
