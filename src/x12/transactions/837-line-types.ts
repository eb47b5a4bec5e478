// Typed 837 loop 2400 (service line) with 2410, 2420A–H, 2430 and 2440, X222A1 and X223A2.
import type { DatePeriod, IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';
import type { Reference } from './837-types.ts';
import type { Adjustment } from './837-cob-types.ts';
import type {
  AmbulanceTransport,
  Attachment,
  ClaimDate,
  Condition,
  Contract,
  Note,
  ProviderRoles,
  Repricing,
} from './837-claim-types.ts';

/** C003 Composite Medical Procedure Identifier (SV101, SV202, SVD03; also the 835 SVC01). */
export interface Procedure {
  /** -1 Product/Service ID Qualifier: HC (CPT/HCPCS), ER, IV, WK (837I also HP). */
  qualifier: string;
  /** -2 Procedure Code. */
  code: string;
  /** -3..-6 Procedure Modifiers. */
  modifiers: string[];
  /** -7 Description. */
  description?: string;
}

/** SV5 Durable Medical Equipment Service (837P). */
export interface DurableMedicalEquipment {
  /** SV501-2 Procedure Code (SV501-1 HC). */
  procedureCode: string;
  /** SV502 Unit or Basis for Measurement Code (DA days). */
  unitType: string;
  /** SV503 Length of Medical Necessity. */
  length: string;
  /** SV504 DME Rental Price, SV505 DME Purchase Price. */
  rentalPriceCents?: Cents;
  purchasePriceCents?: Cents;
  /** SV506 Rental Unit Price Indicator (1 weekly, 4 monthly, 6 daily). */
  rentalFrequency?: string;
}

/** CR3 Durable Medical Equipment Certification (837P). */
export interface DmeCertification {
  /** CR301 Certification Type Code (I initial, R renewal, S revised). */
  type: string;
  /** CR303 Durable Medical Equipment Duration in months (CR302 MO). */
  durationMonths: string;
}

/** QTY: PT Ambulance Patient Count, FL Obstetric Anesthesia Additional Units (837P). */
export interface LineQuantity {
  qualifier: string;
  quantity: string;
}

/** MEA Test Result (837P): MEA01 OG original/TR test results, MEA02 HT/R1–R4, MEA03 value. */
export interface Measurement {
  referenceId: string;
  qualifier: string;
  value: string;
}

/** PS1 Purchased Service Information (837P). */
export interface PurchasedService {
  /** PS101 Purchased Service Provider Identifier. */
  providerId: string;
  /** PS102 Purchased Service Charge Amount. */
  chargeCents: Cents;
}

/** Loop 2410 Drug Identification. */
export interface Drug {
  /** LIN02 Product or Service ID Qualifier (N4 NDC…) and LIN03 National Drug Code. */
  qualifier: string;
  code: string;
  /** CTP04 National Drug Unit Count and CTP05-1 unit (F2, GR, ME, ML, UN). */
  quantity: string;
  unit: string;
  /** REF*VY Link Sequence Number or REF*XZ Pharmacy Prescription Number. */
  prescription?: Reference;
}

/** Loop 2430 Line Adjudication Information: how a prior payer paid this line. */
export interface LineAdjudication {
  /** SVD01 Other Payer Primary Identifier (matches 2330B NM109). */
  otherPayerId: string;
  /** SVD02 Service Line Paid Amount. */
  paidCents: Cents;
  /** SVD03 procedure as adjudicated. */
  procedure?: Procedure;
  /** SVD04 Service Line Revenue Code (837I). */
  revenueCode?: string;
  /** SVD05 Paid Service Unit Count. */
  units: string;
  /** SVD06 Bundled or Unbundled Line Number. */
  bundledLineNumber?: string;
  /** CAS Line Adjustment. */
  adjustments: Adjustment[];
  /** DTP*573 Line Check or Remittance Date. */
  adjudicationDate: IsoDate;
  /** AMT*EAF Remaining Patient Liability. */
  remainingPatientLiabilityCents?: Cents;
}

/** FRM Supporting Documentation: one answer on a form (2440). */
export interface FormAnswer {
  /** FRM01 Question Number/Letter. */
  question: string;
  /** FRM02 Question Response (Y/N/W). */
  answer?: string;
  /** FRM03 Question Response (text). */
  text?: string;
  /** FRM04 Question Response (date). */
  date?: IsoDate;
  /** FRM05 Question Response (percent). */
  percent?: string;
}

/** Loop 2440 Form Identification Code (LQ) with its answers (FRM). */
export interface Form {
  /** LQ01 Code List Qualifier Code (AS form type code, UT DMERC CMN form). */
  qualifier: string;
  /** LQ02 Form Identifier. */
  formId: string;
  answers: FormAnswer[];
}

/** The roles a service line carries (837P 2420A–H, 837I 2420A–D). */
export type LineProviders = Omit<ProviderRoles, 'attendingProvider' | 'billingProvider'>;

/** Loop 2400 Service Line. */
export interface ServiceLine extends LineProviders {
  procedure: Procedure;
  /** SV102 / SV203 Line Item Charge Amount. */
  chargeCents: Cents;
  /** SV103 UN units or MJ minutes; SV204 DA days or UN units. */
  unitType: string;
  /** SV104 / SV205 Service Unit Count, a decimal string (exact). */
  units: string;
  /** SV105, only when it differs from the claim's place of service. */
  placeOfService?: string;
  /** SV107: 1-based pointers into the claim's diagnoses. */
  diagnosisPointers: number[];
  /** SV109 Emergency Indicator Y. */
  emergency?: boolean;
  /** SV111 EPSDT Indicator Y. */
  epsdt?: boolean;
  /** SV112 Family Planning Indicator Y. */
  familyPlanning?: boolean;
  /** SV115 Co-Pay Status Code (0 copay exempt). */
  copayStatus?: string;
  /** SV201 Service Line Revenue Code (837I; then `procedure.code` may be empty). */
  revenueCode?: string;
  /** SV207 Line Item Denied Charge or Non-Covered Charge Amount (837I). */
  nonCoveredChargeCents?: Cents;
  /** SV5 Durable Medical Equipment Service. */
  dme?: DurableMedicalEquipment;
  /** PWK Line Supplemental Information (and the DME CMN indicator, PWK01 CT). */
  attachments?: Attachment[];
  /** CR1 Ambulance Transport Information. */
  ambulanceTransport?: AmbulanceTransport;
  /** CR3 Durable Medical Equipment Certification. */
  dmeCertification?: DmeCertification;
  /** CRC Ambulance Certification, Hospice Employee Indicator, DME Condition Indicator. */
  conditions?: Condition[];
  /** DTP*472 Service Date (D8 or RD8); `from` is '' when an 837I line has none. */
  serviceDate: DatePeriod;
  /** Other DTP uses (471 prescription, 607, 463, 461, 304, 738/739 test, 011 shipped, 455, 454). */
  dates?: ClaimDate[];
  /** QTY Ambulance Patient Count / Obstetric Anesthesia Additional Units. */
  quantities?: LineQuantity[];
  /** MEA Test Result. */
  measurements?: Measurement[];
  /** CN1 Contract Information. */
  contract?: Contract;
  /** REF*6R Line Item Control Number. */
  lineControlNumber?: string;
  /** REF*9B Repriced Line Item Reference Number. */
  repricedLineItemReference?: string;
  /** REF*9D Adjusted Repriced Line Item Reference Number. */
  adjustedRepricedLineItemReference?: string;
  /** REF*G1 Prior Authorization (up to 5). */
  priorAuthorizations?: Reference[];
  /** REF*EW Mammography Certification Number. */
  mammographyCertification?: string;
  /** REF*X4 Clinical Laboratory Improvement Amendment (CLIA) Number. */
  cliaNumber?: string;
  /** REF*F4 Referring CLIA Facility Identification. */
  referringCliaNumber?: string;
  /** REF*BT Immunization Batch Number. */
  immunizationBatchNumber?: string;
  /** REF*9F Referral Number (up to 5). */
  referralNumbers?: Reference[];
  /** AMT*T Sales Tax Amount (837P). */
  salesTaxCents?: Cents;
  /** AMT*F4 Postage Claimed Amount (837P). */
  postageClaimedCents?: Cents;
  /** AMT*GT Service Tax Amount (837I). */
  serviceTaxCents?: Cents;
  /** AMT*N8 Facility Tax Amount (837I). */
  facilityTaxCents?: Cents;
  /** K3 File Information. */
  fileInformation?: string[];
  /** NTE Line Note (ADD/DCP) and Third Party Organization Notes (TPO). */
  notes?: Note[];
  /** PS1 Purchased Service Information. */
  purchasedService?: PurchasedService;
  /** HCP Line Pricing/Repricing Information. */
  repricing?: Repricing;
  /** Loop 2410 Drug Identification. */
  drug?: Drug;
  /** Loop 2430 Line Adjudication Information (one per prior payer). */
  adjudications?: LineAdjudication[];
  /** Loop 2440 Form Identification Code. */
  forms?: Form[];
}
