import { describe, expect, it } from 'vitest';
import { checkCodedVisit, type CodedVisit } from './coding-checks.ts';
import { testContext } from './testing.ts';

const visit = (over: Partial<CodedVisit> = {}): CodedVisit => ({
  diagnoses: ['I10'],
  lines: [
    { procedureCode: '99213', modifiers: [], units: 1, diagnosisPointers: [1], serviceDate: '2026-03-02' },
  ],
  patient: { sex: 'F', dateOfBirth: '1960-04-01' },
  placeOfService: '11',
  ...over,
});

describe('checkCodedVisit: the code rules while a chart is coded', () => {
  it('finds nothing in a clean office visit (charges and payer are not a coder’s concern)', () => {
    expect(checkCodedVisit(visit(), testContext())).toEqual([]);
  });

  it('flags a code that is not billable, a sex edit, a bad pointer and an unknown modifier', () => {
    const found = checkCodedVisit(
      visit({
        diagnoses: ['J45', 'N40.0'],
        lines: [
          {
            procedureCode: '99213',
            modifiers: ['ZZ'],
            units: 1,
            diagnosisPointers: [3],
            serviceDate: '2026-03-02',
          },
        ],
      }),
      testContext(),
    );
    expect(found.map((f) => [f.code, f.field])).toEqual([
      ['DX-INVALID', '/diagnoses/0'],
      ['DX-DEMOGRAPHIC', '/diagnoses/1'],
      ['PTR-INVALID', '/lines/0/diagnosisPointers'],
      ['MOD-UNKNOWN', '/lines/0/modifiers'],
    ]);
  });
});
