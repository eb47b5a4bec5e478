// A claim's life as data: which state may follow which, and what moves it (a person, the
// scrubber, a batch, an acknowledgment, a remittance). Every transition is recorded with who,
// when and why.
export const CLAIM_STATES = [
  'draft',
  'scrubbed',
  'ready',
  'batched',
  'submitted',
  'accepted',
  'rejected',
  'paid',
  'partially_paid',
  'denied',
  'reversed',
  'corrected',
  'voided',
  'appealed',
  'closed',
] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const TRANSITIONS: Record<ClaimState, readonly ClaimState[]> = {
  draft: ['scrubbed', 'voided'],
  // Scrubbed with errors stays scrubbed; with none (or warnings overridden) it becomes ready.
  scrubbed: ['scrubbed', 'ready', 'draft', 'voided'],
  // Written into an 837 batch file: submitted only once the file has reached the clearinghouse
  // (uploaded, marked sent by hand, or answered by a TA1/999/277CA). A batch that could not be
  // sent releases its claims back to ready, to go out in another.
  ready: ['scrubbed', 'batched', 'draft', 'voided'],
  batched: ['submitted', 'ready'],
  submitted: ['accepted', 'rejected'],
  // A 999/277CA rejection sends the claim back to be fixed and resubmitted.
  rejected: ['draft', 'scrubbed', 'voided'],
  accepted: ['paid', 'partially_paid', 'denied', 'rejected'],
  // An 835 reversal (CLP02 22) takes the payment back; the corrected payment that follows re-adjudicates.
  paid: ['corrected', 'voided', 'closed', 'reversed'],
  partially_paid: ['corrected', 'appealed', 'voided', 'closed', 'reversed'],
  denied: ['corrected', 'appealed', 'voided', 'closed', 'reversed'],
  reversed: ['paid', 'partially_paid', 'denied', 'corrected', 'voided', 'closed'],
  appealed: ['paid', 'partially_paid', 'denied', 'closed', 'reversed'],
  corrected: ['closed'],
  voided: ['closed'],
  closed: [],
};

export function canTransition(from: ClaimState, to: ClaimState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States a person may still edit (and scrub again) the claim in: before it leaves, or after it came back rejected. */
export const EDITABLE_STATES: readonly ClaimState[] = ['draft', 'scrubbed', 'ready', 'rejected'];

/** States a claim is open in for its encounter and coverage: a new claim for the pair waits for it. */
export const OPEN_STATES: readonly ClaimState[] = [
  'draft',
  'scrubbed',
  'ready',
  'batched',
  'submitted',
  'accepted',
];

/** States the payer has adjudicated the claim in: corrected or voided by a new claim, not edited. */
export const ADJUDICATED_STATES: readonly ClaimState[] = ['paid', 'partially_paid', 'denied'];

/** States after the primary payer's remittance: a secondary claim may follow. */
export const REMITTED_STATES: readonly ClaimState[] = [...ADJUDICATED_STATES, 'closed'];

/** States the claim has left in (sent to the payer, or in a batch file on its way): its services count as already submitted. */
export const SUBMITTED_STATES: readonly ClaimState[] = [
  'batched',
  'submitted',
  'accepted',
  'paid',
  'partially_paid',
  'denied',
  'appealed',
  'reversed',
  'closed',
];

/** The states a person moves a claim to by hand; the rest follow from scrubbing, batches, 999/277CA and 835. */
export const MANUAL_STATES = [
  'draft',
  'voided',
  'appealed',
  'closed',
] as const satisfies readonly ClaimState[];

/** Whether a state (a string from storage or a request) is in a named set. */
export const isIn = (set: readonly ClaimState[], state: string): boolean => set.includes(state as ClaimState);
