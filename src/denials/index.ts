// What other domains use of denials: posting an 835 opens one per denied service line; a 277 that
// needs action puts the claim on the follow-up queue.
export {
  openDenials,
  openRejectionDenial,
  listDenials,
  resolveDenialIn,
  type NewDenial,
  type Rejection,
  type DenialRow,
} from './store.ts';
export {
  openFollowUp,
  listFollowUps,
  closeFollowUp,
  closeFollowUpIn,
  type NewFollowUp,
  type FollowUpView,
} from './follow-ups.ts';
// The RARC list: read from X12's CSV layout and imported (the CLI's `denials rarc import`).
export { readRarcCsv, type RemarkCodeRecord } from './rarc.ts';
export { importRemarkCodes } from './mapping-store.ts';
