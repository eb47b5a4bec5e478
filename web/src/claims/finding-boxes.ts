import type { Finding } from '../api/types.ts';
import { pathOf } from '../forms/field-errors.ts';

/**
 * The CMS-1500 box a finding belongs beside, from its JSON pointer into the scrub view
 * (src/claims/scrub-view.ts): '/lines/0/modifiers' is service line 1, '/billingProvider/npi' box 33.
 */
export type Box =
  | 'payer'
  | 'insured'
  | 'patient'
  | 'referring'
  | 'diagnoses'
  | 'resubmission'
  | 'priorAuthorization'
  | 'placeOfService'
  | 'renderingProvider'
  | 'taxId'
  | 'facility'
  | 'billingProvider'
  | `ub:${UbBox}`
  | `line:${number}`
  | 'claim';

/** The UB-04 form locators the institutional findings belong beside. */
export type UbBox = 'billType' | 'admission' | 'status' | 'poa' | 'procedures' | 'attending' | 'dates';
const UB_BOX: Record<string, UbBox> = {
  billType: 'billType',
  admissionDate: 'admission',
  admissionHour: 'admission',
  admissionType: 'admission',
  admissionSource: 'admission',
  admittingDiagnosis: 'admission',
  patientStatus: 'status',
  presentOnAdmission: 'poa',
  procedures: 'procedures',
  attendingProvider: 'attending',
  occurrenceSpans: 'dates',
};

export function boxOf(finding: Pick<Finding, 'field' | 'lines'>, lineNumbers: number[]): Box {
  const [head, index] = pathOf(finding.field);
  switch (head) {
    case 'lines':
      // The pointer indexes the scrub view's lines, in line-number order; the box is the LX01 number.
      if (typeof index === 'number') return `line:${lineNumbers[index] ?? index + 1}`;
      break;
    case 'payer':
      return 'payer';
    case 'subscriber':
      return 'insured';
    case 'patient':
      return 'patient';
    case 'referringProvider':
      return 'referring';
    case 'diagnoses':
      return 'diagnoses';
    case 'frequencyCode':
    case 'payerClaimNumber':
      return 'resubmission';
    case 'priorAuthorization':
      return 'priorAuthorization';
    case 'placeOfService':
      return 'placeOfService';
    case 'renderingProvider':
      return 'renderingProvider';
    case 'facility':
      return 'facility';
    case 'billingProvider':
      return index === 'taxId' ? 'taxId' : 'billingProvider';
    case 'institutional':
      if (typeof index === 'string' && UB_BOX[index]) return `ub:${UB_BOX[index]}`;
      break;
  }
  const [line] = finding.lines;
  return line === undefined ? 'claim' : `line:${line}`;
}

/** Findings grouped by the box they belong beside. */
export function findingsByBox(findings: Finding[], lineNumbers: number[]): Map<Box, Finding[]> {
  const byBox = new Map<Box, Finding[]>();
  for (const f of findings) {
    const box = boxOf(f, lineNumbers);
    byBox.set(box, [...(byBox.get(box) ?? []), f]);
  }
  return byBox;
}
