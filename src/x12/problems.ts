/**
 * The one catalogue of X12 problem codes. Every code here is documented in docs/x12.md
 * (problems.test.ts checks that). Codes are stable: callers store them.
 */
import type { Problem, Severity } from '../shared/problem.ts';

export type { Severity };

/** The shared problem type (src/shared/problem.ts) with what an X12 problem adds for the 999/TA1. */
export interface X12Problem extends Problem<ProblemCode> {
  code: ProblemCode;
  severity: Severity;
  /** Why, in a biller's words. */
  message: string;
  /** 1-based segment position in the file. */
  segmentNumber?: number;
  /** 1-based position within the transaction set, counting ST as 1 (999 IK302). */
  positionInSet?: number;
  line?: number;
  segmentId?: string;
  /** TR3 loop id such as 2300. */
  loop?: string;
  /** Element position such as CLM05-1. */
  element?: string;
  /** TR3 / dictionary element name. */
  elementName?: string;
  /** ST02 of the transaction set the problem is in. */
  transaction?: string;
  /** 999 IK304 segment syntax error code, IK403 element syntax error code, or TA105 note code. */
  ik3?: string;
  ik4?: string;
  ta1?: string;
  /** The offending value, cut to 99 characters (IK404). */
  value?: string;
  /** The business unit the problem is in, e.g. { name: 'CLM01', value: patient control number } (999 CTX Business Unit Identifier). */
  businessUnit?: { name: string; value: string };
  /** For a TR3 situational rule: the segment/element whose value made this required (999 CTX Segment Context). */
  trigger?: { segmentId: string; positionInSet: number; loop?: string; element?: string };
}

/** code → [default severity, description, 999/TA1 code family]. */
export const PROBLEM_CODES = {
  X12_NOT_X12: [
    'fatal',
    'Input does not start with an ISA (or ST) segment; nothing could be read.',
    'TA1 024',
  ],
  X12_BAD_ISA: ['fatal', 'ISA header is incomplete; separators cannot be read.', 'TA1 022'],
  X12_BAD_DELIMITERS: [
    'fatal',
    'Separators in the ISA are not distinct or are letters/digits.',
    'TA1 026/027',
  ],
  X12_SEGMENT_TOO_LONG: [
    'fatal',
    'No segment terminator within 1 MiB; the rest of the input cannot be read.',
    'TA1 023',
  ],
  X12_NO_ENVELOPE: ['warning', 'File has no ISA/GS envelope; read with default separators.', '-'],
  X12_ISA_IEA_MISMATCH: ['error', 'IEA02 does not match ISA13 interchange control number.', 'TA1 001'],
  X12_IEA_COUNT: ['error', 'IEA01 does not equal the number of functional groups.', 'TA1 021'],
  X12_IEA_MISSING: ['error', 'Interchange has no IEA trailer (file truncated?).', 'TA1 023'],
  X12_GS_GE_MISMATCH: ['error', 'GE02 does not match GS06 group control number.', 'AK905 4'],
  X12_GE_COUNT: ['error', 'GE01 does not equal the number of transaction sets.', 'AK905 5'],
  X12_GE_MISSING: ['error', 'Functional group has no GE trailer.', 'AK905 3'],
  X12_ST_SE_MISMATCH: ['error', 'SE02 does not match ST02 transaction set control number.', 'IK502 3'],
  X12_SE_COUNT: ['error', 'SE01 does not equal the number of segments from ST to SE.', 'IK502 4'],
  X12_SE_MISSING: ['error', 'Transaction set has no SE trailer.', 'IK502 2'],
  X12_OUTSIDE_ENVELOPE: ['error', 'Segment appears outside the envelope level where it belongs.', 'IK304 2'],
  X12_UNKNOWN_SEGMENT: ['error', 'Segment id is not an X12 segment id.', 'IK304 1'],
  X12_NO_MAP: ['warning', 'No guide map for this transaction set; only the envelope was checked.', '-'],
  X12_ERRATA_FALLBACK: [
    'info',
    'Guide id is an errata or pre-addenda version; checked with the base guide.',
    '-',
  ],
  X12_VERSION_MISMATCH: ['warning', 'GS08 and ST03 name different guides.', '-'],
  X12_UNEXPECTED_SEGMENT: ['error', 'Segment is not expected here by the guide.', 'IK304 2'],
  X12_SEGMENT_MISSING: ['error', 'A required segment is missing.', 'IK304 3'],
  X12_LOOP_MISSING: ['error', 'A required loop is missing.', 'IK304 3'],
  X12_LOOP_REPEAT: ['error', 'Loop occurs more often than the guide allows.', 'IK304 4'],
  X12_SEGMENT_REPEAT: ['error', 'Segment occurs more often than the guide allows.', 'IK304 5'],
  X12_SEGMENT_NOT_USED: ['error', 'Segment the guide marks Not Used is present.', 'IK304 I4'],
  X12_SITUATIONAL_MISSING: [
    'error',
    'A segment the TR3 requires in this situation is missing (e.g. 2300 REF*F8 when CLM05-3 is 7 or 8).',
    'IK304 I6',
  ],
  X12_ELEMENT_MISSING: ['error', 'A required element is empty.', 'IK403 1'],
  X12_ELEMENT_NOT_USED: ['error', 'Element the guide marks Not Used has a value.', 'IK403 I10'],
  X12_TOO_MANY_ELEMENTS: ['error', 'Segment has more elements than defined.', 'IK403 3'],
  X12_TOO_SHORT: ['error', 'Element is shorter than its minimum length.', 'IK403 4'],
  X12_TOO_LONG: ['error', 'Element is longer than its maximum length.', 'IK403 5'],
  X12_CONDITION_MISSING: [
    'error',
    'An element required by a relational condition (X12.6 syntax note, e.g. P0809) is empty.',
    'IK403 2',
  ],
  X12_EXCLUSION: [
    'error',
    'Elements that exclude each other (X12.6 E condition) are both present.',
    'IK403 10',
  ],
  X12_BAD_CODE: ['error', 'Element value is not one of the codes the guide allows.', 'IK403 7'],
  X12_BAD_DATE: ['error', 'Element is not a valid date (CCYYMMDD).', 'IK403 8'],
  X12_BAD_TIME: ['error', 'Element is not a valid time (HHMM[SS[d..]]).', 'IK403 9'],
  X12_BAD_NUMBER: ['error', 'Element is not a valid number for its type (N0/N2/R).', 'IK403 6'],
  X12_HL_PARENT: ['error', 'HL02 names a parent HL that does not exist.', 'IK304 8'],
  X12_HL_CHILD_CODE: [
    'error',
    'HL04 hierarchical child code does not match whether subordinate HLs follow.',
    'IK403 7',
  ],
  X12_TOO_MANY_PROBLEMS: ['warning', 'More problems than the report limit; the rest were not listed.', '-'],
  X12_CLAIM_UNBALANCED: [
    'error',
    'CLM02 total claim charge does not equal the sum of the service line charges (TR3 2300 CLM02 note).',
    '-',
  ],
  X12_BAD_AMOUNT: ['error', 'Amount is not a decimal number.', 'IK403 6'],
} as const satisfies Record<string, readonly [Severity, string, string]>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const DEFAULT_PROBLEM_LIMIT = 100;

/** Bounded problem list: stops listing past `limit` and notes that it did. */
export class ProblemList {
  readonly items: X12Problem[] = [];
  private dropped = 0;
  constructor(readonly limit = DEFAULT_PROBLEM_LIMIT) {}

  add(
    code: ProblemCode,
    message: string,
    where: Omit<X12Problem, 'code' | 'message' | 'severity'> = {},
  ): void {
    if (this.items.length >= this.limit) {
      this.dropped++;
      return;
    }
    const [severity, , family] = PROBLEM_CODES[code];
    const ack = ackCodes(family);
    const p: X12Problem = { code, severity, message, ...ack, ...where };
    // The walker's location object always has these keys (one shape per segment); drop them when unset.
    if (p.businessUnit === undefined) delete p.businessUnit;
    if (p.trigger === undefined) delete p.trigger;
    this.items.push(p);
  }

  get droppedCount(): number {
    return this.dropped;
  }

  /** The list to hand out: problems plus one note when some were dropped. */
  toArray(): X12Problem[] {
    if (this.dropped === 0) return this.items;
    const note: X12Problem = {
      code: 'X12_TOO_MANY_PROBLEMS',
      severity: 'warning',
      message: `${this.dropped} more problems not listed (limit ${this.limit}).`,
    };
    return [...this.items, note];
  }
}

/** The 999/TA1 code a problem feeds, read from the catalogue's family column ("IK403 7" → ik4 "7"). */
function ackCodes(family: string): Pick<X12Problem, 'ik3' | 'ik4' | 'ta1'> {
  const [kind, code] = family.split(' ');
  if (!code) return {};
  if (kind === 'IK304') return { ik3: code };
  if (kind === 'IK403') return { ik4: code };
  if (kind === 'TA1' && /^\d{3}$/.test(code)) return { ta1: code };
  return {};
}
