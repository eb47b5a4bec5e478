/** Why a balance is written off: every write-off names one (the web form reads this list too). */
export const WRITE_OFF_REASONS = [
  'small-balance',
  'timely-filing',
  'bundled',
  'non-covered',
  'bad-debt',
  'charity',
  'administrative',
  'contractual-other',
] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];
