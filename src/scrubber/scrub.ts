import type { ScrubClaim } from './claim.ts';
import type { ScrubContext } from './context.ts';
import type { Finding } from './finding.ts';
import { checkCobBalance, checkPriorAdjudication } from './rules/cob.ts';
import { checkCodes } from './rules/codes.ts';
import { checkDates } from './rules/dates.ts';
import { checkDrugs } from './rules/drugs.ts';
import { checkDuplicates } from './rules/duplicates.ts';
import { checkEligibility } from './rules/eligibility.ts';
import { checkModifiers } from './rules/modifiers.ts';
import { checkNcci } from './rules/ncci.ts';
import { checkNpis } from './rules/npi.ts';
import { checkPayerRules } from './rules/payer-rules.ts';
import { checkPlaceOfService } from './rules/place-of-service.ts';
import { checkPointers } from './rules/pointers.ts';
import { checkRequiredData, checkResubmission } from './rules/required-data.ts';
import { checkUnitsAndCharges } from './rules/units-charges.ts';
import { checkInstitutionalCodes } from './rules/institutional-codes.ts';
import { checkInstitutionalHeader } from './rules/institutional.ts';
import { checkGlobalPeriod, checkVisitWithProcedure } from './rules/visits-and-procedures.ts';

export type ClaimCheck = (claim: ScrubClaim, context: ScrubContext) => Finding[];

/** Every check the scrubber runs, in the order a biller reads the claim (header, codes, lines). */
export const CHECKS: ClaimCheck[] = [
  checkRequiredData,
  checkResubmission,
  checkPriorAdjudication,
  checkCobBalance,
  checkEligibility,
  checkInstitutionalHeader,
  checkNpis,
  checkDates,
  checkCodes,
  checkInstitutionalCodes,
  checkPointers,
  checkModifiers,
  checkUnitsAndCharges,
  checkDrugs,
  checkPlaceOfService,
  checkDuplicates,
  checkNcci,
  checkVisitWithProcedure,
  checkGlobalPeriod,
  checkPayerRules,
];

export interface ScrubResult {
  claimId: string;
  findings: Finding[];
  /** No errors: the claim may be batched (warnings need an override with a reason). */
  clean: boolean;
}

/** Scrubs one claim: pure, so it runs the same in the API, the CLI and the benchmark. */
export function scrubClaim(
  claim: ScrubClaim,
  context: ScrubContext,
  checks: ClaimCheck[] = CHECKS,
): ScrubResult {
  const findings = checks.flatMap((check) => check(claim, context));
  return { claimId: claim.claimId, findings, clean: !findings.some((f) => f.severity === 'error') };
}
