import type { DatePeriod, IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';

/** N3/N4 address. */
export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode?: string;
  countryCode?: string;
}

/** An NM1 party: person (entityType 1) or organization (2). */
export interface Party {
  entityType: '1' | '2';
  /** NM103: last name or organization name. */
  lastOrOrganizationName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  /** NM108 / NM109, e.g. XX + NPI, MI + member id, PI + payer id. */
  idQualifier?: string;
  id?: string;
  address?: Address;
}

export interface Submitter {
  name: string;
  /** NM109 with NM108 46 (ETIN). */
  id: string;
  contactName?: string;
  /** PER04 with PER03 TE. */
  phone?: string;
}

export interface Receiver {
  name: string;
  id: string;
}

/** Loop 2000A/2010AA. */
export interface BillingProvider extends Party {
  /** REF*EI (employer id) or REF*SY (SSN). */
  taxIdQualifier: 'EI' | 'SY';
  taxId: string;
  /** PRV03 with PRV01 BI, PRV02 PXC. */
  taxonomyCode?: string;
  /** Loop 2010AB. */
  payToAddress?: Address;
}

/** Loop 2000B/2010BA. */
export interface Subscriber extends Party {
  /** SBR01: P primary, S secondary, T tertiary… */
  payerResponsibility: string;
  /** SBR02 18 when the subscriber is the patient. */
  relationship?: string;
  groupNumber?: string;
  groupName?: string;
  /** SBR09 claim filing indicator (CI commercial, MB Medicare B, MC Medicaid…). */
  claimFilingIndicator?: string;
  birthDate?: IsoDate;
  gender?: string;
}

/** Loop 2000C/2010CA, when the patient is not the subscriber. */
export interface Patient extends Party {
  /** PAT01 individual relationship code (19 child, 01 spouse…). */
  relationship: string;
  birthDate?: IsoDate;
  gender?: string;
}

/** A provider on the claim or line (2310x/2420x). */
export interface Provider extends Party {
  taxonomyCode?: string;
}

export interface ClaimDate {
  /** DTP01, e.g. 431 onset of current illness, 439 accident. */
  qualifier: string;
  period: DatePeriod;
}

/** CAS group code and one reason/amount/quantity triplet. */
export interface Adjustment {
  group: string;
  reason: string;
  amountCents: Cents;
  quantity?: string;
}

/** Loop 2320/2330A/2330B: another payer already involved (coordination of benefits). */
export interface OtherPayer {
  payerResponsibility: string;
  relationship: string;
  groupNumber?: string;
  claimFilingIndicator?: string;
  adjustments: Adjustment[];
  paidCents?: Cents;
  /** OI03 benefits assignment certification, OI06 release of information. */
  benefitsAssigned: string;
  releaseOfInformation: string;
  subscriber: Party;
  payer: Party;
}

export interface Procedure {
  /** SV101-1: HC (CPT/HCPCS), ER, IV, WK. */
  qualifier: string;
  code: string;
  modifiers: string[];
  description?: string;
}

/** Loop 2400. */
export interface ServiceLine {
  procedure: Procedure;
  chargeCents: Cents;
  /** SV103 UN units or MJ minutes. */
  unitType: string;
  /** SV104, a decimal string (exact). */
  units: string;
  /** SV105, only when it differs from the claim's place of service. */
  placeOfService?: string;
  /** SV107: 1-based pointers into the claim's diagnoses. */
  diagnosisPointers: number[];
  emergency?: boolean;
  serviceDate: DatePeriod;
  /** REF*6R line item control number. */
  lineControlNumber?: string;
  note?: string;
  /** Loop 2410. */
  drug?: { qualifier: string; code: string; quantity: string; unit: string };
  /** Loop 2420A (837P) / 2420C (837I). */
  renderingProvider?: Provider;
  /** SV201 service line revenue code (837I only; then `procedure.code` may be empty). */
  revenueCode?: string;
}

/** Loop 2300. */
export interface ClaimInfo {
  /** CLM01 patient control number. */
  patientControlNumber: string;
  totalChargeCents: Cents;
  /** CLM05-1: place of service (837P) or facility type code (837I, first two digits of the type of bill). */
  placeOfService: string;
  /** CLM05-3 claim frequency type code (1 original, 7 replacement, 8 void). */
  frequencyCode: string;
  providerSignature: boolean;
  /** CLM07 A/B/C, CLM08 Y/N/W, CLM09 I/Y. */
  assignment: string;
  benefitsAssigned: string;
  releaseOfInformation: string;
  /** CLM11-1..3 related causes (AA auto accident, EM employment, OA other). */
  relatedCauses?: string[];
  accidentState?: string;
  dates: ClaimDate[];
  priorAuthorization?: string;
  referralNumber?: string;
  payerClaimControlNumber?: string;
  medicalRecordNumber?: string;
  clearinghouseTraceNumber?: string;
  note?: string;
  /** ICD-10-CM codes without the dot; the first is the principal diagnosis. */
  diagnoses: string[];
  diagnosisCodeSet: 'ICD-10-CM' | 'ICD-9-CM';
  /** CL1 institutional claim code (837I only). */
  admission?: { typeCode?: string; sourceCode?: string; patientStatusCode?: string };
  /** 2310A attending provider (837I only). */
  attendingProvider?: Provider;
  referringProvider?: Provider;
  renderingProvider?: Provider;
  serviceFacility?: Provider;
  supervisingProvider?: Provider;
  otherPayers: OtherPayer[];
  serviceLines: ServiceLine[];
}

/**
 * One claim with everything around it (the unit billers work with). The same shape carries 837P and
 * 837I claims; institutional-only fields are marked "837I only".
 */
export interface ProfessionalClaim {
  billingProvider: BillingProvider;
  subscriber: Subscriber;
  payer: Party;
  patient?: Patient;
  claim: ClaimInfo;
}

/** An 837I claim uses the same shape (see the "837I only" fields). */
export type InstitutionalClaim = ProfessionalClaim;
