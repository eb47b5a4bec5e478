import { describe, expect, it } from 'vitest';
import { ProblemList } from '../problems.ts';
import { checkSyntax } from './syntax.ts';

const seg = (text: string) => ({ id: text.split('*')[0] ?? '', el: text.split('*'), n: 1, line: 1 });

function problems(text: string) {
  const out = new ProblemList();
  checkSyntax(seg(text), out, { segmentNumber: 1 });
  return out.items.map((p) => [p.code, p.element]);
}

describe('X12.6 relational conditions', () => {
  it('P: NM108 and NM109 come together', () => {
    expect(problems('NM1*85*2*CLINIC*****XX')).toEqual([['X12_CONDITION_MISSING', 'NM109']]);
    expect(problems('NM1*85*2*CLINIC*****XX*1234567893')).toEqual([]);
    expect(problems('NM1*87*2')).toEqual([]);
  });

  it('R: REF needs REF02 or REF03', () => {
    expect(problems('REF*EI')).toEqual([['X12_CONDITION_MISSING', 'REF02']]);
  });

  it('E: N402 and N407 exclude each other', () => {
    expect(problems('N4*CITY*NY*10001****X')).toEqual([
      ['X12_EXCLUSION', 'N407'],
      ['X12_CONDITION_MISSING', 'N404'],
    ]);
  });

  it('L and C: a CAS reason in the second triplet needs its amount', () => {
    expect(problems('CAS*CO*45*10*1*42')).toEqual([['X12_CONDITION_MISSING', 'CAS06']]);
    expect(problems('CAS*CO*45*10*1*42*5')).toEqual([]);
  });
});
