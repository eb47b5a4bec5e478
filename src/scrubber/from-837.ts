import type {
  Address,
  Adjustment,
  OtherPayer,
  Party,
  ProfessionalClaim,
  Provider,
} from '../x12/transactions/837-types.ts';
import type { ClaimInfo } from '../x12/transactions/837-claim-types.ts';
import { dottedCm } from '../codesets/icd10cm/code.ts';
import type {
  ScrubAddress,
  ScrubAdjustment,
  ScrubClaim,
  ScrubInstitutional,
  ScrubOtherPayer,
  ScrubProvider,
} from './claim.ts';

// Reads a claim parsed from any system's 837 into the scrubber's view, so `cleanclaim scrub FILE`
// checks other systems' claims with the same rules as ours.
const address = (a: Address | undefined): ScrubAddress | undefined =>
  a && { line1: a.line1, city: a.city, state: a.state, zip: a.postalCode };
const npiOf = (p: Party | undefined) => (p?.idQualifier === 'XX' ? p.id : undefined);
const provider = (p: Provider | undefined): ScrubProvider | undefined =>
  p && {
    name: [p.lastOrOrganizationName, p.firstName].filter(Boolean).join(', '),
    npi: npiOf(p),
    taxonomy: p.taxonomyCode,
  };

/** The UB-04 part of an 837I claim: type of bill from CLM05, CL1, DTP 434/435 and the HI codes. */
function institutionalOf(c: ClaimInfo): ScrubInstitutional {
  const date = (q: string) => c.dates.find((d) => d.qualifier === q);
  const statement = date('434')?.period;
  const admission = date('435');
  const codes = c.healthCareCodes ?? [];
  const admitting = codes.find((h) => h.qualifier === 'ABJ' || h.qualifier === 'BJ');
  return {
    billType: `${c.placeOfService}${c.frequencyCode}`,
    ...(statement ? { statementFrom: statement.from, statementTo: statement.to ?? statement.from } : {}),
    ...(admission?.period.from ? { admissionDate: admission.period.from } : {}),
    ...(admission?.time ? { admissionHour: admission.time.slice(0, 2) } : {}),
    ...(c.admission?.typeCode ? { admissionType: c.admission.typeCode } : {}),
    ...(c.admission?.sourceCode ? { admissionSource: c.admission.sourceCode } : {}),
    ...(c.admission?.patientStatusCode ? { patientStatus: c.admission.patientStatusCode } : {}),
    ...(admitting ? { admittingDiagnosis: dottedCm(admitting.code) } : {}),
    presentOnAdmission: c.diagnosisPresentOnAdmission ?? [],
    procedures: codes
      .filter((h) => ['BBR', 'BBQ', 'BR', 'BQ', 'CAH'].includes(h.qualifier))
      .map((h) => ({ code: h.code, date: h.date?.from ?? '' })),
    occurrenceSpans: codes
      .filter((h) => h.qualifier === 'BI' && h.date)
      .map((h) => ({ code: h.code, from: h.date!.from, to: h.date!.to ?? h.date!.from })),
    ...(c.attendingProvider ? { attendingProvider: provider(c.attendingProvider) } : {}),
  };
}

const adjustment = (a: Adjustment): ScrubAdjustment => ({
  group: a.group,
  reason: a.reason,
  amountCents: a.amountCents,
});

/** Loop 2320/2330B as the COB rules read it. */
const otherPayerOf = (o: OtherPayer): ScrubOtherPayer => ({
  payerResponsibility: o.payerResponsibility,
  ...(o.payer.id ? { payerId: o.payer.id } : {}),
  ...(o.payer.lastOrOrganizationName ? { name: o.payer.lastOrOrganizationName } : {}),
  ...(o.paidCents !== undefined ? { paidCents: o.paidCents } : {}),
  adjustments: o.adjustments.map(adjustment),
  ...(o.remittanceDate ? { remittanceDate: o.remittanceDate } : {}),
});

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
    ...(type === 'institutional'
      ? { institutional: institutionalOf(c) }
      : { placeOfService: c.placeOfService }),
    priorAuthorization: c.priorAuthorization,
    ...(sub.payerResponsibility ? { payerResponsibility: sub.payerResponsibility } : {}),
    ...(c.otherPayers.length ? { otherPayers: c.otherPayers.map(otherPayerOf) } : {}),
    diagnoses: c.diagnoses.map(dottedCm),
    lines: c.serviceLines.map((l, i) => ({
      lineNumber: i + 1,
      procedureCode: l.procedure.code,
      modifiers: l.procedure.modifiers,
      units: Number(l.units),
      chargeCents: l.chargeCents,
      diagnosisPointers: l.diagnosisPointers,
      serviceDate: l.serviceDate.from,
      ...(l.placeOfService ? { placeOfService: l.placeOfService } : {}),
      ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
      ...(l.drug ? { ndc: l.drug.code, ndcQuantity: l.drug.quantity, ndcUnit: l.drug.unit } : {}),
      ...(l.adjudications?.length
        ? {
            adjudications: l.adjudications.map((a) => ({
              otherPayerId: a.otherPayerId,
              paidCents: a.paidCents,
              adjustments: a.adjustments.map(adjustment),
              ...(a.adjudicationDate ? { adjudicationDate: a.adjudicationDate } : {}),
            })),
          }
        : {}),
    })),
  };
}
