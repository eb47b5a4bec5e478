// The wage file importer's problems, returned as values (never thrown). Each code is documented in
// docs/problems.md (bls-file.test.ts checks).
import type { Problem, Severity } from '../shared/problem.ts';

export const WAGE_PROBLEMS = {
  WAGE_FILE_LAYOUT_UNKNOWN: {
    severity: 'error',
    means:
      'The file is not a BLS OEWS or Employment Projections CSV of the known layouts (its header lacks OCC_CODE with RELEASE, or PROJECTION_PERIOD); it is not imported.',
  },
  WAGE_FILE_UNREADABLE: {
    severity: 'error',
    means: 'The file cannot be read as CSV (an unclosed quote, a broken line); nothing of it is imported.',
  },
  WAGE_CELL_UNREADABLE: {
    severity: 'error',
    means:
      'A wage or employment cell is neither a number nor one of the BLS special codes (*, **, #, ~); the file is not imported.',
  },
  WAGE_ROW_KEY_MISSING: {
    severity: 'error',
    means:
      'A row lacks its release, area or occupation code, so it cannot be keyed; the file is not imported.',
  },
  WAGE_ROW_DUPLICATE: {
    severity: 'error',
    means:
      'Two rows of the file have the same release, area, industry, ownership and occupation; the file is not imported.',
  },
} as const satisfies Record<string, { severity: Severity; means: string }>;

export type WageProblemCode = keyof typeof WAGE_PROBLEMS;
export type WageProblem = Problem<WageProblemCode>;

export function wageProblem(
  code: WageProblemCode,
  message: string,
  where: Omit<WageProblem, 'code' | 'severity' | 'message'>,
): WageProblem {
  return { code, severity: WAGE_PROBLEMS[code].severity, message, ...where };
}
