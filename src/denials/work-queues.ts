// The work queues built each day from the claims, the ledger and the statements: claims with no
// answer after the payer's days, lines paid below the payer's contracted rate, rejections not yet corrected,
// patient balances past due. Pure: the caller loads plain inputs and says what day it is.
import type { StatusCandidate } from '../claims/index.ts';
import { notDueBecause } from '../claims/index.ts';
import { contractedAllowed, type ContractedRate } from '../payers/index.ts';
import { addDays } from '../shared/dates.ts';

/** Every queue an item can sit in; the first two are filled elsewhere (277 answers, denials). */
export const QUEUES = [
  'claim-status',
  'denials',
  'no-response',
  'underpayments',
  'rejections',
  'patient-balances',
] as const;
export type Queue = (typeof QUEUES)[number];

/** The queues the daily refresh builds (and closes items of when their cause goes away). */
export const BUILT_QUEUES = ['no-response', 'underpayments', 'rejections', 'patient-balances'] as const;
export type BuiltQueue = (typeof BUILT_QUEUES)[number];

export const ITEM_STATUSES = ['open', 'in-progress', 'waiting', 'done'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** An item a queue wants open today. */
export interface WantedItem {
  queue: BuiltQueue;
  practiceId: number;
  claimId: number | null;
  patientId: number | null;
  /** The claim's payer (none for a patient balance). */
  payerId: number | null;
  reasonCode: string;
  reason: string;
  amountCents: number;
  dueOn: string | null;
}

/** One item per subject and queue: a claim, or a patient for a balance. */
export const subjectKey = (i: { queue: string; claimId: number | null; patientId: number | null }) =>
  `${i.queue}:${i.claimId !== null ? `claim ${i.claimId}` : `patient ${i.patientId}`}`;

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export interface NoResponseCandidate extends StatusCandidate {
  practiceId: number;
  patientId: number;
  payerId: number;
  /** What the claim bills (still owed: no 835 has come). */
  amountCents: number;
}

/**
 * Claims submitted more than their payer's statusInquiryDays ago with no 835: the claim status
 * selection's own rule, without its "asked lately" condition (an inquiry does not answer the claim).
 */
export function noResponseItems(candidates: readonly NoResponseCandidate[], today: string): WantedItem[] {
  return candidates
    .filter((c) => notDueBecause({ ...c, lastAskedOn: null }, today) === null)
    .map((c) => ({
      queue: 'no-response',
      practiceId: c.practiceId,
      claimId: c.claimId,
      patientId: c.patientId,
      payerId: c.payerId,
      reasonCode: 'NO-835',
      reason: `Submitted ${c.submittedOn}, no payment or denial after ${c.inquiryDays} days: call the payer or check the claim status`,
      amountCents: c.amountCents,
      dueOn: addDays(c.submittedOn, c.inquiryDays),
    }));
}

export interface PaidLine {
  practiceId: number;
  claimId: number;
  patientId: number;
  payerId: number;
  lineNumber: number;
  procedureCode: string;
  modifiers: string[];
  units: number;
  serviceDate: string;
  /** What the payer paid on the line and what it put on the patient (PR): together, what it allowed. */
  paidCents: number;
  patientResponsibilityCents: number;
  /** The day of the last payment (the remittance), from which the appeal days count. */
  paidOn: string;
  appealDays: number;
}

/**
 * Claims with lines the payer allowed (paid + patient responsibility) below the payer fee
 * schedule's contracted amount by more than the practice's tolerance: one item per claim, the
 * shortfall of its lines at stake. A line with no contracted rate is not judged (the practice's
 * charge is what it asks, not what it is owed).
 */
export function underpaymentItems(
  lines: readonly PaidLine[],
  rates: readonly ContractedRate[],
  toleranceCents: number,
): WantedItem[] {
  const byClaim = new Map<number, { line: PaidLine; short: number }[]>();
  for (const l of lines) {
    const expected = contractedAllowed(rates, l.payerId, l);
    if (expected === undefined) continue;
    const short = expected - l.paidCents - l.patientResponsibilityCents;
    if (short <= toleranceCents) continue;
    byClaim.set(l.claimId, [...(byClaim.get(l.claimId) ?? []), { line: l, short }]);
  }
  return [...byClaim.values()].map((found) => {
    const first = found[0]!.line;
    const total = found.reduce((s, f) => s + f.short, 0);
    const lastPaid = found.map((f) => f.line.paidOn).sort()[found.length - 1]!;
    return {
      queue: 'underpayments',
      practiceId: first.practiceId,
      claimId: first.claimId,
      patientId: first.patientId,
      payerId: first.payerId,
      reasonCode: 'UNDERPAID',
      reason: `Paid ${dollars(total)} below the contracted rate on line ${found
        .map((f) => `${f.line.lineNumber} (${f.line.procedureCode}, ${dollars(f.short)} short)`)
        .join(', ')}: appeal the payment or write off the difference`,
      amountCents: total,
      dueOn: addDays(lastPaid, first.appealDays),
    };
  });
}

export interface RejectedClaim {
  practiceId: number;
  claimId: number;
  patientId: number;
  payerId: number;
  /** The day the 999 or 277CA rejected it, and what it said. */
  rejectedOn: string;
  why: string;
  amountCents: number;
}

/** Days a rejected claim is given to be corrected and sent again: it has not reached the payer yet. */
export const REJECTION_FIX_DAYS = 7;

/** Claims a 999 or 277CA rejected and nobody corrected yet (still in the rejected state). */
export function rejectionItems(claims: readonly RejectedClaim[]): WantedItem[] {
  return claims.map((c) => ({
    queue: 'rejections',
    practiceId: c.practiceId,
    claimId: c.claimId,
    patientId: c.patientId,
    payerId: c.payerId,
    reasonCode: 'REJECTED',
    reason: `Rejected ${c.rejectedOn}: ${c.why}. Correct the claim and send it again`,
    amountCents: c.amountCents,
    dueOn: addDays(c.rejectedOn, REJECTION_FIX_DAYS),
  }));
}

export interface BilledPatient {
  practiceId: number;
  patientId: number;
  /** The last statement sent and the days the practice gives to pay it. */
  lastStatementOn: string;
  dueInDays: number;
  /** What the patient owes today. */
  balanceCents: number;
}

/** Patients who still owe after their last statement's due date (statement date + the practice's days). */
export function pastDueBalanceItems(patients: readonly BilledPatient[], today: string): WantedItem[] {
  return patients
    .filter((p) => p.balanceCents > 0 && addDays(p.lastStatementOn, p.dueInDays) < today)
    .map((p) => ({
      queue: 'patient-balances',
      practiceId: p.practiceId,
      claimId: null,
      patientId: p.patientId,
      payerId: null,
      reasonCode: 'PAST-DUE',
      reason: `Owes ${dollars(p.balanceCents)}, statement of ${p.lastStatementOn} due ${addDays(p.lastStatementOn, p.dueInDays)}: call the patient or set up a plan`,
      amountCents: p.balanceCents,
      dueOn: addDays(p.lastStatementOn, p.dueInDays),
    }));
}

export interface OpenItem {
  id: number;
  queue: string;
  claimId: number | null;
  patientId: number | null;
  amountCents: number;
}

export interface RefreshPlan {
  open: WantedItem[];
  /** Open items whose cause went away (paid, corrected, the balance settled). */
  close: { id: number; note: string }[];
  /** Open items still wanted whose amount at stake changed. */
  amounts: { id: number; amountCents: number }[];
}

const GONE: Record<BuiltQueue, string> = {
  'no-response': 'The payer answered (835 posted) or the claim left the submitted state',
  underpayments: 'No longer paid below the contracted rate',
  rejections: 'The claim was corrected (no longer rejected)',
  'patient-balances': 'The patient no longer owes past due',
};

/** What the refresh does to the built queues: open what is wanted once, close what is no longer. */
export function planRefresh(wanted: readonly WantedItem[], open: readonly OpenItem[]): RefreshPlan {
  const openByKey = new Map(
    open.filter((o) => (BUILT_QUEUES as readonly string[]).includes(o.queue)).map((o) => [subjectKey(o), o]),
  );
  const wantedKeys = new Set<string>();
  const plan: RefreshPlan = { open: [], close: [], amounts: [] };
  for (const w of wanted) {
    const key = subjectKey(w);
    if (wantedKeys.has(key)) continue;
    wantedKeys.add(key);
    const existing = openByKey.get(key);
    if (!existing) plan.open.push(w);
    else if (existing.amountCents !== w.amountCents)
      plan.amounts.push({ id: existing.id, amountCents: w.amountCents });
  }
  for (const [key, o] of openByKey)
    if (!wantedKeys.has(key)) plan.close.push({ id: o.id, note: GONE[o.queue as BuiltQueue] });
  return plan;
}
