// Public API of the remittance domain's pure core: balancing, matching and the posting plan of an
// 835. Storage, import and posting build on these (issue 12).
export {
  balanceRemittance,
  balanceClaim,
  balanceLine,
  claimAdjustments,
  sumCents,
  type RemittanceBalance,
  type ClaimBalance,
} from './balance.ts';
export {
  matchClaimPayment,
  matchLines,
  serviceDateOf,
  type CandidateClaim,
  type CandidateLine,
  type ClaimMatch,
  type ClaimMatchHow,
  type MatchedLine,
  type UnmatchedLine,
  type UnmatchedLineReason,
  type LineMatchHow,
} from './match.ts';
export {
  planClaimPosting,
  claimStatusOf,
  KIND_OF_GROUP,
  type PlannedEntry,
  type PostedRemitEntry,
  type ClaimContext,
  type DenialIntent,
  type ClaimPaymentStatus,
  type PostingPlan,
} from './plan.ts';
export { planProviderAdjustments, PLB_REASONS, type PayerContext } from './plb.ts';
export { allocate } from './allocate.ts';
export { REMIT_PROBLEMS, type RemitProblem, type RemitProblemCode, type RemitWhere } from './problems.ts';
export { importEra, type ImportOptions } from './import.ts';
// The EOB of a claim (every 835 claim payment on it): an appeal cites the payer's claim number.
export { claimPaymentsOfClaim } from './views.ts';
