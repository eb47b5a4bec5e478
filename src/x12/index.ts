// Public API of the X12 engine: pure functions on text/bytes and plain objects (no database, no HTTP).
export { parseX12, transactionsOf, type X12Document, type ParseOptions } from './engine/parse.ts';
export { tokenize, SegmentSplitter, toText } from './engine/tokenizer.ts';
export { streamSegments, streamSegmentBatches, fileSource, type ByteSource } from './engine/stream.ts';
export {
  validateX12,
  validateStream,
  asValidation,
  type ValidationResult,
  type TransactionResult,
  type StreamSummary,
  type X12Input,
} from './engine/validate.ts';
export {
  writeInterchange,
  formatSegment,
  MemoryControlNumbers,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from './engine/writer.ts';
export type { Delimiters, Segment } from './engine/types.ts';
export type { Interchange, FunctionalGroup, TransactionSet } from './engine/envelope.ts';
export type { LoopNode } from './engine/tree.ts';
export { parseCents, formatCents, type Cents } from './engine/money.ts';
export type { IsoDate, DatePeriod } from './engine/dates.ts';
export { PROBLEM_CODES, type X12Problem, type ProblemCode, type Severity } from './problems.ts';
export { findMap, MAPS } from './maps/index.ts';
export { parse837, type Parse837Result, type Parsed837Transaction } from './transactions/837.ts';
export {
  generate837,
  write837,
  claimsToSegments,
  type Generate837Options,
  type Write837Options,
  type Transaction837,
  type Guide,
} from './transactions/837-generate.ts';
export type * from './transactions/837-types.ts';
export { parse835, parse835Async, type Parse835Result } from './transactions/835.ts';
export type * from './transactions/835-types.ts';
export { write835, remittanceToSegments, type Write835Options } from './transactions/835-generate.ts';
export {
  parse999,
  type Parse999Result,
  type ImplementationAck,
  type TransactionAck,
  type SegmentError,
  type ElementError,
  type SituationalTrigger,
  type BusinessUnit,
} from './transactions/999.ts';
export { generate999, type Generate999Options } from './transactions/999-generate.ts';
export {
  parse277CA,
  type Parse277CAResult,
  type ClaimAcknowledgment,
  type ClaimAck,
  type ClaimStatus,
} from './transactions/277ca.ts';
export {
  write277CA,
  acknowledgmentToSegments,
  type Acknowledgment277CA,
  type ClaimAckToWrite,
  type ProviderAckToWrite,
  type StatusToWrite,
  type Write277CAOptions,
} from './transactions/277ca-generate.ts';
export { parseTA1, type ParseTA1Result, type InterchangeAck } from './transactions/ta1.ts';
export {
  STATUS_CATEGORIES,
  STATUS_CODES,
  STATUS_ENTITIES,
  words,
  familyOf,
  statusInWords,
  type StatusFamily,
} from './status-codes.ts';
export type * from './transactions/eligibility-types.ts';
export { parse270, type Parse270Result } from './transactions/270.ts';
export { write270, eligibilityRequestToSegments, type Write270Options } from './transactions/270-generate.ts';
export { parse271, type Parse271Result } from './transactions/271.ts';
export {
  write271,
  eligibilityResponseToSegments,
  type Write271Options,
} from './transactions/271-generate.ts';
export {
  summarize271,
  percentOf,
  type EligibilitySummary,
  type Accumulators,
  type AmountAndRemaining,
  type CostShare,
  type RejectionInWords,
  type Network,
} from './eligibility-summary.ts';
export { BENEFIT_CODES, SERVICE_TYPES, REJECT_REASONS, FOLLOW_UP } from './eligibility-codes.ts';
export type * from './transactions/claim-status-types.ts';
export { parse276, type Parse276Result } from './transactions/276.ts';
export { write276, claimStatusRequestToSegments, type Write276Options } from './transactions/276-generate.ts';
export { parse277, type Parse277Result } from './transactions/277.ts';
export {
  write277,
  claimStatusResponseToSegments,
  type Write277Options,
} from './transactions/277-generate.ts';
export { summarize277, type ClaimStatusSummary } from './claim-status-summary.ts';
