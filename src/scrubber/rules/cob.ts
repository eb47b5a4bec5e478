import { formatDollars } from '../../shared/money.ts';
import type { ScrubAdjustment, ScrubClaim, ScrubOtherPayer } from '../claim.ts';
import { finding, lineField, type Finding } from '../finding.ts';

const sum = (xs: readonly ScrubAdjustment[]) => xs.reduce((s, a) => s + a.amountCents, 0);
const $ = (cents: number) => `$${formatDollars(cents)}`;
const nameOf = (o: ScrubOtherPayer) => o.name ?? o.payerId ?? `payer ${o.payerResponsibility}`;

/** The other payers that adjudicated before this one: those with a payment (AMT*D) or 2430 lines. */
function adjudicating(claim: ScrubClaim): ScrubOtherPayer[] {
  return (claim.otherPayers ?? []).filter(
    (o) =>
      o.paidCents !== undefined ||
      claim.lines.some((l) => l.adjudications?.some((a) => a.otherPayerId === o.payerId)),
  );
}

/**
 * A claim to a secondary (or later) payer carries the prior payer's adjudication: 2320 AMT*D and
 * either 2430 on every line (SVD, DTP*573) or, when adjudicated at the claim level, 2330B DTP*573
 * (837P/837I TR3 §1.4.1, 2320 and 2430 situational rules).
 */
export function checkPriorAdjudication(claim: ScrubClaim): Finding[] {
  const responsibility = claim.payerResponsibility;
  if (!responsibility || responsibility === 'P') return [];
  const priors = adjudicating(claim);
  if (!priors.length)
    return [
      finding(
        'COB-ADJUDICATION',
        '/otherPayers',
        `A claim to the ${responsibility === 'S' ? 'secondary' : 'next'} payer (SBR01 ${responsibility}) carries no prior payer's adjudication (loop 2320 AMT*D)`,
      ),
    ];
  const findings: Finding[] = [];
  for (const o of priors) {
    const at = `/otherPayers/${(claim.otherPayers ?? []).indexOf(o)}`;
    if (o.paidCents === undefined)
      findings.push(
        finding('COB-ADJUDICATION', `${at}/paidCents`, `${nameOf(o)}: paid amount (AMT*D) is missing`),
      );
    const lineLevel = claim.lines.some((l) => l.adjudications?.some((a) => a.otherPayerId === o.payerId));
    if (!lineLevel) {
      if (!o.remittanceDate)
        findings.push(
          finding(
            'COB-ADJUDICATION',
            `${at}/remittanceDate`,
            `${nameOf(o)}: the adjudication date (2330B DTP*573) is missing`,
          ),
        );
      continue;
    }
    claim.lines.forEach((l, i) => {
      const a = l.adjudications?.find((x) => x.otherPayerId === o.payerId);
      if (!a)
        findings.push(
          finding(
            'COB-ADJUDICATION',
            lineField(i, 'adjudications'),
            `Line ${l.lineNumber} (${l.procedureCode || l.revenueCode}): no adjudication by ${nameOf(o)} (loop 2430)`,
            { lines: [l.lineNumber] },
          ),
        );
      else if (!a.adjudicationDate)
        findings.push(
          finding(
            'COB-ADJUDICATION',
            lineField(i, 'adjudications'),
            `Line ${l.lineNumber}: the adjudication date (2430 DTP*573) is missing`,
            { lines: [l.lineNumber] },
          ),
        );
    });
  }
  return findings;
}

/**
 * What a prior payer paid and adjusted adds up to what was charged: per line, SV102 = SVD02 + Σ
 * 2430 CAS; per payer, CLM02 = AMT*D + Σ 2320 CAS + Σ 2430 CAS (837 TR3 §1.4.1.1 balancing).
 */
export function checkCobBalance(claim: ScrubClaim): Finding[] {
  const findings: Finding[] = [];
  const charge = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
  claim.lines.forEach((l, i) => {
    for (const a of l.adjudications ?? []) {
      const adjusted = sum(a.adjustments);
      if (a.paidCents + adjusted === l.chargeCents) continue;
      findings.push(
        finding(
          'COB-BALANCE',
          lineField(i, 'adjudications'),
          `Line ${l.lineNumber}: charge ${$(l.chargeCents)} ≠ paid ${$(a.paidCents)} + adjustments ${$(adjusted)} by ${a.otherPayerId}`,
          { lines: [l.lineNumber] },
        ),
      );
    }
  });
  (claim.otherPayers ?? []).forEach((o, i) => {
    if (o.paidCents === undefined) return;
    const lineAdjusted = claim.lines.reduce(
      (s, l) =>
        s +
        sum(l.adjudications?.filter((a) => a.otherPayerId === o.payerId).flatMap((a) => a.adjustments) ?? []),
      0,
    );
    const adjusted = sum(o.adjustments) + lineAdjusted;
    if (o.paidCents + adjusted === charge) return;
    findings.push(
      finding(
        'COB-BALANCE',
        `/otherPayers/${i}/paidCents`,
        `${nameOf(o)}: claim charge ${$(charge)} ≠ paid ${$(o.paidCents)} (AMT*D) + adjustments ${$(adjusted)} (claim and line CAS)`,
      ),
    );
  });
  return findings;
}
