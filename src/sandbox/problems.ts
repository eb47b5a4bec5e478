// The sandbox's problem codes: the shared problem type (src/shared/problem.ts), one catalogue, each
// code documented in docs/problems.md (problems.test.ts keeps the two in step).
import type { Problem, ProblemLocation } from '../shared/problem.ts';

export const SANDBOX_PROBLEMS = {
  SANDBOX_SCENARIO_INVALID:
    'A value in the scenario file is not valid; the problem names its field (a JSON pointer such as /payers/DEMO-BCBS/feeSchedule/99213) and why.',
  SANDBOX_SCENARIO_UNREADABLE: 'The scenario file cannot be read, or is not JSON.',
} as const;

export type SandboxProblemCode = keyof typeof SANDBOX_PROBLEMS;
export type SandboxProblem = Problem<SandboxProblemCode>;

export const sandboxProblem = (
  code: SandboxProblemCode,
  message: string,
  where: ProblemLocation = {},
): SandboxProblem => ({ code, severity: 'error', ...where, message });
