import type { CodesetProblem } from '../problems.ts';
import type { CodeSystem } from '../release/release.ts';

export interface Completion {
  code: string;
  description: string;
}

/** The answer of validateCode: valid or not, with the problems that say why. */
export interface CodeCheck {
  system: CodeSystem;
  /** the code as checked: upper case, no dot */
  code: string;
  valid: boolean;
  billable?: boolean;
  description?: string;
  /** release version used, e.g. "2026" or "2026-JAN" */
  release?: string;
  /** for headers and codes missing a 7th character: the billable codes beneath (at most 60) */
  completions?: Completion[];
  /** how many billable codes are beneath a header (completions may be cut at 60) */
  completionCount?: number;
  problems: CodesetProblem[];
}

export const MAX_COMPLETIONS = 60;
