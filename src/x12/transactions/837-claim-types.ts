// Typed 837 loop 2300 (claim information and its parts), X222A1 and X223A2; 2320/2330 in 837-cob-types.ts.
import type { DatePeriod, IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';
import type { Provider } from './837-types.ts';
import type { OtherPayer } from './837-cob-types.ts';
import type { ServiceLine } from './837-line-types.ts';

export interface ClaimDate {
  /** DTP01, e.g. 431 onset of current illness, 439 accident, 434 statement dates (837I). */
  qualifier: string;
  /** DTP02 D8 (from) or RD8 (from–to); DT gives the date part, TM none (from is ''). */
  period: DatePeriod;
  /** HHMM with DTP02 DT (837I 435 Admission Date and Hour) or TM (837I 096 Discharge Hour). */
  time?: string;
}

/** NTE Note (NTE01 Note Reference Code: ADD, CER, DCP, DGN, TPO; 837I also ALG, DME, MED…). */
export interface Note {
  code: string;
  text: string;
}

/** PWK Claim/Line Supplemental Information (attachments). */
export interface Attachment {
  /** PWK01 Attachment Report Type Code (e.g. 09 progress report; CT on a 2400 DME CMN indicator). */
  reportType: string;
  /** PWK02 Attachment Transmission Code: AA on request, BM by mail, EL electronically, EM e-mail, FT, FX. */
  transmissionCode: string;
  /** PWK06 Attachment Control Number (PWK05 AC). */
  controlNumber?: string;
}

/** CN1 Contract Information. */
export interface Contract {
  /** CN101 Contract Type Code (01 DRG, 02 per diem, 03 variable per diem, 04 flat, 05 capitated, 06 percent, 09 other). */
  typeCode: string;
  /** CN102 Contract Amount. */
  amountCents?: Cents;
  /** CN103 Contract Percentage. */
  percent?: string;
  /** CN104 Contract Code. */
  code?: string;
  /** CN105 Terms Discount Percentage. */
  termsDiscountPercent?: string;
  /** CN106 Contract Version Identifier. */
  version?: string;
}

/** CR1 Ambulance Transport Information (837P 2300/2400). */
export interface AmbulanceTransport {
  /** CR102 Patient Weight in pounds (CR101 LB). */
  weightPounds?: string;
  /** CR104 Ambulance Transport Reason Code (A–E). */
  reasonCode: string;
  /** CR106 Transport Distance in miles (CR105 DH). */
  distanceMiles: string;
  /** CR109 Round Trip Purpose Description. */
  roundTripPurpose?: string;
  /** CR110 Stretcher Purpose Description. */
  stretcherPurpose?: string;
}

/** CR2 Spinal Manipulation Service Information (837P). */
export interface SpinalManipulation {
  /** CR208 Patient Condition Code (Nature of Condition Code). */
  conditionCode: string;
  /** CR210 and CR211 Patient Condition Description. */
  description?: string;
  description2?: string;
}

/**
 * CRC Conditions Indicator: CRC01 Code Category (07 ambulance, E1/E2/E3 vision, 75 homebound,
 * ZZ EPSDT referral, 70 hospice employee, 09 DME), CRC02 Certification Condition Indicator (Y/N),
 * CRC03–07 Condition Codes.
 */
export interface Condition {
  category: string;
  indicator: string;
  codes: string[];
}

/** CR6 Home Health Care Information (837I map). */
export interface HomeHealth {
  /** CR601 Prognosis Code. */
  prognosis: string;
  /** CR602 Start of Care Date. */
  startOfCareDate?: IsoDate;
  /** CR603/CR604 Certification Period (D8 or RD8). */
  certificationPeriod?: DatePeriod;
  /** CR605 Date. */
  date?: IsoDate;
  /** CR606, CR607 Yes/No responses. */
  response?: string;
  response2?: string;
  /** CR608 Certification Type Code. */
  certificationType?: string;
}

/** HCP Claim/Line Pricing/Repricing Information. */
export interface Repricing {
  /** HCP01 Pricing Methodology. */
  methodology: string;
  /** HCP02 Repriced Allowed Amount. */
  allowedCents?: Cents;
  /** HCP03 Repriced Saving Amount. */
  savingCents?: Cents;
  /** HCP04 Repricing Organization Identifier. */
  organizationId?: string;
  /** HCP05 Repricing Per Diem or Flat Rate Amount. */
  perDiemOrFlatRateCents?: Cents;
  /** HCP06 Repriced Approved Ambulatory Patient Group Code (837I: DRG code). */
  apgCode?: string;
  /** HCP07 Repriced Approved Ambulatory Patient Group Amount. */
  apgAmountCents?: Cents;
  /** HCP08 Product/Service ID (837I 2400: Repriced Approved Revenue Code). */
  revenueCode?: string;
  /** HCP09 Product/Service ID Qualifier and HCP10 Repriced Approved HCPCS Code (2400). */
  procedureQualifier?: string;
  procedureCode?: string;
  /** HCP11 Unit or Basis for Measurement Code and HCP12 Repriced Approved Service Unit Count (2400). */
  unitType?: string;
  units?: string;
  /** HCP13 Reject Reason Code, HCP14 Policy Compliance Code, HCP15 Exception Code. */
  rejectReason?: string;
  policyCompliance?: string;
  exception?: string;
}

/** CL1 Institutional Claim Code (837I). */
export interface Admission {
  /** CL101 Priority (Type) of Admission or Visit. */
  typeCode?: string;
  /** CL102 Point of Origin for Admission or Visit. */
  sourceCode?: string;
  /** CL103 Patient Status Code. */
  patientStatusCode?: string;
}

/**
 * HI Code List Qualifier Codes other than the diagnoses (ABK/ABF, BK/BF in `diagnoses`):
 * 837P BP/ABP Anesthesia Related Procedure (BO/ABO the other ones), BG Condition Information;
 * 837I ABJ/BJ Admitting Diagnosis, APR/PR Patient's Reason For Visit, ABN/BN External Cause of Injury,
 * DR Diagnosis Related Group, BBR/BR/CAH Principal Procedure, BBQ/BQ Other Procedure, BI Occurrence
 * Span, BH Occurrence, BE Value, BG Condition, TC Treatment Code.
 */
export type HealthCareCodeQualifier =
  | 'BP'
  | 'ABP'
  | 'BO'
  | 'ABO'
  | 'BG'
  | 'ABJ'
  | 'BJ'
  | 'APR'
  | 'PR'
  | 'ABN'
  | 'BN'
  | 'DR'
  | 'BBR'
  | 'BR'
  | 'CAH'
  | 'BBQ'
  | 'BQ'
  | 'BI'
  | 'BH'
  | 'BE'
  | 'TC';

/** One HI composite (C022 Health Care Code Information). */
export interface HealthCareCode {
  /** HI0x-1 Code List Qualifier Code. */
  qualifier: HealthCareCodeQualifier;
  /** HI0x-2 Industry Code (diagnosis, procedure, occurrence, value, condition, DRG or treatment code). */
  code: string;
  /** HI0x-3/-4: D8 Procedure or Occurrence Date, RD8 Occurrence Span dates. */
  date?: DatePeriod;
  /** HI0x-5 Value Code Amount (BE). */
  amountCents?: Cents;
  /** HI0x-9 Present on Admission Indicator (ABN/BN external causes: Y, N, U, W). */
  presentOnAdmission?: string;
}

/**
 * Providers named by NM101 entity code; the loop ids differ by guide and level
 * (claim 2310x, line 2420x, other payer 2330C–I), the roles do not.
 */
export interface ProviderRoles {
  /** NM1*DN Referring Provider (837P 2310A/2420F/2330C; 837I 2310F/2420D/2330H). */
  referringProvider?: Provider;
  /** NM1*P3 Primary Care Provider (837P 2310A/2420F/2330C, second repeat). */
  primaryCareProvider?: Provider;
  /** NM1*82 Rendering Provider (837P 2310B/2420A/2330D; 837I 2310D/2420C/2330G). */
  renderingProvider?: Provider;
  /** NM1*77 Service Facility Location (837P 2310C/2420C/2330E; 837I 2310E/2330F). */
  serviceFacility?: Provider;
  /** NM1*DQ Supervising Provider (837P 2310D/2420D/2330F). */
  supervisingProvider?: Provider;
  /** NM1*71 Attending Provider (837I 2310A/2330C). */
  attendingProvider?: Provider;
  /** NM1*72 Operating Physician (837I 2310B/2420A/2330D). */
  operatingPhysician?: Provider;
  /** NM1*ZZ Other Operating Physician (837I 2310C/2420B/2330E). */
  otherOperatingPhysician?: Provider;
  /** NM1*PW Ambulance Pick-up Location (837P 2310E/2420G). */
  ambulancePickUp?: Provider;
  /** NM1*45 Ambulance Drop-off Location (837P 2310F/2420H). */
  ambulanceDropOff?: Provider;
  /** NM1*QB Purchased Service Provider (837P 2420B). */
  purchasedServiceProvider?: Provider;
  /** NM1*DK Ordering Provider (837P 2420E). */
  orderingProvider?: Provider;
  /** NM1*85 Other Payer Billing Provider (837P 2330G, 837I 2330I). */
  billingProvider?: Provider;
}

/** The roles a 2300 claim carries (loops 2310A–F). */
export type ClaimProviders = Omit<
  ProviderRoles,
  'purchasedServiceProvider' | 'orderingProvider' | 'billingProvider'
>;

/** Loop 2300 Claim Information. */
export interface ClaimInfo extends ClaimProviders {
  /** CLM01 patient control number. */
  patientControlNumber: string;
  /** CLM02 Total Claim Charge Amount. */
  totalChargeCents: Cents;
  /** CLM05-1: place of service (837P) or facility type code (837I, first two digits of the type of bill). */
  placeOfService: string;
  /** CLM05-3 claim frequency type code (1 original, 7 replacement, 8 void). */
  frequencyCode: string;
  /** CLM06 Provider or Supplier Signature Indicator (837P; Not Used in 837I, written there only when true). */
  providerSignature: boolean;
  /** CLM07 A/B/C, CLM08 Y/N/W, CLM09 I/Y. */
  assignment: string;
  benefitsAssigned: string;
  releaseOfInformation: string;
  /** CLM10 Patient Signature Source Code (837P). */
  patientSignatureSource?: string;
  /** CLM11-1..2 related causes (AA auto accident, EM employment, OA other accident; 837P). */
  relatedCauses?: string[];
  /** CLM11-4 Auto Accident State (837P) or REF*LU Auto Accident State (837I). */
  accidentState?: string;
  /** CLM11-5 Country Code (837P). */
  accidentCountry?: string;
  /** CLM12 Special Program Indicator (837P). */
  specialProgram?: string;
  /** CLM20 Delay Reason Code. */
  delayReason?: string;
  /** DTP uses of loop 2300. */
  dates: ClaimDate[];
  /** CL1 Institutional Claim Code (837I). */
  admission?: Admission;
  /** PWK Claim Supplemental Information. */
  attachments?: Attachment[];
  /** CN1 Contract Information. */
  contract?: Contract;
  /** AMT*F5 Patient Amount Paid (837P). */
  patientPaidCents?: Cents;
  /** AMT*F3 Patient Estimated Amount Due (837I). */
  patientEstimatedAmountDueCents?: Cents;
  /** REF*4N Service Authorization Exception Code. */
  serviceAuthorizationException?: string;
  /** REF*F5 Mandatory Medicare (Section 4081) Crossover Indicator (837P). */
  medicareCrossoverIndicator?: string;
  /** REF*EW Mammography Certification Number (837P). */
  mammographyCertification?: string;
  /** REF*9F Referral Number. */
  referralNumber?: string;
  /** REF*G1 Prior Authorization. */
  priorAuthorization?: string;
  /** REF*F8 Payer Claim Control Number. */
  payerClaimControlNumber?: string;
  /** REF*X4 Clinical Laboratory Improvement Amendment (CLIA) Number (837P). */
  cliaNumber?: string;
  /** REF*9A Repriced Claim Number. */
  repricedClaimNumber?: string;
  /** REF*9C Adjusted Repriced Claim Number. */
  adjustedRepricedClaimNumber?: string;
  /** REF*LX Investigational Device Exemption Number. */
  investigationalDeviceExemption?: string;
  /** REF*D9 Claim Identifier for Transmission Intermediaries. */
  clearinghouseTraceNumber?: string;
  /** REF*EA Medical Record Number. */
  medicalRecordNumber?: string;
  /** REF*P4 Demonstration Project Identifier. */
  demonstrationProject?: string;
  /** REF*1J Care Plan Oversight (837P). */
  carePlanOversight?: string;
  /** REF*G4 Peer Review Organization (PRO) Approval Number (837I). */
  peerReviewApproval?: string;
  /** K3 File Information (K301 each). */
  fileInformation?: string[];
  /** NTE Claim Note / Billing Note. */
  notes?: Note[];
  /** CR1 Ambulance Transport Information (837P). */
  ambulanceTransport?: AmbulanceTransport;
  /** CR2 Spinal Manipulation Service Information (837P). */
  spinalManipulation?: SpinalManipulation;
  /** CR6 Home Health Care Information (837I map). */
  homeHealth?: HomeHealth;
  /** CRC segments: ambulance certification, vision, homebound, EPSDT referral. */
  conditions?: Condition[];
  /** HI ABK/ABF (ICD-10-CM) or BK/BF (ICD-9-CM) codes without the dot; the first is the principal diagnosis. */
  diagnoses: string[];
  diagnosisCodeSet: 'ICD-10-CM' | 'ICD-9-CM';
  /** HI0x-9 Present on Admission Indicator for each of `diagnoses`, same order, '' where none (837I). */
  diagnosisPresentOnAdmission?: string[];
  /** Every other HI code (procedures, occurrences, values, conditions…), in file order. */
  healthCareCodes?: HealthCareCode[];
  /** HCP Claim Pricing/Repricing Information. */
  repricing?: Repricing;
  otherPayers: OtherPayer[];
  serviceLines: ServiceLine[];
}
