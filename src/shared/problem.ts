// One problem type across domains (issue 11): a stable code, a severity, where, and why. Checks
// return problems as values (the X12 validator, the code-set importers); a domain that must stop
// a request throws a ProblemError. Nothing here knows HTTP: src/http/problem.ts alone maps each
// code to a status. Every code below is documented in docs/problems.md (problem.test.ts).
import type { FieldError } from './field-error.ts';

export type { FieldError };

export type Severity = 'fatal' | 'error' | 'warning' | 'info';

/** Where a problem is: whichever of these apply. */
export interface ProblemLocation {
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column (a tab-separated field) on the line. */
  column?: number;
  /** 1-based segment position in an X12 file. */
  segmentNumber?: number;
  segmentId?: string;
  /** TR3 loop id such as 2300. */
  loop?: string;
  /** X12 element position such as CLM05-1. */
  element?: string;
  /** JSON pointer of a field in a request or a claim (/lines/0/units), or a file's column name. */
  field?: string;
  /** The record the problem is about, e.g. "claim 12". */
  resource?: string;
  /** A printed form's box: CMS-1500 item number (24E) or UB-04 form locator (FL42). */
  box?: string;
  /** 1-based service line (LX01) of a claim. */
  serviceLine?: number;
  /** The medical code the problem is about (ICD-10-CM, ICD-10-PCS, HCPCS or CPT), as checked. */
  medicalCode?: string;
  /** 1-based position of a diagnosis on the claim (its diagnosis pointer: 1 is A). */
  diagnosisPosition?: number;
}

/** Where, in a biller's words: "icd10cm/x.xml, line 3:7" or "code E11.9, diagnosis 1". */
export function describeLocation(where: ProblemLocation): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.line !== undefined)
    parts.push(`line ${where.line}${where.column !== undefined ? `:${where.column}` : ''}`);
  if (where.segmentNumber !== undefined) parts.push(`segment ${where.segmentNumber}`);
  if (where.loop !== undefined) parts.push(`loop ${where.loop}`);
  if (where.element !== undefined) parts.push(where.element);
  // A JSON pointer reads as it is; a file's column name is quoted (field "Deletion Date").
  if (where.field !== undefined)
    parts.push(`field ${where.field.startsWith('/') ? where.field : `"${where.field}"`}`);
  if (where.resource !== undefined) parts.push(where.resource);
  if (where.box !== undefined) parts.push(`box ${where.box}`);
  if (where.serviceLine !== undefined) parts.push(`service line ${where.serviceLine}`);
  if (where.medicalCode !== undefined) parts.push(`code ${where.medicalCode}`);
  if (where.diagnosisPosition !== undefined) parts.push(`diagnosis ${where.diagnosisPosition}`);
  return parts.join(', ');
}

export interface Problem<Code extends string = string> extends ProblemLocation {
  code: Code;
  severity: Severity;
  /** Why, in a biller's words. */
  message: string;
}

/** The codes a domain throws with, and what each means. */
export const ERROR_CODES = {
  UNAUTHORIZED: 'No one is logged in, or the session has ended: log in first.',
  FORBIDDEN: "The user's role, or the practice, does not allow this.",
  NOT_FOUND: 'The record does not exist, or is in a practice the user may not see.',
  INVALID: 'One or more fields are not valid; each error names its field and why.',
  CONFLICT:
    "The record's state does not allow this now (a claim already batched, a name already taken, work already running).",
  JOB_FAILED: 'Background work (a batch, an import) failed before it finished; the job log says why.',
  CLEARINGHOUSE_UNAVAILABLE:
    "The clearinghouse's real-time endpoint did not answer (unreachable, timed out, an HTTP error, or not the answer asked for); the exchange is logged.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Thrown by domain code to refuse a request: the code says which kind of refusal, the message
 * why, `errors` the fields at fault and `resource` the record. The HTTP edge turns it into
 * problem+json with the code's status.
 */
export class ProblemError extends Error implements Problem<ErrorCode> {
  readonly severity = 'error' as const;
  readonly resource?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    where: { resource?: string } = {},
  ) {
    super(message);
    this.name = 'ProblemError';
    if (where.resource) this.resource = where.resource;
  }
}

export const notFound = (what: string) =>
  new ProblemError('NOT_FOUND', `${what} not found`, [], { resource: what });
export const forbidden = (detail = 'your role does not allow this') => new ProblemError('FORBIDDEN', detail);
export const unauthorized = (detail = 'log in first') => new ProblemError('UNAUTHORIZED', detail);
export const invalid = (errors: FieldError[]) =>
  new ProblemError('INVALID', errors.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; '), errors);
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new ProblemError('CONFLICT', detail, errors);
export const jobFailed = (detail: string) => new ProblemError('JOB_FAILED', detail);
