import type { ClaimParties } from '../parties.ts';
import type { claim, claimLine } from '../tables.ts';
import type { Cms1500Address, Cms1500Input, Cms1500Provider, Cms1500Sex } from './types.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

const address = (a: {
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  zip: string;
}): Cms1500Address => ({ line1: a.address1, line2: a.address2, city: a.city, state: a.state, zip: a.zip });
const sex = (s: string | null | undefined): Cms1500Sex => (s === 'M' || s === 'F' ? s : 'U');
const person = (p: ClaimParties['rendering']): Cms1500Provider | null =>
  p
    ? {
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        npi: p.npi,
        credentials: p.credentials,
      }
    : null;

/** A stored claim and what it points at, as the CMS-1500 form shows it. */
export function cms1500InputOf(
  row: ClaimRow,
  lines: LineRow[],
  parties: ClaimParties,
  signedOn: string,
): Cms1500Input {
  const { practice: pr, payer: py, coverage: cov, patient: pt } = parties;
  if (!pr || !py || !cov || !pt)
    throw new Error(`claim ${row.id}: its practice, payer, coverage or patient is missing`);
  const self = cov.relationship === '18';
  return {
    payer: {
      name: py.name,
      claimFilingIndicator: py.claimFilingIndicator,
      address:
        py.address1 && py.city && py.state && py.zip
          ? { line1: py.address1, line2: py.address2, city: py.city, state: py.state, zip: py.zip }
          : null,
    },
    patient: {
      lastName: pt.lastName,
      firstName: pt.firstName,
      middleName: pt.middleName,
      dateOfBirth: pt.dateOfBirth,
      sex: sex(pt.sex),
      address: address(pt),
      phone: pt.phone,
    },
    insured: {
      lastName: cov.subscriberLastName,
      firstName: cov.subscriberFirstName,
      memberId: cov.memberId,
      relationship: cov.relationship,
      dateOfBirth: self ? pt.dateOfBirth : cov.subscriberDateOfBirth,
      sex: self ? sex(pt.sex) : cov.subscriberSex ? sex(cov.subscriberSex) : null,
      address: self ? address(pt) : null,
      groupNumber: cov.groupNumber,
      planName: cov.planName,
    },
    billingProvider: {
      name: pr.name,
      npi: pr.npi,
      taxId: pr.tin,
      taxIdType: 'EIN',
      address: address(pr),
      phone: pr.phone,
    },
    renderingProvider: person(parties.rendering),
    referringProvider: person(parties.referring),
    facility: parties.facility
      ? { name: parties.facility.name, npi: parties.facility.npi, address: address(parties.facility) }
      : null,
    claim: {
      patientControlNumber: row.patientControlNumber,
      frequencyCode: row.frequencyCode,
      originalReferenceNumber: row.payerClaimNumber,
      priorAuthorization: row.priorAuthorization,
      placeOfService: row.placeOfService,
      diagnoses: row.diagnoses,
      acceptAssignment: true,
      signedOn,
      lines: [...lines]
        .sort((a, b) => a.lineNumber - b.lineNumber)
        .map((l) => ({
          serviceDate: l.serviceDate,
          placeOfService: l.placeOfService ?? row.placeOfService,
          procedureCode: l.procedureCode,
          modifiers: l.modifiers,
          diagnosisPointers: l.diagnosisPointers,
          chargeCents: l.chargeCents,
          units: Number(l.units),
          renderingNpi: parties.rendering?.npi ?? null,
        })),
    },
  };
}
