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

  it('checks an inpatient stay as its UB-04: ICD-10-PCS procedures by table and within the stay, no pointers', () => {
    const stay = visit({
      diagnoses: ['M17.11', 'I10'],
      lines: [
        {
          revenueCode: '0120',
          procedureCode: '',
          modifiers: [],
          units: 2,
          diagnosisPointers: [],
          serviceDate: '2026-11-02',
        },
      ],
      placeOfService: '21',
      institutional: {
        billType: '111',
        statementFrom: '2026-11-02',
        statementTo: '2026-11-04',
        presentOnAdmission: ['Y', 'Y'],
        procedures: [
          { code: '0SRD0JZ', date: '2026-11-02' },
          { code: '0SRD0JX', date: '2026-11-02' },
          { code: '0SRD0JZ', date: '2026-11-09' },
        ],
      },
    });
    expect(checkCodedVisit(stay, testContext()).map((f) => [f.code, f.field])).toEqual([
      ['INST-PROCEDURE', '/institutional/procedures/1'],
      ['INST-PROCEDURE', '/institutional/procedures/2'],
    ]);
  });
});
