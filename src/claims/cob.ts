// Coordination of benefits: how a prior payer adjudicated a claim, kept on the next payer's claim
// (claim.cob) and written from it as loops 2320/2330A/2330B and 2430 (837P X222A1 and 837I X223A2
// §1.4.1 "Coordination of Benefits"). Pure: the 835 claim payment in, plain data out.
import type { Adjustment, Procedure } from '../x12/transactions/837-types.ts';
import type { ClaimPayment, ServicePayment } from '../x12/transactions/835-types.ts';

/** A prior payer's adjudication of one of our service lines (835 loop 2110 → 837 loop 2430). */
export interface PriorLineAdjudication {
  /** Our service line number (2400 LX01) the 835 line was matched to. */
  lineNumber: number;
  /** SVD03 the procedure as adjudicated (SVC01); absent on a line billed by revenue code alone. */
  procedure?: Procedure;
  /** SVD04 (837I). */
  revenueCode?: string;
  /** SVD02 Service Line Paid Amount. */
  paidCents: number;
  /** SVD05 Paid Service Unit Count: SVC05, or 1 when the 835 omits it (835 TR3 2110 SVC05). */
  units: string;
  /** CAS Line Adjustment. */
  adjustments: Adjustment[];
  /** AMT*EAF Remaining Patient Liability: the line's PR adjustments. */
  remainingPatientLiabilityCents: number;
}

/** How one prior payer adjudicated the claim (835 loop 2100 → 837 loop 2320). */
export interface PriorAdjudication {
  /** Our claim to that payer. */
  claimId: number;
  /** The coverage it was billed to: 2320 SBR and 2330A/2330B are written from it and its payer. */
  coverageId: number;
  /** SBR01 of that claim: P, S… */
  payerResponsibility: string;
  /** DTP*573: the 835's check or remittance date. */
  adjudicationDate: string;
  /** CLP07 Payer Claim Control Number. */
  payerClaimNumber?: string;
  /** AMT*D Payer Paid Amount (CLP04). */
  paidCents: number;
  /** CAS Claim Level Adjustments (the 835's 2100 CAS). */
  adjustments: Adjustment[];
  /** The claim's patient responsibility (CLP05, else its PR adjustments). */
  patientResponsibilityCents: number;
  /** MOA remark codes, when the payer sent them. */
  remarkCodes?: string[];
  /** One per matched 835 line; empty when the payer adjudicated at the claim level only. */
  lines: PriorLineAdjudication[];
}

/** The prior payers' adjudication a claim carries (jsonb claim.cob), primary first. */
export interface ClaimCob {
  priorPayers: PriorAdjudication[];
}

/** Which of the prior claim's lines an 835 service line (loop 2110) pays. */
export interface PaidLine {
  payment: ServicePayment;
  /** The claim line: its id is the REF*6R we sent. */
  line: { id: number };
}

/** The prior payer's claim, as its adjudication needs it. */
export interface PriorClaim {
  id: number;
  coverageId: number;
  payerResponsibility: string;
  lines: readonly { id: number; lineNumber: number; revenueCode?: string | null }[];
}

const sum = (xs: readonly { amountCents: number }[]) => xs.reduce((s, a) => s + a.amountCents, 0);
const patientShare = (xs: readonly Adjustment[]) => sum(xs.filter((a) => a.group === 'PR'));

/**
 * A prior payer's adjudication from its 835 claim payment: the claim-level CAS and paid amount for
 * 2320, each paid line's amount, procedure, units and CAS for 2430. Which 835 line pays which of
 * ours is the match posting made (remits' matchLines): the 2430 loops then say what the ledger
 * posted. A line split by the payer (unbundled) gives its line one 2430 per part.
 */
export function priorAdjudicationOf(
  prior: PriorClaim,
  payment: ClaimPayment,
  paid: readonly PaidLine[],
  adjudicationDate: string,
): PriorAdjudication {
  const ours = new Map(prior.lines.map((l) => [l.id, l]));
  const lines: PriorLineAdjudication[] = [];
  for (const {
    payment: s,
    line: { id },
  } of paid) {
    const line = ours.get(id);
    if (!line) continue;
    const billedByRevenueCode = s.procedure.qualifier === 'NU';
    lines.push({
      lineNumber: line.lineNumber,
      ...(billedByRevenueCode ? {} : { procedure: s.procedure }),
      ...((s.revenueCode ?? (billedByRevenueCode ? s.procedure.code : line.revenueCode))
        ? { revenueCode: s.revenueCode ?? (billedByRevenueCode ? s.procedure.code : line.revenueCode!) }
        : {}),
      paidCents: s.paidCents,
      units: s.units ?? '1',
      adjustments: s.adjustments,
      remainingPatientLiabilityCents: patientShare(s.adjustments),
    });
  }
  lines.sort((a, b) => a.lineNumber - b.lineNumber);
  const all = [...payment.adjustments, ...payment.serviceLines.flatMap((s) => s.adjustments)];
  const remarks = payment.outpatient?.remarkCodes ?? [];
  return {
    claimId: prior.id,
    coverageId: prior.coverageId,
    payerResponsibility: prior.payerResponsibility,
    adjudicationDate,
    ...(payment.payerClaimControlNumber ? { payerClaimNumber: payment.payerClaimControlNumber } : {}),
    paidCents: payment.paidCents,
    adjustments: payment.adjustments,
    patientResponsibilityCents: payment.patientResponsibilityCents ?? patientShare(all),
    ...(remarks.length ? { remarkCodes: remarks } : {}),
    lines,
  };
}

/** CLP02 statuses after which no secondary claim is ours to send. */
const NO_SECONDARY: Record<string, string> = {
  '22': 'a reversal of an earlier payment',
  // 19–21: the payer forwarded the claim to the next payer itself (crossover).
  '19': 'forwarded by the payer to the next payer',
  '20': 'forwarded by the payer to the next payer',
  '21': 'forwarded by the payer to the next payer',
};

/** Why an adjudication leads to no claim to the next payer, or undefined when one follows. */
export function noNextClaimReason(payment: ClaimPayment): string | undefined {
  return NO_SECONDARY[payment.status];
}
