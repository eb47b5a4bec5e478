import { describe, expect, it } from 'vitest';
import { dottedCm } from '../../codesets/icd10cm/code.ts';
import { dateParts, lastFirstName, phoneParts, shortDate, splitCents } from './format.ts';

describe('splitCents (items 24F and 28: dollars and cents in separate columns)', () => {
  it.each([
    [0, '0', '00'],
    [5, '0', '05'],
    [100, '1', '00'],
    [4550, '45', '50'],
    [21099, '210', '99'],
    [123456789, '1234567', '89'],
  ])('%i cents -> %s | %s', (cents, dollars, c) => {
    expect(splitCents(cents)).toEqual({ dollars, cents: c });
  });

  it('formats large amounts exactly, without floating point', () => {
    expect(splitCents(Number.MAX_SAFE_INTEGER)).toEqual({ dollars: '90071992547409', cents: '91' });
    // 0.29 * 100 is 28.999999999999996 in floating point; integer cents never see that.
    expect(splitCents(29)).toEqual({ dollars: '0', cents: '29' });
  });

  it('refuses fractional or negative cents (a programmer error: money is integer cents)', () => {
    expect(() => splitCents(10.5)).toThrow();
    expect(() => splitCents(-1)).toThrow();
  });
});

describe('dates', () => {
  it('splits an ISO date into the form boxes', () => {
    expect(dateParts('1985-03-07')).toEqual({ mm: '03', dd: '07', yyyy: '1985', yy: '85' });
    expect(shortDate('2026-11-24')).toBe('11 24 26');
  });
  it('refuses a non-ISO date', () => {
    expect(() => dateParts('03/07/1985')).toThrow();
  });
});

describe('names, phones and diagnoses', () => {
  it('writes LAST, FIRST MIDDLE in upper case, suffix after the last name', () => {
    expect(lastFirstName({ lastName: 'Doe', firstName: 'Jane', middleName: 'Q' })).toBe('DOE, JANE Q');
    expect(lastFirstName({ lastName: 'Smith', firstName: 'John', suffix: 'Jr' })).toBe('SMITH JR, JOHN');
  });
  it('splits a 10-digit phone into area code and number', () => {
    expect(phoneParts('(217) 555-0123')).toEqual({ area: '217', number: '5550123' });
    expect(phoneParts('555-0123')).toBeNull();
  });
  it('prints ICD-10-CM with the dot after the category', () => {
    expect(dottedCm('e119')).toBe('E11.9');
    expect(dottedCm('E11.9')).toBe('E11.9');
    expect(dottedCm('I10')).toBe('I10');
    expect(dottedCm('S72001A')).toBe('S72.001A');
  });
});
