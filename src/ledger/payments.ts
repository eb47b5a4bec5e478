// A patient's payment spread over what they owe, and their credits: pure, the store posts the result.
import type { FieldError } from '../shared/problem.ts';

export const PAYMENT_METHODS = ['cash', 'check', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A line the patient owes on (patient balance > 0). */
export interface OwedLine {
  serviceLineId: number;
  encounterId: number;
  serviceDate: string;
  owesCents: number;
}

export interface Application {
  serviceLineId: number;
  encounterId: number;
  amountCents: number;
}

export interface ChosenLine {
  serviceLineId: number;
  /** Left out: as much of the line as the money covers. */
  amountCents?: number;
}

/** The oldest visit first, then by line, so the same payment always lands the same way. */
export const oldestFirst = (lines: readonly OwedLine[]) =>
  [...lines].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.serviceLineId - b.serviceLineId);

/**
 * Spreads an amount over what the patient owes: over the chosen lines in the order chosen, or
 * over every owed line oldest first. What is left is a credit (unapplied money).
 */
export function allocatePayment(
  owed: readonly OwedLine[],
  amountCents: number,
  chosen?: readonly ChosenLine[],
): { applied: Application[]; creditCents: number; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const applied: Application[] = [];
  let left = amountCents;
  const byId = new Map(owed.map((l) => [l.serviceLineId, l]));
  const plan: { line: OwedLine; want?: number; at: number }[] = chosen
    ? chosen.flatMap((c, at) => {
        const line = byId.get(c.serviceLineId);
        if (!line) {
          errors.push({
            pointer: `/lines/${at}/serviceLineId`,
            detail: 'the patient owes nothing on this line',
          });
          return [];
        }
        return [{ line, want: c.amountCents, at }];
      })
    : oldestFirst(owed)
        .filter((l) => l.owesCents > 0)
        .map((line, at) => ({ line, at }));
  const seen = new Set<number>();
  for (const { line, want, at } of plan) {
    if (seen.has(line.serviceLineId)) {
      errors.push({ pointer: `/lines/${at}/serviceLineId`, detail: 'the line is chosen twice' });
      continue;
    }
    seen.add(line.serviceLineId);
    if (want !== undefined) {
      if (!Number.isSafeInteger(want) || want <= 0)
        errors.push({ pointer: `/lines/${at}/amountCents`, detail: 'a positive amount in cents' });
      else if (want > line.owesCents)
        errors.push({
          pointer: `/lines/${at}/amountCents`,
          detail: `the patient owes ${line.owesCents} cents on this line`,
        });
      else if (want > left)
        errors.push({ pointer: `/lines/${at}/amountCents`, detail: 'more than is left of the payment' });
      if (errors.length) continue;
    }
    const amount = Math.min(want ?? line.owesCents, left);
    if (amount <= 0) continue;
    applied.push({ serviceLineId: line.serviceLineId, encounterId: line.encounterId, amountCents: amount });
    left -= amount;
  }
  return { applied, creditCents: errors.length ? 0 : left, errors };
}

/** Unapplied money per payment (what is still a credit), from a patient's entries without a line. */
export function creditsByPayment(
  entries: readonly {
    serviceLineId: number | null;
    kind: string;
    account: string;
    amountCents: number;
    sourceType: string;
    sourceId: string;
  }[],
): { paymentId: number; creditCents: number }[] {
  const credit = new Map<number, number>();
  for (const e of entries) {
    if (e.serviceLineId != null || e.account !== 'patient' || e.sourceType !== 'patient_payment') continue;
    const sign = e.kind === 'patient_payment' ? 1 : e.kind === 'refund' ? -1 : 0;
    const id = Number(e.sourceId);
    credit.set(id, (credit.get(id) ?? 0) + sign * e.amountCents);
  }
  return [...credit]
    .filter(([, c]) => c > 0)
    .sort(([a], [b]) => a - b)
    .map(([paymentId, creditCents]) => ({ paymentId, creditCents }));
}

/** Takes an amount from the credits, oldest payment first. */
export function drawCredits(
  credits: readonly { paymentId: number; creditCents: number }[],
  amountCents: number,
): { paymentId: number; amountCents: number }[] {
  const out: { paymentId: number; amountCents: number }[] = [];
  let left = amountCents;
  for (const c of credits) {
    if (left <= 0) break;
    const take = Math.min(c.creditCents, left);
    out.push({ paymentId: c.paymentId, amountCents: take });
    left -= take;
  }
  return out;
}
