import type { EligibilitySummary } from '../../../src/x12/eligibility-summary.ts';
import { SERVICE_TYPES } from '../../../src/x12/eligibility-codes.ts';

export type { EligibilitySummary };

/** The patient's estimated share of the visit (src/eligibility/benefits.ts estimateVisit), in cents. */
export interface VisitEstimate {
  copayCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  totalCents: number;
}

/** One eligibility check as the API shows it (GET /api/patients/:id/eligibility, /api/eligibility/checks). */
export interface CheckView {
  id: number;
  practiceId: number;
  patientId: number;
  coverageId: number | null;
  payerId: number | null;
  payerName: string | null;
  memberId: string | null;
  dateOfService: string;
  serviceTypes: string[];
  /** real-time, batch, … */
  how: string;
  state: string;
  status: string | null;
  askedAt: string;
  askedByEmail: string | null;
  answeredAt: string | null;
  failure: string | null;
  batchId: number | null;
  summary: EligibilitySummary | null;
  warnings: string[];
  estimate?: VisitEstimate | null;
  patientName?: string | null;
  request?: string | null;
  response?: string | null;
}

export interface BatchView {
  id: number;
  practiceId?: number;
  /** schedule, csv or single */
  source?: string;
  sourceDetail?: string;
  inquiryCount: number;
  answeredCount?: number;
  fileName: string | null;
  /** generated (not uploaded yet) or sent */
  state: string;
  createdAt?: string;
  sentAt?: string | null;
  uploadError?: string | null;
  skipped?: { row?: number; encounterId?: number; why: string }[];
  checks?: CheckView[];
}

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
