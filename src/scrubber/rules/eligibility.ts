import { eligibilityFinding } from '../../eligibility/index.ts';
import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, type Finding } from '../finding.ts';

const CODES = {
  ELIGIBILITY_INACTIVE: 'ELIGIBILITY-INACTIVE',
  ELIGIBILITY_REJECTED: 'ELIGIBILITY-REJECTED',
  ELIGIBILITY_NOT_CHECKED: 'ELIGIBILITY-NOT-CHECKED',
} as const;

/**
 * What the payer's last 271 says about the claim's first date of service: coverage inactive or
 * ended before it is an error, a rejected inquiry a warning, and no recent check a warning only
 * for a payer that asks for one (eligibilityCheckDays set).
 */
export function checkEligibility(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const e = context.eligibility;
  const dates = claim.lines.map((l) => l.serviceDate).filter(Boolean);
  if (!e || dates.length === 0) return [];
  if (!e.last && e.maxAgeDays === null) return [];
  const dateOfService = dates.reduce((a, b) => (b < a ? b : a));
  const f = eligibilityFinding(
    e.last,
    dateOfService,
    context.today,
    e.maxAgeDays ?? Number.POSITIVE_INFINITY,
  );
  return f ? [finding(CODES[f.code], '/subscriber/memberId', f.message)] : [];
}
