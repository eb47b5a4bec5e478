import type { Address, Provider } from '../../x12/transactions/837-types.ts';
import type { PrintableClaim } from '../model.ts';
import type { Cms1500Address, Cms1500Input, Cms1500Provider, Cms1500Sex } from './types.ts';

const address = (a: Address | undefined): Cms1500Address | null =>
  a
    ? { line1: a.line1, line2: a.line2 ?? null, city: a.city, state: a.state ?? '', zip: a.postalCode ?? '' }
    : null;
const sex = (s: string | null | undefined): Cms1500Sex => (s === 'M' || s === 'F' ? s : 'U');
const provider = (p: Provider | undefined, credentials?: string | null): Cms1500Provider | null =>
  p
    ? { lastName: p.lastOrOrganizationName, firstName: p.firstName ?? '', npi: p.id ?? '', credentials }
    : null;

/**
 * The claim's 837P model as the CMS-1500 prints it (what is sent is what is printed), with the
 * model's print-only details for what the form shows and the 837 does not carry.
 */
export function cms1500InputOf({ model, print }: PrintableClaim, signedOn: string): Cms1500Input {
  const c = model.claim;
  const sub = model.subscriber;
  // The 837's 2000C patient is present only when the patient is not the subscriber (SBR02 18).
  const patient = model.patient ?? sub;
  const bp = model.billingProvider;
  // Items 9 and 29: the first other payer, and what the other payers paid (2320 AMT*D).
  const other = c.otherPayers[0];
  const paid = c.otherPayers.reduce((sum, o) => sum + (o.paidCents ?? 0), 0);
  return {
    payer: {
      name: model.payer.lastOrOrganizationName,
      claimFilingIndicator: sub.claimFilingIndicator ?? '',
      address: address(model.payer.address),
    },
    patient: {
      lastName: patient.lastOrOrganizationName,
      firstName: patient.firstName ?? '',
      middleName: print.patientMiddleName,
      dateOfBirth: patient.birthDate ?? '',
      sex: sex(patient.gender),
      address: address(patient.address)!,
      phone: print.patientPhone,
    },
    insured: {
      lastName: sub.lastOrOrganizationName,
      firstName: sub.firstName ?? '',
      memberId: sub.id ?? '',
      relationship: model.patient?.relationship ?? '18',
      dateOfBirth: sub.birthDate ?? null,
      sex: sub.gender ? sex(sub.gender) : null,
      address: address(sub.address),
      groupNumber: sub.groupNumber ?? null,
      planName: print.planName,
    },
    otherInsured: other
      ? {
          lastName: other.subscriber.lastOrOrganizationName,
          firstName: other.subscriber.firstName ?? '',
          policyOrGroupNumber: other.subscriber.id ?? other.groupNumber ?? '',
          planName: other.payer.lastOrOrganizationName,
        }
      : null,
    billingProvider: {
      name: bp.lastOrOrganizationName,
      npi: bp.id ?? '',
      taxId: bp.taxId,
      taxIdType: bp.taxIdQualifier === 'SY' ? 'SSN' : 'EIN',
      address: address(bp.address)!,
      phone: print.billingProviderPhone,
    },
    renderingProvider: provider(c.renderingProvider, print.renderingCredentials),
    referringProvider: provider(c.referringProvider, print.referringCredentials),
    facility: c.serviceFacility
      ? {
          name: c.serviceFacility.lastOrOrganizationName,
          npi: c.serviceFacility.id,
          address: address(c.serviceFacility.address)!,
        }
      : null,
    claim: {
      patientControlNumber: c.patientControlNumber,
      frequencyCode: c.frequencyCode,
      originalReferenceNumber: c.payerClaimControlNumber,
      priorAuthorization: c.priorAuthorization,
      placeOfService: c.placeOfService,
      diagnoses: c.diagnoses,
      acceptAssignment: c.assignment === 'A',
      amountPaidCents: paid || null,
      signedOn,
      lines: c.serviceLines.map((l) => ({
        serviceDate: l.serviceDate.from,
        placeOfService: l.placeOfService ?? c.placeOfService,
        procedureCode: l.procedure.code,
        modifiers: l.procedure.modifiers,
        diagnosisPointers: l.diagnosisPointers,
        chargeCents: l.chargeCents,
        units: l.units,
        renderingNpi: c.renderingProvider?.id ?? null,
      })),
    },
  };
}
