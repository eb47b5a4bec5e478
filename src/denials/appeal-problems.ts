// The appeal letter's problems (issue 15): what the filler returns as values, never throws. Each
// code is documented in docs/problems.md (appeal-problems.test.ts checks).
import type { Problem, Severity } from '../shared/problem.ts';

export const APPEAL_PROBLEMS = {
  APPEAL_PLACEHOLDER_UNKNOWN: {
    severity: 'error',
    means:
      'The letter names a {{placeholder}} that is not one of the appeal placeholders; it would print blank, so the letter is refused.',
  },
  APPEAL_VALUE_MISSING: {
    severity: 'warning',
    means:
      'A placeholder has no value on file (a payer claim number before any 835, a member ID): the letter shows "[not on file: …]" where it stands for the biller to fill in.',
  },
} as const satisfies Record<string, { severity: Severity; means: string }>;

export type AppealProblemCode = keyof typeof APPEAL_PROBLEMS;
export type AppealProblem = Problem<AppealProblemCode>;

export function appealProblem(code: AppealProblemCode, message: string, field: string): AppealProblem {
  return { code, severity: APPEAL_PROBLEMS[code].severity, message, field };
}
