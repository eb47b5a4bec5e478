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

/** The stored claim line as matching needs it. */
export interface LineToMatch {
  id: number;
  lineNumber: number;
  procedureCode: string;
  modifiers: string[];
  serviceDate: string;
  chargeCents: number;
  revenueCode?: string | null;
}

const sum = (xs: readonly { amountCents: number }[]) => xs.reduce((s, a) => s + a.amountCents, 0);
const patientShare = (xs: readonly Adjustment[]) => sum(xs.filter((a) => a.group === 'PR'));

/** The service date the 835 gives a line (DTM*472, or 150 the period's start). */
const serviceDateOf = (s: ServicePayment) =>
  s.dates.find((d) => d.qualifier === '472')?.date ?? s.dates.find((d) => d.qualifier === '150')?.date;

/**
 * Which of our lines each 835 line pays: REF*6R (our line item control number, the claim line id)
 * first; then the billed procedure (SVC06 when the payer changed the code, else SVC01) or revenue
 * code with the date of service and charge; then the procedure alone. Modifiers are not compared: a
 * payer may drop or change them. An 835 line matching none of ours is left out.
 */
export function matchServiceLines(
  payments: readonly ServicePayment[],
  lines: readonly LineToMatch[],
): Map<ServicePayment, LineToMatch> {
  const matched = new Map<ServicePayment, LineToMatch>();
  const free = new Set(lines);
  const take = (s: ServicePayment, test: (l: LineToMatch) => boolean) => {
    if (matched.has(s)) return;
    const line = [...free].find(test);
    if (!line) return;
    matched.set(s, line);
    free.delete(line);
  };
  const billedCode = (s: ServicePayment) => (s.originalProcedure ?? s.procedure).code;
  const sameService = (s: ServicePayment, l: LineToMatch) =>
    s.procedure.qualifier === 'NU' || !l.procedureCode
      ? (s.revenueCode ?? s.procedure.code) === l.revenueCode
      : billedCode(s) === l.procedureCode;
  for (const s of payments) take(s, (l) => s.lineControlNumber === String(l.id));
  for (const s of payments) {
    const date = serviceDateOf(s);
    take(s, (l) => sameService(s, l) && (!date || date === l.serviceDate) && s.chargeCents === l.chargeCents);
  }
  for (const s of payments) take(s, (l) => sameService(s, l));
  return matched;
}

export interface PriorClaim {
  id: number;
  coverageId: number;
  payerResponsibility: string;
  lines: readonly LineToMatch[];
}

/**
 * A prior payer's adjudication from its 835 claim payment: the claim-level CAS and paid amount for
 * 2320, each matched line's paid amount, procedure, units and CAS for 2430.
 */
export function priorAdjudicationOf(
  prior: PriorClaim,
  payment: ClaimPayment,
  adjudicationDate: string,
): PriorAdjudication {
  const matched = matchServiceLines(payment.serviceLines, prior.lines);
  const lines: PriorLineAdjudication[] = [];
  for (const [s, line] of matched) {
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
