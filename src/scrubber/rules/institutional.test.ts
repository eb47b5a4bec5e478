import { describe, expect, it } from 'vitest';
import type { ScrubClaim } from '../claim.ts';
import { scrubClaim } from '../scrub.ts';
import { cleanInstitutionalClaim, testContext } from '../testing.ts';

const findingsOf = (change: (c: ScrubClaim) => void, code?: string) => {
  const claim = cleanInstitutionalClaim();
  change(claim);
  return scrubClaim(claim, testContext()).findings.filter((f) => !code || f.code === code);
};

describe('institutional rules', () => {
  it('refuses a POA indicator on an exempt code and asks for one on a non-exempt code', () => {
    const onExempt = findingsOf((c) => (c.institutional!.presentOnAdmission = ['Y', 'N', 'Y']), 'INST-POA');
    expect(onExempt.map((f) => f.field)).toEqual(['/institutional/presentOnAdmission/2']);
    const missing = findingsOf((c) => (c.institutional!.presentOnAdmission = []), 'INST-POA');
    expect(missing.map((f) => f.field)).toEqual([
      '/institutional/presentOnAdmission/0',
      '/institutional/presentOnAdmission/1',
    ]);
  });

  it('asks for POA only on acute inpatient bills (11x)', () => {
    expect(
      findingsOf((c) => {
        c.institutional!.billType = '131';
        c.institutional!.presentOnAdmission = [];
      }, 'INST-POA'),
    ).toEqual([]);
  });

  it('pairs interim bills with status 30 both ways', () => {
    expect(findingsOf((c) => (c.institutional!.billType = '112'), 'INST-STATUS')).toHaveLength(1);
    expect(
      findingsOf((c) => {
        c.institutional!.billType = '112';
        c.institutional!.patientStatus = '30';
      }, 'INST-STATUS'),
    ).toEqual([]);
  });

  it('keeps ICD-10-PCS procedures to inpatient bills and inside the stay', () => {
    const outpatient = findingsOf((c) => {
      c.institutional!.billType = '131';
      c.lines = c.lines.slice(1);
    }, 'INST-PROCEDURE');
    expect(outpatient[0]?.message).toMatch(/outpatient bill 131/);
    const late = findingsOf((c) => (c.institutional!.procedures[0]!.date = '2026-11-09'), 'INST-PROCEDURE');
    expect(late[0]?.message).toMatch(/outside the stay/);
  });

  it('requires the admission hour on acute inpatient bills but not on SNF bills', () => {
    const hour = (billType: string) =>
      findingsOf((c) => {
        c.institutional!.billType = billType;
        delete c.institutional!.admissionHour;
      }, 'INST-ADMISSION');
    expect(hour('111').map((f) => f.field)).toEqual(['/institutional/admissionHour']);
    expect(hour('211')).toEqual([]);
  });

  it('checks the admitting diagnosis and takes the code set release from the discharge date', () => {
    const bad = findingsOf((c) => (c.institutional!.admittingDiagnosis = 'J45'), 'DX-INVALID');
    expect(bad.map((f) => f.field)).toEqual(['/institutional/admittingDiagnosis']);
  });

  it('skips professional-only rules: pointers, the fee schedule, Place of Service', () => {
    const all = findingsOf(() => undefined);
    expect(all).toEqual([]);
  });

  it('checks ICD-10-PCS against the release of the discharge date, and says so when that release is not loaded', () => {
    const askedOn: string[] = [];
    const context = testContext();
    const fy2026Only = {
      ...context.codes!,
      inpatientProcedure: (code: string, date: string) => {
        askedOn.push(date);
        return date >= '2026-10-01'
          ? { loaded: false, valid: false, message: 'no ICD-10-PCS release loaded' }
          : context.codes!.inpatientProcedure(code, date);
      },
    };
    // Admitted and operated on in FY2026, discharged in FY2027: FY2026's answer does not apply.
    const claim = cleanInstitutionalClaim();
    claim.institutional!.statementFrom = '2026-09-28';
    claim.institutional!.statementTo = '2026-10-02';
    claim.institutional!.procedures = [{ code: '0SRD0JZ', date: '2026-09-29' }];
    const findings = scrubClaim(claim, { ...context, codes: fy2026Only }).findings;
    expect(askedOn).toEqual(['2026-10-02']);
    const warning = findings.filter((f) => f.field === '/institutional/procedures');
    expect(warning).toEqual([
      expect.objectContaining({
        code: 'CODES-NOT-LOADED',
        severity: 'warning',
        message:
          'ICD-10-PCS FY2027 not loaded: the procedures of a stay discharged 2026-10-02 were not checked',
      }),
    ]);
    // A warning, not an error: the claim stays clean and goes out once the biller overrides it.
    expect(findings.filter((f) => f.code.startsWith('INST-PROC'))).toEqual([]);
    claim.institutional!.statementTo = '2026-09-30';
    expect(
      scrubClaim(claim, { ...context, codes: fy2026Only }).findings.filter(
        (f) => f.field === '/institutional/procedures',
      ),
    ).toEqual([]);
  });
});
