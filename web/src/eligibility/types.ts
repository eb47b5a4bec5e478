import type { Static } from '@sinclair/typebox';
import type { BatchOutcome, BatchSummary } from '../../../src/eligibility/schema.ts';
import type { CheckView as StoredCheck } from '../../../src/eligibility/store.ts';
import { SERVICE_TYPES } from '../../../src/x12/eligibility-codes.ts';

/** One eligibility check as the API shows it (GET /api/patients/:id/eligibility, /api/eligibility/checks). */
export type CheckView = StoredCheck;
/** A batch in the list (GET /api/eligibility/batches). */
export type BatchView = Static<typeof BatchSummary>;
/** What POST /api/eligibility/batches made, with the rows or visits it skipped. */
export type BatchMade = Static<typeof BatchOutcome>;

/** The service types a front desk asks about first, then the rest the code list has words for. */
const FIRST = ['30', '98', '86', '88', '47'];
export const SERVICE_TYPE_OPTIONS = [
  ...FIRST,
  ...Object.keys(SERVICE_TYPES).filter((c) => !FIRST.includes(c)),
].map((code) => ({ value: code, label: `${code} ${SERVICE_TYPES[code] ?? ''}`.trim() }));

/** "98 office visit" for a code with words, the code itself otherwise. */
export function serviceTypeLabel(code: string): string {
  const words = SERVICE_TYPES[code];
  return words ? `${code} ${words}` : code;
}

export const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  inactive: 'red',
  rejected: 'volcano',
  unknown: 'default',
};

export const STATE_COLORS: Record<string, string> = {
  answered: 'green',
  waiting: 'processing',
  pending: 'processing',
  sent: 'processing',
  generated: 'default',
  failed: 'error',
  rejected: 'volcano',
};
