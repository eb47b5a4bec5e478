// A 277 answer per claim in a biller's words: where the claim is (acknowledged, pending, finalized,
// more information requested, error), what the payer paid and when, and whether it needs action.
import type { IsoDate } from './engine/dates.ts';
import type { Cents } from './engine/money.ts';
import { familyOf, statusInWords, type StatusFamily } from './status-codes.ts';
import type { ClaimStatusResponse, StatusDetail } from './transactions/claim-status-types.ts';

export interface ClaimStatusSummary {
  traceNumber: string;
  patientControlNumber?: string;
  payerClaimControlNumber?: string;
  patient: { lastName: string; firstName?: string; memberId?: string };
  /** Family of the first (claim-level) status. */
  family: StatusFamily;
  /** STC01 codes as sent, "F2:88:QC". */
  codes: string[];
  /** Each claim-level status in words. */
  words: string[];
  /** F2 denied, F4 no payment, R requests, A3/A6/A7/A8 rejections, E errors: a biller must act. */
  needsAction: boolean;
  reason?: string;
  chargeCents?: Cents;
  paidCents?: Cents;
  adjudicatedDate?: IsoDate;
  paymentMethod?: string;
  checkNumber?: string;
  checkDate?: IsoDate;
}

const ACTION = /^(F2|F4|R\d+|A[3678]|E\d|D0)$/;

const code = (s: StatusDetail) => [s.category, s.code, s.entity].filter((x) => x).join(':');

/** One summary per claim of a 277 answer. */
export function summarize277(r: ClaimStatusResponse): ClaimStatusSummary[] {
  const who = r.dependent ?? r.subscriber;
  return r.claims.map((c) => {
    const first = c.statuses[0];
    const acting = c.statuses.find((s) => ACTION.test(s.category));
    const out: ClaimStatusSummary = {
      traceNumber: c.traceNumber,
      patient: { lastName: who.lastOrOrganizationName },
      family: first ? familyOf(first.category) : 'other',
      codes: c.statuses.map(code),
      words: c.statuses.map(statusInWords),
      needsAction: acting !== undefined,
    };
    if (who.firstName) out.patient.firstName = who.firstName;
    const memberId = r.subscriber.id;
    if (memberId) out.patient.memberId = memberId;
    if (acting) out.reason = statusInWords(acting);
    if (c.patientControlNumber) out.patientControlNumber = c.patientControlNumber;
    if (c.payerClaimControlNumber) out.payerClaimControlNumber = c.payerClaimControlNumber;
    const paid = c.statuses.find((s) => s.chargeCents !== undefined || s.paidCents !== undefined);
    if (paid?.chargeCents !== undefined) out.chargeCents = paid.chargeCents;
    if (paid?.paidCents !== undefined) out.paidCents = paid.paidCents;
    for (const s of c.statuses) {
      if (s.adjudicatedDate) out.adjudicatedDate ??= s.adjudicatedDate;
      if (s.paymentMethod) out.paymentMethod ??= s.paymentMethod;
      if (s.checkNumber) out.checkNumber ??= s.checkNumber;
      if (s.checkDate) out.checkDate ??= s.checkDate;
    }
    return out;
  });
}
