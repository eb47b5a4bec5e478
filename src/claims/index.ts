// What other domains use of claims.
export { claimServiceLines, type ClaimServiceLines } from './service-lines.ts';
export {
  claimsForRemittance,
  claimsForPatientVisit,
  claimForRemittance,
  moveClaimByRemittance,
  moveClaimsByRemittance,
  type RemittanceCandidate,
  type RemittanceMove,
  type RemittanceCandidateLine,
} from './remittance.ts';
export type { ClaimState } from './states.ts';
export type { ClaimLookups } from './scrub-view.ts';
export { createSecondaryClaim, createSecondaryClaims, type SecondaryClaimInput } from './secondary.ts';
export { claimsWithNextPayer } from './next-payer.ts';
export type { ClaimCob, PaidLine, PriorAdjudication, PriorLineAdjudication } from './cob.ts';
export {
  batchForDelivery,
  batchesNotSent,
  markBatchSent,
  recordUploadFailure,
  type BatchForDelivery,
} from './batch-delivery.ts';
export {
  applyAcknowledgment,
  applyAcknowledgmentIn,
  type AcknowledgmentFile,
  type AcknowledgmentOutcome,
} from './acks/apply.ts';
export { acknowledgmentInboundHandler, ACK_KINDS } from './acks/inbound.ts';
export { submitterEnvelope } from './submitter.ts';
export { claimLabels, type ClaimLabel } from './labels.ts';
export { claimStatusBatchDelivery } from './status/delivery.ts';
export { claimStatusInboundHandler, type ClaimStatusOutcome } from './status/inbound.ts';
export {
  claimStatusJobs,
  scheduleStatusInquiries,
  STATUS_JOB,
  type ClaimStatusJobHooks,
  type StatusInquiryJob,
} from './status/jobs.ts';
export { claimFactsFor, historyFacts, type ClaimFacts, type ClaimFactsQuery } from './dashboard-facts.ts';
export { notDueBecause, type StatusCandidate } from './status/select.ts';
export { statusCandidates } from './status/batch.ts';
export { claimAmounts, claimLineOf, paidClaimLines, rejectedClaims } from './queue-reads.ts';
export { claimForLetter, noteOnClaim, replaceStoredClaim, type ClaimForLetter } from './correspondence.ts';
export type { ReplacementInput } from './replace.ts';
export { claimsSubmittedByMonth } from './submitted-by-month.ts';
