// X221A1 1.10.2.1 Balancing: the three sums an 835 must satisfy before anything of it is posted.
// Pure: works on the typed Remittance the X12 engine reads. Reversals (CLP02 22) carry negative
// amounts and balance by the same sums; BPR01 H (notification only) pays 0 and must still balance.
import type { Adjustment, ClaimPayment, Remittance, ServicePayment } from '../x12/index.ts';
import { formatUsd } from '../shared/money.ts';
import { remitProblem, type RemitProblem } from './problems.ts';

export interface ClaimBalance {
  patientControlNumber: string;
  /** 1-based position of the claim in the transaction. */
  claimNumber: number;
  balanced: boolean;
  /** CLP03 − CLP04. */
  chargeLessPaidCents: number;
  /** Σ claim CAS + Σ line CAS. */
  adjustedCents: number;
  problems: RemitProblem[];
}

export interface RemittanceBalance {
  /** ST02. */
  transaction: string;
  balanced: boolean;
  /** BPR02. */
  totalPaidCents: number;
  /** Σ CLP04. */
  claimsPaidCents: number;
  /** Σ PLB adjustment amounts (positive = withheld from this payment). */
  providerAdjustmentCents: number;
  claims: ClaimBalance[];
  /** Every failure: the payment's first, then each claim's in order. */
  problems: RemitProblem[];
}

export const sumCents = (xs: readonly { amountCents: number }[]): number =>
  xs.reduce((s, a) => s + a.amountCents, 0);

/** All CAS amounts of a claim: claim-level and every line's (lines count only when present). */
export const claimAdjustments = (c: ClaimPayment): Adjustment[] => [
  ...c.adjustments,
  ...c.serviceLines.flatMap((l) => l.adjustments),
];

const money = formatUsd;

/** SVC02 − SVC03 = Σ line CAS. */
export function balanceLine(
  l: ServicePayment,
  where: { transaction: string; patientControlNumber: string; claimNumber: number; lineNumber: number },
): RemitProblem | undefined {
  const adjusted = sumCents(l.adjustments);
  const expected = l.chargeCents - l.paidCents;
  if (expected === adjusted) return undefined;
  return remitProblem(
    'REMIT_LINE_UNBALANCED',
    `Claim ${where.patientControlNumber} line ${where.lineNumber} (${l.procedure.code}): charge ${money(l.chargeCents)} − paid ${money(l.paidCents)} = ${money(expected)}, but its adjustments add up to ${money(adjusted)}.`,
    {
      ...where,
      ...(l.segmentNumber !== undefined ? { segmentNumber: l.segmentNumber } : {}),
      segmentId: 'SVC',
      element: 'SVC03',
      loop: '2110',
      expectedCents: expected,
      foundCents: adjusted,
    },
  );
}

/** CLP03 − CLP04 = Σ claim CAS + Σ line CAS, and each line on its own. */
export function balanceClaim(c: ClaimPayment, transaction: string, claimNumber: number): ClaimBalance {
  // nothing is built for a claim that balances: an 835 of 50,000 claims is balanced before it posts
  const where = { transaction, patientControlNumber: c.patientControlNumber, claimNumber };
  const problems: RemitProblem[] = [];
  const chargeLessPaid = c.chargeCents - c.paidCents;
  let adjusted = sumCents(c.adjustments);
  for (const l of c.serviceLines) adjusted += sumCents(l.adjustments);
  if (chargeLessPaid !== adjusted)
    problems.push(
      remitProblem(
        'REMIT_CLAIM_UNBALANCED',
        `Claim ${c.patientControlNumber}: charge ${money(c.chargeCents)} − paid ${money(c.paidCents)} = ${money(chargeLessPaid)}, but its adjustments add up to ${money(adjusted)}.`,
        {
          ...where,
          ...(c.segmentNumber !== undefined ? { segmentNumber: c.segmentNumber } : {}),
          segmentId: 'CLP',
          element: 'CLP04',
          loop: '2100',
          expectedCents: chargeLessPaid,
          foundCents: adjusted,
        },
      ),
    );
  c.serviceLines.forEach((l, i) => {
    if (l.chargeCents - l.paidCents === sumCents(l.adjustments)) return;
    const p = balanceLine(l, { ...where, lineNumber: i + 1 });
    if (p) problems.push(p);
  });
  return {
    patientControlNumber: c.patientControlNumber,
    claimNumber,
    balanced: problems.length === 0,
    chargeLessPaidCents: chargeLessPaid,
    adjustedCents: adjusted,
    problems,
  };
}

/** BPR02 = Σ CLP04 − Σ PLB amounts (a positive PLB amount is money withheld), and every claim. */
export function balanceRemittance(r: Remittance): RemittanceBalance {
  const claims = r.claims.map((c, i) => balanceClaim(c, r.controlNumber, i + 1));
  const claimsPaid = r.claims.reduce((s, c) => s + c.paidCents, 0);
  const plb = r.providerAdjustments.reduce((s, p) => s + sumCents(p.adjustments), 0);
  const expected = claimsPaid - plb;
  const problems: RemitProblem[] = [];
  if (expected !== r.payment.totalPaidCents)
    problems.push(
      remitProblem(
        'REMIT_PAYMENT_UNBALANCED',
        `BPR02 pays ${money(r.payment.totalPaidCents)}, but the claims pay ${money(claimsPaid)} less provider adjustments ${money(plb)} = ${money(expected)}.`,
        {
          transaction: r.controlNumber,
          segmentId: 'BPR',
          element: 'BPR02',
          loop: 'header',
          expectedCents: expected,
          foundCents: r.payment.totalPaidCents,
        },
      ),
    );
  for (const c of claims) problems.push(...c.problems);
  return {
    transaction: r.controlNumber,
    balanced: problems.length === 0,
    totalPaidCents: r.payment.totalPaidCents,
    claimsPaidCents: claimsPaid,
    providerAdjustmentCents: plb,
    claims,
    problems,
  };
}
