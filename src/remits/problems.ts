// The remittance domain's problem codes (issue 12). Same shape as every domain's problem: a stable
// code, a severity, where (transaction ST02, claim CLP01, service line, segment) and why. Each code
// is documented in docs/remits.md (problems.test.ts keeps the two in step).
export type RemitSeverity = 'error' | 'warning' | 'info';

export const REMIT_PROBLEMS = {
  REMIT_PAYMENT_UNBALANCED:
    'BPR02 (total paid) is not the claims paid (Σ CLP04) less the provider adjustments (Σ PLB).',
  REMIT_CLAIM_UNBALANCED:
    'A claim does not balance: CLP03 charge − CLP04 paid is not the sum of its claim and line CAS adjustments.',
  REMIT_LINE_UNBALANCED:
    'A service line does not balance: SVC02 charge − SVC03 paid is not the sum of its CAS adjustments.',
  REMIT_NOT_835: 'The file is X12 but holds no 835 transaction set.',
  REMIT_UNREADABLE: 'The file cannot be read as X12 (no ISA/ST, bad separators, or not text).',
  REMIT_REVERSAL_MISMATCH:
    'A reversal (CLP02 22) does not negate what was posted for the claim: the amounts differ.',
  REMIT_NOTHING_TO_REVERSE: 'A reversal (CLP02 22) arrived for a claim with no earlier payment posted.',
  REMIT_NO_SERVICE_LINE:
    'A claim-level amount has no stored service line to be posted against (the claim has no lines).',
} as const;

export type RemitProblemCode = keyof typeof REMIT_PROBLEMS;

/** Where in the 835 a problem is. */
export interface RemitWhere {
  /** ST02 of the 835 transaction set. */
  transaction?: string;
  /** CLP01 Patient Control Number. */
  patientControlNumber?: string;
  /** 1-based position of the claim (CLP) in the transaction. */
  claimNumber?: number;
  /** 1-based position of the service line (SVC) in the claim. */
  lineNumber?: number;
  /** 1-based segment position in the file, when the model was read from one. */
  segmentNumber?: number;
  segmentId?: string;
  element?: string;
  loop?: string;
}

export interface RemitProblem extends RemitWhere {
  code: RemitProblemCode;
  severity: RemitSeverity;
  /** Why, in a biller's words. */
  message: string;
  /** For balancing: what the other figures say the amount should be, and what the 835 says. */
  expectedCents?: number;
  foundCents?: number;
}

export function remitProblem(
  code: RemitProblemCode,
  message: string,
  where: RemitWhere & { expectedCents?: number; foundCents?: number } = {},
  severity: RemitSeverity = 'error',
): RemitProblem {
  return { code, severity, message, ...where };
}
