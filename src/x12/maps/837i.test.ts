import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateX12 } from '../engine/validate.ts';

// The X223A2 map's code lists, checked against the TR3 element by element: a published sample our
// validator accepts, changed in one element, is refused at that element with IK403 7 (invalid code).
const SAMPLE = readFileSync(
  path.resolve(process.cwd(), '../shared/x12-samples/837I/lfh__two-claims-single-provider.837i'),
  'utf8',
);
const errorsOf = (x12: string) =>
  validateX12(x12)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => ({ code: p.code, loop: p.loop, element: p.element, ik4: p.ik4, value: p.value }));

describe('837I guide map code lists', () => {
  it('accepts the published sample as it is', () => {
    expect(errorsOf(SAMPLE)).toEqual([]);
  });

  it.each([
    [
      '2000B SBR02: 18 or absent (a dependent goes in PAT01)',
      /SBR\*P\*18\*/,
      'SBR*P*19*',
      '2000B',
      'SBR02',
      '19',
    ],
    ['2000B SBR09 claim filing indicator', /(SBR\*P\*18\*{7})CH~/, '$1XX~', '2000B', 'SBR09', 'XX'],
    ['2000B SBR01 payer responsibility', /SBR\*P\*18\*/, 'SBR*Q*18*', '2000B', 'SBR01', 'Q'],
    [
      'BHT06 claim or encounter identifier',
      /(BHT\*0019\*00\*[^*]*\*[^*]*\*[^*]*)\*CH~/,
      '$1*ZZ~',
      'ST',
      'BHT06',
      'ZZ',
    ],
    ['2300 DTP*434 format RD8', /DTP\*434\*RD8\*/, 'DTP*434*D8*', '2300', 'DTP02', 'D8'],
  ])('refuses %s', (_name, from, to, loop, element, value) => {
    const errors = errorsOf(SAMPLE.replace(from, to));
    expect(errors).toContainEqual({ code: 'X12_BAD_CODE', loop, element, ik4: '7', value });
  });
});
