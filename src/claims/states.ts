// A claim's life as data: which state may follow which, and what moves it (a person, the
// scrubber, a batch, an acknowledgment, a remittance). Every transition is recorded with who,
// when and why.
export const CLAIM_STATES = [
  'draft',
  'scrubbed',
  'ready',
  'submitted',
  'accepted',
  'rejected',
  'paid',
  'partially_paid',
  'denied',
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
  ready: ['scrubbed', 'submitted', 'draft', 'voided'],
  submitted: ['accepted', 'rejected'],
  // A 999/277CA rejection sends the claim back to be fixed and resubmitted.
  rejected: ['draft', 'scrubbed', 'voided'],
  accepted: ['paid', 'partially_paid', 'denied', 'rejected'],
  paid: ['corrected', 'voided', 'closed'],
  partially_paid: ['corrected', 'appealed', 'voided', 'closed'],
  denied: ['corrected', 'appealed', 'voided', 'closed'],
  appealed: ['paid', 'partially_paid', 'denied', 'closed'],
  corrected: ['closed'],
  voided: ['closed'],
  closed: [],
};

export function canTransition(from: ClaimState, to: ClaimState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States a person may still edit the claim in (before it leaves, or after it came back rejected). */
export const EDITABLE_STATES: readonly ClaimState[] = ['draft', 'scrubbed', 'ready', 'rejected'];
