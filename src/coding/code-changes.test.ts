import { describe, expect, it } from 'vitest';
import { codeChanges } from './code-changes.ts';

describe('codeChanges: the codes a save added and removed', () => {
  it('names added and removed diagnoses and procedures; reordering is no change', () => {
    const before = { diagnoses: ['I10', 'E11.9'], serviceLines: [{ procedureCode: '99213' }] };
    expect(
      codeChanges(before, { diagnoses: ['E11.9', 'I10'], serviceLines: [{ procedureCode: '99213' }] }),
    ).toEqual([]);
    expect(
      codeChanges(before, {
        diagnoses: ['E11.9', 'J45.909'],
        serviceLines: [{ procedureCode: '99214' }, { procedureCode: '94640' }],
      }),
    ).toEqual([
      { kind: 'code-add', system: 'ICD-10-CM', code: 'J45.909' },
      { kind: 'code-remove', system: 'ICD-10-CM', code: 'I10' },
      { kind: 'code-add', system: 'CPT/HCPCS', code: '99214' },
      { kind: 'code-add', system: 'CPT/HCPCS', code: '94640' },
      { kind: 'code-remove', system: 'CPT/HCPCS', code: '99213' },
    ]);
  });

  it('counts a procedure billed twice as two lines', () => {
    const one = { diagnoses: [], serviceLines: [{ procedureCode: '20610' }] };
    const two = { diagnoses: [], serviceLines: [{ procedureCode: '20610' }, { procedureCode: '20610' }] };
    expect(codeChanges(one, two)).toEqual([{ kind: 'code-add', system: 'CPT/HCPCS', code: '20610' }]);
  });

  it('names ICD-10-PCS procedures added and removed on an inpatient stay', () => {
    const stay = { diagnoses: ['M17.11'], serviceLines: [], procedures: [{ code: '0SRC0J9' }] };
    expect(codeChanges(stay, { ...stay, procedures: [{ code: '0SRC0JZ' }] })).toEqual([
      { kind: 'code-add', system: 'ICD-10-PCS', code: '0SRC0JZ' },
      { kind: 'code-remove', system: 'ICD-10-PCS', code: '0SRC0J9' },
    ]);
  });
});
