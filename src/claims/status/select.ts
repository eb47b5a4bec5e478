// Which claims get a 276: submitted (or accepted by the 277CA) longer ago than the payer's
// statusInquiryDays, still without an 835, and not asked about within those days. Pure: the
// caller loads the candidates and says what day it is.
import { addDays } from '../../shared/dates.ts';
import { isIn, type ClaimState } from '../states.ts';

/** States a claim waits for its 835 in: once posted it is paid, partially paid or denied. */
export const AWAITING_REMITTANCE: readonly ClaimState[] = ['submitted', 'accepted'];

export interface StatusCandidate {
  claimId: number;
  state: string;
  /** The day the claim became submitted (its file reached the clearinghouse). */
  submittedOn: string;
  /** The payer's statusInquiryDays. */
  inquiryDays: number;
  /** The day of the last 276 that asked about it, if any. */
  lastAskedOn: string | null;
}

/** Why a candidate is not due, or null when it is: for the job's output and the tests. */
export function notDueBecause(c: StatusCandidate, today: string): string | null {
  if (!isIn(AWAITING_REMITTANCE, c.state)) return `${c.state}: not waiting for an 835`;
  // "More than N days ago": submitted on today − N is not due yet.
  if (c.submittedOn >= addDays(today, -c.inquiryDays))
    return `submitted ${c.submittedOn}, not more than ${c.inquiryDays} days ago`;
  // "Within the last N days": asked on today − N is no longer within them.
  if (c.lastAskedOn !== null && c.lastAskedOn > addDays(today, -c.inquiryDays))
    return `asked ${c.lastAskedOn}, within the last ${c.inquiryDays} days`;
  return null;
}

/** The candidates due a status inquiry today, in the order given. */
export function claimsDueForStatus<T extends StatusCandidate>(candidates: readonly T[], today: string): T[] {
  return candidates.filter((c) => notDueBecause(c, today) === null);
}
