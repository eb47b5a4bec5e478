// A claim's stored COB (claim.cob) as the 837 carries it: one loop 2320 with 2330A/2330B per prior
// payer, and one loop 2430 per prior payer on each line it adjudicated (837P X222A1 / 837I X223A2).
import type { LineAdjudication, OtherPayer } from '../x12/transactions/837-types.ts';
import type { ClaimCob, PriorAdjudication } from './cob.ts';
import type { ClaimParties } from './parties.ts';

/** SVD03-1 qualifiers each guide allows (837P 2430; 837I also HP). */
const SVD_QUALIFIERS = {
  professional: ['HC', 'ER', 'IV', 'WK'],
  institutional: ['HC', 'ER', 'IV', 'WK', 'HP'],
};

export type PriorPayerParties = ClaimParties['priorPayers'][number];

/** Loop 2320's SBR and OI and loops 2330A/2330B of another payer, from its coverage and payer. */
function otherPayerBase(parties: PriorPayerParties, payerResponsibility: string): OtherPayer {
  const { coverage: cov, payer: py } = parties;
  return {
    payerResponsibility,
    relationship: cov.relationship,
    ...(cov.groupNumber ? { groupNumber: cov.groupNumber } : {}),
    claimFilingIndicator: py.claimFilingIndicator,
    adjustments: [],
    benefitsAssigned: 'Y',
    releaseOfInformation: 'Y',
    subscriber: {
      entityType: '1',
      lastOrOrganizationName: cov.subscriberLastName,
      firstName: cov.subscriberFirstName,
      idQualifier: 'MI',
      id: cov.memberId,
    },
    payer: { entityType: '2', lastOrOrganizationName: py.name, idQualifier: 'PI', id: py.payerId },
  };
}

/**
 * Loop 2320 Other Subscriber Information for one prior payer: SBR from its coverage, the claim-level
 * CAS, AMT*D (payer paid) and, when the payer adjudicated at the claim level only, AMT*EAF
 * (remaining patient liability) and 2330B DTP*573; with line-level adjudication the EAF amounts and
 * dates go in 2430 instead (never both: X12 RFI 1391, 1517).
 */
export function otherPayerOf(prior: PriorAdjudication, parties: PriorPayerParties): OtherPayer {
  const claimLevelOnly = prior.lines.length === 0;
  const remarks = prior.remarkCodes ?? [];
  return {
    ...otherPayerBase(parties, prior.payerResponsibility),
    adjustments: prior.adjustments,
    paidCents: prior.paidCents,
    ...(claimLevelOnly ? { remainingPatientLiabilityCents: prior.patientResponsibilityCents } : {}),
    // MOA carries the payer's remark codes; MIA needs covered days we do not keep.
    ...(remarks.length ? { outpatient: { remarkCodes: remarks.slice(0, 5) } } : {}),
    ...(claimLevelOnly ? { remittanceDate: prior.adjudicationDate } : {}),
  };
}

const RESPONSIBILITY: Record<string, string> = { primary: 'P', secondary: 'S', tertiary: 'T' };

/**
 * Loop 2320 of a payer that comes after this one (the secondary on a primary claim): "required when
 * other payers are known to potentially be involved in paying on this claim" (837 TR3 2320), with
 * no adjudication yet.
 */
export function laterPayerOf(parties: PriorPayerParties): OtherPayer {
  return otherPayerBase(parties, RESPONSIBILITY[parties.coverage.priority] ?? 'U');
}

/** Loop 2430 for one line: each prior payer's SVD, CAS, DTP*573 and AMT*EAF for it. */
export function lineAdjudicationsOf(
  cob: ClaimCob | null,
  billed: { lineNumber: number; procedureCode: string; modifiers: string[] },
  priorPayers: ClaimParties['priorPayers'],
  type: 'professional' | 'institutional',
): LineAdjudication[] {
  if (!cob) return [];
  return cob.priorPayers.flatMap((prior, i) => {
    const line = prior.lines.find((l) => l.lineNumber === billed.lineNumber);
    if (!line) return [];
    // An 835 code SVD03 cannot carry (NDC N4, AD, NU revenue code) gives way to the billed procedure.
    const procedure =
      line.procedure && SVD_QUALIFIERS[type].includes(line.procedure.qualifier)
        ? line.procedure
        : billed.procedureCode
          ? { qualifier: 'HC', code: billed.procedureCode, modifiers: billed.modifiers }
          : undefined;
    return [
      {
        otherPayerId: priorPayers[i]!.payer.payerId,
        paidCents: line.paidCents,
        ...(procedure ? { procedure } : {}),
        ...(type === 'institutional' ? { revenueCode: line.revenueCode ?? '' } : {}),
        units: line.units,
        adjustments: line.adjustments,
        adjudicationDate: prior.adjudicationDate,
        remainingPatientLiabilityCents: line.remainingPatientLiabilityCents,
      },
    ];
  });
}

/** Loops 2320 of the claim: the payers before this one with their adjudication, then those after. */
export function otherPayersOf(
  cob: ClaimCob | null,
  parties: Pick<ClaimParties, 'priorPayers' | 'laterPayers'>,
): OtherPayer[] {
  return [
    ...(cob?.priorPayers ?? []).map((p, i) => otherPayerOf(p, parties.priorPayers[i]!)),
    ...(parties.laterPayers ?? []).map(laterPayerOf),
  ];
}
