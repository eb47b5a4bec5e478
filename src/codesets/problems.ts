import { describeLocation, type Problem, type ProblemLocation } from '../shared/problem.ts';

/**
 * The code-set domain's problems: the shared problem type with the codes below. Every importer
 * rejects a bad file with a `CodesetProblem` (wrapped in `CodesetFileError` so an async iterable
 * can stop), and every validation or claim edit returns `CodesetProblem` values. The catalogue
 * below is the single list of codes; `problems.test.ts` checks each one is documented in
 * docs/codesets.md.
 */
export type Severity = 'error' | 'warning' | 'info';

export const CODESET_PROBLEMS = {
  // file problems (importers)
  FILE_UNREADABLE: 'The file could not be read or decompressed (gzip stream corrupt or cut short).',
  FILE_TRUNCATED: 'The file ends in the middle of a record or element.',
  RECORD_MALFORMED: 'A record does not follow the official layout.',
  XML_MALFORMED: 'The XML is not well formed.',
  XML_UNEXPECTED: 'The XML is well formed but does not follow the official schema.',
  TRAILER_MISMATCH: 'The counts in the trailer do not match the records read.',
  // code validation
  CODE_FORMAT: 'The code does not have the format of its code system.',
  CODE_UNKNOWN: 'The code is not in the release that covers the date of service.',
  CODE_HEADER: 'The code is a category or subcategory header, not billable.',
  CODE_NEEDS_7TH: 'The code needs a 7th character.',
  CODE_PARTIAL: 'The index gives only the first characters of the code: complete it from the table.',
  CODE_NOT_ACTIVE: 'The code is not active on the date of service.',
  PCS_AXIS_INVALID: 'No ICD-10-PCS table row allows this combination of axis values.',
  NO_RELEASE: 'No loaded release covers the date of service.',
  CPT_FORMAT_ONLY:
    'CPT codes are checked by format only: the AMA-licensed CPT data file is not imported for the date of service.',
  // claim edits
  EXCLUDES1: 'Two codes on the claim form an Excludes1 pair and may not be reported together.',
  MANIFESTATION_FIRST: 'A manifestation code may not be first-listed; code the underlying condition first.',
  SEX_CONFLICT: "The diagnosis is inconsistent with the patient's sex.",
  AGE_CONFLICT: "The diagnosis is inconsistent with the patient's age.",
  TABULAR_NOT_IMPORTED: 'Tabular notes are not imported, so this edit could not be checked.',
} as const;

export type CodesetProblemCode = keyof typeof CODESET_PROBLEMS;

/** Where a code-set problem is: a position in a file, or a medical code (and its place) on a claim. */
export type CodesetWhere = Pick<
  ProblemLocation,
  'file' | 'line' | 'column' | 'medicalCode' | 'diagnosisPosition'
>;

/** The shared problem type (src/shared/problem.ts), located in a file or at a medical code. */
export interface CodesetProblem extends Problem<CodesetProblemCode>, CodesetWhere {
  severity: Severity;
  /** Claim adjustment reason code the payer would likely use for this problem, when one fits. */
  carc?: string;
}

export function problem(
  code: CodesetProblemCode,
  where: CodesetWhere,
  message: string,
  severity: Severity = 'error',
  carc?: string,
): CodesetProblem {
  return { code, severity, ...where, message, ...(carc === undefined ? {} : { carc }) };
}

/**
 * Thrown by importers (async iterables cannot return a value mid-stream). It carries the problem
 * value so the caller can store or show it; the message names file, position and reason.
 */
export class CodesetFileError extends Error {
  readonly problem: CodesetProblem;
  constructor(p: CodesetProblem) {
    super(`${describeLocation(p)}: ${p.message}`);
    this.name = 'CodesetFileError';
    this.problem = p;
  }
}

export function fileError(code: CodesetProblemCode, where: CodesetWhere, message: string): CodesetFileError {
  return new CodesetFileError(problem(code, where, message));
}
