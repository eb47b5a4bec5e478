import type { InstitutionalData } from '../encounters/institutional.ts';
import { MAX_DIAGNOSES } from '../encounters/schema.ts';
import type { NdcUnit } from '../encounters/service-line.ts';
import type { FieldError } from '../shared/problem.ts';

/** A change to a claim a biller may make before it leaves (or after it came back rejected). */
export interface ClaimEdit {
  placeOfService?: string;
  priorAuthorization?: string | null;
  diagnoses?: string[];
  institutional?: InstitutionalData;
  lines?: {
    lineNumber: number;
    modifiers?: string[];
    units?: number;
    chargeCents?: number;
    diagnosisPointers?: number[];
    procedureCode?: string;
    revenueCode?: string;
    ndc?: string | null;
    ndcQuantity?: number | null;
    ndcUnit?: NdcUnit | null;
  }[];
}

/**
 * Turns a scrubber fix (a JSON pointer into the scrub view and a value) into a claim edit. Only the
 * fields a fix can name are accepted; anything else is a programming error upstream.
 */
export function editFromFix(
  fix: { field: string; value: unknown },
  lineNumbers: number[],
): ClaimEdit | FieldError {
  const line = /^\/lines\/(\d+)\/(modifiers|chargeCents|diagnosisPointers|units)$/.exec(fix.field);
  if (line) {
    const lineNumber = lineNumbers[Number(line[1])];
    if (lineNumber === undefined) return { pointer: fix.field, detail: 'no such service line' };
    return { lines: [{ lineNumber, [line[2]!]: fix.value }] };
  }
  if (fix.field === '/placeOfService' && typeof fix.value === 'string') return { placeOfService: fix.value };
  return { pointer: fix.field, detail: 'this fix cannot be applied automatically' };
}

/** Rules across fields of an edited claim: pointers point at diagnoses, a CMS-1500 holds 12 of them. */
export function claimEditErrors(
  type: string,
  diagnoses: string[],
  lines: { diagnosisPointers: number[] }[],
): FieldError[] {
  const tooMany: FieldError[] =
    type === 'professional' && diagnoses.length > MAX_DIAGNOSES
      ? [{ pointer: '/diagnoses', detail: `a professional claim carries at most ${MAX_DIAGNOSES} diagnoses` }]
      : [];
  return tooMany.concat(
    lines.flatMap((l, i) =>
      l.diagnosisPointers
        .filter((p) => p > diagnoses.length)
        .map((p) => ({
          pointer: `/lines/${i}/diagnosisPointers`,
          detail: `points at diagnosis ${p}, but the claim has ${diagnoses.length}`,
        })),
    ),
  );
}
