import type { Address, Party, ProfessionalClaim, Provider } from '../x12/transactions/837-types.ts';
import type { ScrubAddress, ScrubClaim, ScrubProvider } from './claim.ts';

// Reads a claim parsed from any system's 837 into the scrubber's view, so `cleanclaim scrub FILE`
// checks other systems' claims with the same rules as ours.
const dotted = (code: string) =>
  code.length > 3 && !code.includes('.') ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
const address = (a: Address | undefined): ScrubAddress | undefined =>
  a && { line1: a.line1, city: a.city, state: a.state, zip: a.postalCode };
const npiOf = (p: Party | undefined) => (p?.idQualifier === 'XX' ? p.id : undefined);
const provider = (p: Provider | undefined): ScrubProvider | undefined =>
  p && {
    name: [p.lastOrOrganizationName, p.firstName].filter(Boolean).join(', '),
    npi: npiOf(p),
    taxonomy: p.taxonomyCode,
  };

export function scrubClaimFrom837(
  pc: ProfessionalClaim,
  type: ScrubClaim['type'] = 'professional',
): ScrubClaim {
  const c = pc.claim;
  const patient = pc.patient;
  const sub = pc.subscriber;
  return {
    claimId: c.patientControlNumber,
    type,
    frequencyCode: c.frequencyCode,
    payerClaimNumber: c.payerClaimControlNumber,
    billingProvider: {
      name: pc.billingProvider.lastOrOrganizationName,
      npi: npiOf(pc.billingProvider),
      taxId: pc.billingProvider.taxId,
      taxonomy: pc.billingProvider.taxonomyCode,
      address: address(pc.billingProvider.address),
    },
    payer: {
      name: pc.payer.lastOrOrganizationName,
      payerId: pc.payer.id,
      claimFilingIndicator: sub.claimFilingIndicator,
    },
    subscriber: {
      memberId: sub.id,
      lastName: sub.lastOrOrganizationName,
      firstName: sub.firstName,
      dateOfBirth: sub.birthDate,
      sex: sub.gender,
      address: address(sub.address),
    },
    patient: patient
      ? {
          relationship: patient.relationship,
          lastName: patient.lastOrOrganizationName,
          firstName: patient.firstName,
          dateOfBirth: patient.birthDate,
          sex: patient.gender,
          address: address(patient.address),
        }
      : {
          relationship: '18',
          lastName: sub.lastOrOrganizationName,
          firstName: sub.firstName,
          dateOfBirth: sub.birthDate,
          sex: sub.gender,
          address: address(sub.address),
        },
    renderingProvider: provider(c.renderingProvider),
    referringProvider: provider(c.referringProvider),
    facility: c.serviceFacility && { ...provider(c.serviceFacility) },
    placeOfService: c.placeOfService,
    priorAuthorization: c.priorAuthorization,
    diagnoses: c.diagnoses.map(dotted),
    lines: c.serviceLines.map((l, i) => ({
      lineNumber: i + 1,
      procedureCode: l.procedure.code,
      modifiers: l.procedure.modifiers,
      units: Number(l.units),
      chargeCents: l.chargeCents,
      diagnosisPointers: l.diagnosisPointers,
      serviceDate: l.serviceDate.from,
      ...(l.placeOfService ? { placeOfService: l.placeOfService } : {}),
    })),
  };
}
