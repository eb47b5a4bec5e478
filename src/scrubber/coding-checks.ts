import type { ScrubClaim, ScrubInstitutional } from './claim.ts';
import type { ScrubContext } from './context.ts';
import type { Finding } from './finding.ts';
import { checkCodes } from './rules/codes.ts';
import { checkInstitutionalCodes } from './rules/institutional-codes.ts';
import { checkModifiers } from './rules/modifiers.ts';
import { checkNcci } from './rules/ncci.ts';
import { checkPointers } from './rules/pointers.ts';

/** The codes a coder has on a visit so far: what the coding screen checks as they type. */
export interface CodedVisit {
  diagnoses: string[];
  lines: {
    procedureCode: string;
    modifiers: string[];
    units: number;
    diagnosisPointers: number[];
    serviceDate: string;
    revenueCode?: string;
  }[];
  patient: { sex?: string; dateOfBirth?: string };
  placeOfService?: string;
  /** A facility (UB-04) visit: its type of bill, stay dates, POA and ICD-10-PCS procedures. */
  institutional?: Omit<ScrubInstitutional, 'attendingProvider'>;
}

/**
 * The scrubber's code rules over a visit being coded: billable codes and 7th characters,
 * Excludes1, sex and age, diagnosis pointers, modifiers, NCCI pairs and MUE units. The same rules
 * the claim meets later, so what the coder fixes here does not come back as a claim edit. Pure.
 */
export function checkCodedVisit(visit: CodedVisit, context: ScrubContext): Finding[] {
  const claim: ScrubClaim = {
    claimId: 'coding',
    type: visit.institutional ? 'institutional' : 'professional',
    ...(visit.institutional ? { institutional: visit.institutional } : {}),
    frequencyCode: '1',
    billingProvider: {},
    payer: {},
    subscriber: {},
    patient: visit.patient,
    placeOfService: visit.placeOfService,
    diagnoses: visit.diagnoses,
    lines: visit.lines.map((l, i) => ({ ...l, lineNumber: i + 1, chargeCents: 0 })),
  };
  // A UB-04 has no diagnosis pointers, and its procedures are ICD-10-PCS with dates in the stay
  // (the facility's NCCI tables are read at the claim, where its setting is known).
  const rules = visit.institutional
    ? [checkCodes, checkInstitutionalCodes, checkModifiers]
    : [checkCodes, checkPointers, checkModifiers, checkNcci];
  return rules.flatMap((check) => check(claim, context));
}
