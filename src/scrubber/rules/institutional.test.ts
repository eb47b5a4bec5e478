import { describe, expect, it } from 'vitest';
import type { ScrubClaim } from '../claim.ts';
import { scrubClaim } from '../scrub.ts';
import { cleanInstitutionalClaim, testContext } from '../testing.ts';

const findingsOf = (change: (c: ScrubClaim) => void, ruleId?: string) => {
  const claim = cleanInstitutionalClaim();
  change(claim);
  return scrubClaim(claim, testContext()).findings.filter((f) => !ruleId || f.ruleId === ruleId);
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
});
