import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, parseCents } from './money.ts';

describe('money in integer cents', () => {
  it.each([
    ['12.25', 1225],
    ['100', 10000],
    ['100.5', 10050],
    ['-5', -500],
    ['.5', 50],
    ['0.10', 10],
    ['1.230', 123],
    ['-0', 0],
  ])('parses %s exactly', (s, c) => expect(parseCents(s)).toBe(c));

  it.each(['', 'abc', '1.234', '1e5', '--1', '.'])('rejects %j', (s) => expect(parseCents(s)).toBeNull());

  it('formats without needless zeros (X12.6)', () => {
    expect(formatCents(1225)).toBe('12.25');
    expect(formatCents(1200)).toBe('12');
    expect(formatCents(1250)).toBe('12.5');
    expect(formatCents(-5)).toBe('-0.05');
  });

  it('round-trips any cents value', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => parseCents(formatCents(c)) === c));
  });
});
