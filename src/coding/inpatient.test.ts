import { describe, expect, it } from 'vitest';
import type { Finding } from '../scrubber/index.ts';
import { procedureFindings, stayChanges, stayErrors } from './inpatient.ts';

const stay = {
  admissionDate: '2026-09-14',
  dischargeDate: '2026-09-16',
  procedures: [{ code: '0src0j9', date: '2026-09-14' }],
};

const notLoaded: Finding = {
  code: 'CODES-NOT-LOADED',
  severity: 'warning',
  field: '/institutional/procedures',
  lines: [],
  message: 'ICD-10-PCS FY2027 not loaded: the procedures of a stay discharged 2026-10-02 were not checked',
  fixHint: '',
};

describe('an inpatient stay as coded', () => {
  it('becomes the UB-04 data of the visit: statement period = the stay, procedures principal first', () => {
    expect(stayChanges({ billType: '111', patientStatus: '20', admissionHour: '07' }, stay)).toEqual({
      serviceDateFrom: '2026-09-14',
      serviceDateTo: '2026-09-16',
      institutional: {
        billType: '111',
        patientStatus: '20',
        admissionHour: '07',
        admissionDate: '2026-09-14',
        procedures: [{ code: '0SRC0J9', date: '2026-09-14' }],
      },
    });
    // A visit no facility had billed yet: an inpatient bill, discharged home until billing says otherwise.
    expect(stayChanges(null, stay).institutional).toMatchObject({ billType: '111', patientStatus: '01' });
  });

  it('refuses a discharge before the admission and a procedure listed twice on one day', () => {
    const twice = { ...stay, procedures: [...stay.procedures, ...stay.procedures] };
    expect(stayErrors({ ...twice, dischargeDate: '2026-09-13' })).toEqual([
      { pointer: '/inpatient/dischargeDate', detail: 'is before the admission date 2026-09-14' },
      { pointer: '/inpatient/procedures/1', detail: '0src0j9 on 2026-09-14 is listed twice' },
    ]);
    expect(stayErrors(stay)).toEqual([]);
  });

  it('makes "no ICD-10-PCS release for the discharge date" an error, and says so when no code set is loaded', () => {
    expect(procedureFindings([notLoaded], 1, true)).toEqual([{ ...notLoaded, severity: 'error' }]);
    const none = procedureFindings([], 2, false);
    expect(none).toEqual([
      expect.objectContaining({
        code: 'CODES-NOT-LOADED',
        severity: 'error',
        field: '/institutional/procedures',
      }),
    ]);
    expect(procedureFindings([], 0, false)).toEqual([]);
  });
});
