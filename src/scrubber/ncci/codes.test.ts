import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateNumber, decodeCode, encodeCode, isProcedureCode, isoFromNumber, quarterStart } from './codes.ts';

describe('procedure codes and dates', () => {
  it('knows the code shapes', () => {
    for (const c of ['99213', '0001F', '0591T', '0001U', '0001A', 'J1100'])
      expect(isProcedureCode(c), c).toBe(true);
    for (const c of ['9921', '992133', 'j1100', 'JJ100', '99 13']) expect(isProcedureCode(c), c).toBe(false);
  });

  it('encodes every five-character code reversibly, keeping order', () => {
    const code = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      minLength: 5,
      maxLength: 5,
    });
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(decodeCode(encodeCode(a))).toBe(a);
        expect(Math.sign(encodeCode(a) - encodeCode(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
    expect(encodeCode('9921')).toBe(-1);
    expect(encodeCode('9921a')).toBe(-1);
  });

  it('reads file and claim dates, rejecting impossible ones', () => {
    expect(dateNumber('20261102')).toBe(20261102);
    expect(dateNumber('2026-11-02')).toBe(20261102);
    expect(dateNumber('20260230')).toBe(-1);
    expect(dateNumber('2026-1-02')).toBe(-1);
    expect(dateNumber('*')).toBe(-1);
    expect(isoFromNumber(20261102)).toBe('2026-11-02');
  });

  it('turns a file quarter into its first day', () => {
    expect(quarterStart('2026Q4')).toBe('2026-10-01');
    expect(quarterStart('2026Q1')).toBe('2026-01-01');
    expect(quarterStart('2026Q5')).toBeUndefined();
  });
});
