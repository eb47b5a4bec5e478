import type { ScrubClaim } from './claim.ts';
import type { ScrubContext } from './context.ts';
import type { Finding } from './finding.ts';
import { checkCodes } from './rules/codes.ts';
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
  }[];
  patient: { sex?: string; dateOfBirth?: string };
  placeOfService?: string;
}

/**
 * The scrubber's code rules over a visit being coded: billable codes and 7th characters,
 * Excludes1, sex and age, diagnosis pointers, modifiers, NCCI pairs and MUE units. The same rules
 * the claim meets later, so what the coder fixes here does not come back as a claim edit. Pure.
 */
export function checkCodedVisit(visit: CodedVisit, context: ScrubContext): Finding[] {
  const claim: ScrubClaim = {
    claimId: 'coding',
    type: 'professional',
    frequencyCode: '1',
    billingProvider: {},
    payer: {},
    subscriber: {},
    patient: visit.patient,
    placeOfService: visit.placeOfService,
    diagnoses: visit.diagnoses,
    lines: visit.lines.map((l, i) => ({ ...l, lineNumber: i + 1, chargeCents: 0 })),
  };
  return [checkCodes, checkPointers, checkModifiers, checkNcci].flatMap((check) => check(claim, context));
}
