import { describe, expect, it } from 'vitest';
import { isValidNpi, npiFromBase } from './npi.ts';

describe('NPI check digit', () => {
  it('accepts the CMS worked example 1234567893', () => {
    expect(isValidNpi('1234567893')).toBe(true);
  });
  it('rejects a wrong check digit, wrong length, letters and a leading digit other than 1 or 2', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678A3')).toBe(false);
    expect(isValidNpi('3234567893')).toBe(false);
  });
  it('builds valid NPIs from a base', () => {
    expect(npiFromBase('123456789')).toBe('1234567893');
    expect(isValidNpi(npiFromBase('298765432'))).toBe(true);
  });
});
