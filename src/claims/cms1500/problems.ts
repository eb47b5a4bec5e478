import type { Problem } from '../../shared/problem.ts';

/**
 * Problems found while filling the 1500 form. A problem is a value, never a throw: the form
 * still prints and the biller reads why a box may be wrong.
 */
export type Severity = 'error' | 'warning';

export const CMS1500_PROBLEMS = {
  FIELD_TRUNCATED: ['warning', 'The value is longer than the box on the form and prints cut short.'],
  TOO_MANY_DIAGNOSES: ['error', 'Item 21 has room for 12 diagnoses (A-L); the rest are not printed.'],
  POINTER_OUT_OF_RANGE: ['error', 'A diagnosis pointer in item 24E points past the diagnoses in item 21.'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type Cms1500ProblemCode = keyof typeof CMS1500_PROBLEMS;

/** The shared problem type (src/shared/problem.ts), located by the form's box. */
export interface Cms1500Problem extends Problem<Cms1500ProblemCode> {
  severity: Severity;
  /** NUCC item number, e.g. '26', '24E' */
  box: string;
  /** 1-based service line, for item 24 */
  serviceLine?: number;
}

export function cms1500Problem(
  code: Cms1500ProblemCode,
  box: string,
  why: string,
  serviceLine?: number,
): Cms1500Problem {
  const [severity] = CMS1500_PROBLEMS[code];
  return { code, severity, box, message: why, ...(serviceLine === undefined ? {} : { serviceLine }) };
}
