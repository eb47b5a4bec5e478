import type { Address, ProfessionalClaim, Provider, ServiceLine } from '../x12/transactions/837-types.ts';
import { normalizeCode } from '../codesets/icd10cm/code.ts';
import type { ClaimParties } from './parties.ts';
import { lineAdjudicationsOf, otherPayersOf } from './to-837-cob.ts';
import type { claim, claimLine } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

const address = (a: {
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  zip: string;
}): Address => ({
  line1: a.address1,
  ...(a.address2 ? { line2: a.address2 } : {}),
  city: a.city,
  state: a.state,
  postalCode: a.zip,
});

/**
 * Loop 2410 Drug Identification of a line with an NDC: LIN*N4 and the 11-digit code, CTP04 the
 * quantity and CTP05-1 its unit (837P/837I TR3 2410: required when the payer requires NDCs).
 */
export function drugLoopOf(l: LineRow): Pick<ServiceLine, 'drug'> {
  if (!l.ndc) return {};
  return {
    drug: {
      qualifier: 'N4',
      code: l.ndc,
      quantity: l.ndcQuantity === null ? '' : String(Number(l.ndcQuantity)),
      unit: l.ndcUnit ?? '',
    },
  };
}

/** A provider's NM1 (and PRV taxonomy where the loop has one: 2310B rendering, 2310A attending). */
export function person(p: ClaimParties['rendering'], withTaxonomy = true): Provider | undefined {
  return (
    p && {
      entityType: '1',
      lastOrOrganizationName: p.lastName,
      firstName: p.firstName,
      idQualifier: 'XX',
      id: p.npi,
      ...(withTaxonomy && p.taxonomy ? { taxonomyCode: p.taxonomy } : {}),
    }
  );
}

/**
 * A stored professional claim as the 837P TR3 (005010X222A1) carries it: loops 2000A–2400.
 * CLM06–09 are the practice defaults (signature on file, assigned, benefits assigned, release signed).
 */
export function professionalClaimOf(
  row: ClaimRow,
  lines: LineRow[],
  parties: ClaimParties,
): ProfessionalClaim {
  const { practice: pr, payer: py, coverage: cov, patient: pt } = parties;
  if (!pr || !py || !cov || !pt)
    throw new Error(`claim ${row.id}: its practice, payer, coverage or patient is missing`);
  const self = cov.relationship === '18';
  return {
    billingProvider: {
      entityType: '2',
      lastOrOrganizationName: pr.name,
      idQualifier: 'XX',
      id: pr.npi,
      address: address(pr),
      taxIdQualifier: 'EI',
      // REF02 carries the nine digits of the EIN, without the hyphen people write it with.
      taxId: pr.tin.replace(/\D/g, ''),
      taxonomyCode: pr.taxonomy,
      ...(pr.payToAddress1 && pr.payToCity && pr.payToState && pr.payToZip
        ? {
            payToAddress: {
              line1: pr.payToAddress1,
              city: pr.payToCity,
              state: pr.payToState,
              postalCode: pr.payToZip,
            },
          }
        : {}),
    },
    subscriber: {
      entityType: '1',
      payerResponsibility: row.payerResponsibility,
      // 2000B SBR02 is 18 (self) or absent; a dependent's relationship goes in PAT01 of 2000C.
      ...(self ? { relationship: '18' } : {}),
      ...(cov.groupNumber ? { groupNumber: cov.groupNumber } : {}),
      claimFilingIndicator: py.claimFilingIndicator,
      lastOrOrganizationName: cov.subscriberLastName,
      firstName: cov.subscriberFirstName,
      idQualifier: 'MI',
      id: cov.memberId,
      ...(self
        ? { address: address(pt), birthDate: pt.dateOfBirth, gender: pt.sex }
        : {
            ...(cov.subscriberDateOfBirth ? { birthDate: cov.subscriberDateOfBirth } : {}),
            ...(cov.subscriberSex ? { gender: cov.subscriberSex } : {}),
          }),
    },
    payer: {
      entityType: '2',
      lastOrOrganizationName: py.name,
      idQualifier: 'PI',
      id: py.payerId,
      // 2010BB N3/N4 (situational): sent when the payer's address is on file, and printed from here.
      ...(py.address1 && py.city && py.state && py.zip
        ? { address: address({ ...py, address1: py.address1, city: py.city, state: py.state, zip: py.zip }) }
        : {}),
    },
    ...(self
      ? {}
      : {
          patient: {
            entityType: '1',
            relationship: cov.relationship,
            lastOrOrganizationName: pt.lastName,
            firstName: pt.firstName,
            address: address(pt),
            birthDate: pt.dateOfBirth,
            gender: pt.sex,
          },
        }),
    claim: {
      patientControlNumber: row.patientControlNumber,
      totalChargeCents: row.totalChargeCents,
      placeOfService: row.placeOfService,
      frequencyCode: row.frequencyCode,
      providerSignature: true,
      assignment: 'A',
      benefitsAssigned: 'Y',
      releaseOfInformation: 'Y',
      dates: [],
      ...(row.priorAuthorization ? { priorAuthorization: row.priorAuthorization } : {}),
      ...(row.payerClaimNumber ? { payerClaimControlNumber: row.payerClaimNumber } : {}),
      diagnoses: row.diagnoses.map(normalizeCode),
      diagnosisCodeSet: 'ICD-10-CM',
      ...(parties.rendering ? { renderingProvider: person(parties.rendering)! } : {}),
      // 837P 2310A (referring) has no PRV: its taxonomy is not sent, so the model does not hold it.
      ...(parties.referring ? { referringProvider: person(parties.referring, false)! } : {}),
      ...(parties.facility
        ? {
            serviceFacility: {
              entityType: '2',
              lastOrOrganizationName: parties.facility.name,
              ...(parties.facility.npi ? { idQualifier: 'XX', id: parties.facility.npi } : {}),
              address: address(parties.facility),
            },
          }
        : {}),
      otherPayers: otherPayersOf(row.cob, parties),
      serviceLines: lines
        .sort((a, b) => a.lineNumber - b.lineNumber)
        .map((l) => ({
          procedure: { qualifier: 'HC', code: l.procedureCode, modifiers: l.modifiers },
          chargeCents: l.chargeCents,
          unitType: 'UN',
          units: String(Number(l.units)),
          diagnosisPointers: l.diagnosisPointers,
          serviceDate: { from: l.serviceDate },
          ...(l.placeOfService ? { placeOfService: l.placeOfService } : {}),
          ...drugLoopOf(l),
          ...adjudicationsOf(row, l, parties),
        })),
    },
  };
}

/** Loop 2430 of a line on a claim to a later payer: how each prior payer adjudicated it. */
export function adjudicationsOf(
  row: ClaimRow,
  l: LineRow,
  parties: ClaimParties,
): Pick<ServiceLine, 'adjudications'> {
  const type = row.type === 'institutional' ? 'institutional' : 'professional';
  const adjudications = lineAdjudicationsOf(row.cob, l, parties.priorPayers, type);
  return adjudications.length ? { adjudications } : {};
}
