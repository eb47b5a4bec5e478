import type { Problem } from '../../shared/problem.ts';

/**
 * What the NCCI code reports. Importers report bad rows as `NcciProblem` values (file, line,
 * field, why) and keep reading. The PTP and MUE checks return `NcciFinding` values shaped like the
 * scrubber's findings (rule id, severity, service lines, message, fix hint) so the scrubber can
 * pass them on as they are. The two catalogues below are the single lists of codes and rule ids;
 * `problems.test.ts` checks each one is documented in README.md.
 */
export type Severity = 'error' | 'warning' | 'info';

export const NCCI_PROBLEMS = {
  // file problems (importers)
  'NCCI-FILE-UNREADABLE': 'The file could not be read or decompressed.',
  'NCCI-FILE-TRUNCATED': 'The file was cut short: it ends in the middle of a row, or holds no rows.',
  'NCCI-HEADER': 'The column header row is missing or does not match the official layout.',
  'NCCI-ROW-MALFORMED': 'A row does not follow the official layout; it was not loaded.',
  'NCCI-TOO-MANY-PROBLEMS': 'More problems than the report lists; the rest are counted, not listed.',
} as const;

/** The claim checks: what each finds, and the CMS source it implements. */
export const NCCI_RULES = {
  'NCCI-PTP': {
    title: 'Two services on the same date of service form an active NCCI procedure-to-procedure edit.',
    source: 'Medicare NCCI PTP edits (quarterly files); NCCI Policy Manual ch. I §E',
  },
  'MUE-LINE': {
    title: 'The units on one service line exceed the MUE value (MUE adjudication indicator 1).',
    source: 'Medicare NCCI MUE files, MUE adjudication indicator 1',
  },
  'MUE-DAY': {
    title:
      'The units of a code on one date of service exceed the MUE value (MUE adjudication indicator 2 or 3).',
    source: 'Medicare NCCI MUE files, MUE adjudication indicators 2 and 3',
  },
} as const;

export type NcciRuleId = keyof typeof NCCI_RULES;

/** A claim finding of the PTP or MUE check: the shared problem type with the rule id as its code. */
export interface NcciFinding extends Problem<NcciRuleId> {
  severity: 'error' | 'warning';
  /** service line numbers (LX01) the finding names */
  lines: number[];
  /** what is wrong, in a biller's words */
  message: string;
  fixHint: string;
  /** claim adjustment reason code a payer would likely deny with (236 PTP, 151 MUE) */
  carc: string;
}

export type NcciProblemCode = keyof typeof NCCI_PROBLEMS;

/** Where a problem was found: a position in an NCCI file, or service lines on a claim. */
export interface NcciWhere {
  file?: string;
  /** 1-based line of the file */
  line?: number;
  /** 1-based column (tab-separated field) */
  column?: number;
  /** the field name as the CMS column header prints it, e.g. "Deletion Date" */
  field?: string;
}

/** The shared problem type (src/shared/problem.ts), located in the file (NcciWhere). */
export interface NcciProblem extends Problem<NcciProblemCode>, NcciWhere {
  severity: Severity;
}

export function ncciProblem(
  code: NcciProblemCode,
  where: NcciWhere,
  why: string,
  severity: Severity = 'error',
): NcciProblem {
  return { code, severity, ...where, message: why };
}
