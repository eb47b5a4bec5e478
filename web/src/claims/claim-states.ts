import {
  EDITABLE_STATES,
  isIn,
  MANUAL_STATES,
  TRANSITIONS,
  type ClaimState,
} from '../../../src/claims/states.ts';

/** Tag colours by claim state: in progress blue, ready green, out the door purple, problems red. */
export const STATE_COLORS: Record<ClaimState, string> = {
  draft: 'default',
  scrubbed: 'processing',
  ready: 'success',
  // In a batch file, not yet at the clearinghouse: the upload (or the biller marking it sent) submits it.
  batched: 'gold',
  submitted: 'purple',
  accepted: 'geekblue',
  rejected: 'error',
  paid: 'green',
  partially_paid: 'lime',
  denied: 'volcano',
  reversed: 'magenta',
  corrected: 'cyan',
  voided: 'default',
  appealed: 'orange',
  closed: 'default',
};

/** A state in a biller's words: "in batch" rather than the stored "batched". */
export const stateLabel = (state: string) => (state === 'batched' ? 'in batch' : state.replace('_', ' '));

/** The moves a person may make from a state (back to draft, void, appeal, close), as the server allows. */
export const MANUAL_MOVES: Record<(typeof MANUAL_STATES)[number], string> = {
  draft: 'Back to draft',
  voided: 'Void claim',
  appealed: 'Appeal',
  closed: 'Close claim',
};

export function manualMoves(state: string): (typeof MANUAL_STATES)[number][] {
  const allowed = TRANSITIONS[state as ClaimState] ?? [];
  return MANUAL_STATES.filter((s) => allowed.includes(s));
}

export const isEditable = (state: string) => isIn(EDITABLE_STATES, state);

/** CMS-1500 box 21 and 24E: diagnoses are lettered A–L. */
export const pointerLetter = (n: number) => String.fromCharCode(64 + n);
