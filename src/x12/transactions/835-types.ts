import type { IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';
import type { LineQuantity } from './837-line-types.ts';
import type {
  Address,
  Adjustment,
  Contact,
  InpatientAdjudication,
  OutpatientAdjudication,
  Party,
  Procedure,
  Reference,
} from './837-types.ts';

// MIA/MOA and REF are the same segments in the 837 and the 835: one type each (837-claim-types.ts).
export type { InpatientAdjudication, OutpatientAdjudication, Reference };

/** PER in the 835: PER01 says whose contact it is (CX business, BL technical, IC web site). */
export interface RemitContact extends Contact {
  function: string;
}

export interface QualifiedAmount {
  qualifier: string;
  amountCents: Cents;
}

export interface QualifiedDate {
  qualifier: string;
  date: IsoDate;
}

/** BPR: the payment itself. */
export interface Payment {
  /** BPR01: I remittance + payment, H notification only… */
  handlingCode: string;
  totalPaidCents: Cents;
  creditDebit: string;
  /** BPR04: ACH, CHK, BOP, FWT, NON. */
  method: string;
  format?: string;
  /** BPR16 check issue or EFT effective date. */
  date?: IsoDate;
  /** BPR10 Payer Identifier (1 + TIN), BPR11 Originating Company Supplemental Code. */
  originatorId?: string;
  originatorSupplementalCode?: string;
  senderAccount?: { dfiQualifier: string; dfiId: string; accountQualifier: string; account: string };
  receiverAccount?: { dfiQualifier: string; dfiId: string; accountQualifier: string; account: string };
}

/** TRN: check or EFT trace number used to match money to remittance. */
export interface Trace {
  type: string;
  checkOrEftNumber: string;
  payerId?: string;
  originatingCompanySupplementalCode?: string;
}

export interface RemitParty {
  name: string;
  idQualifier?: string;
  id?: string;
  address?: Address;
  additionalIds: Reference[];
  /** 1000A PER*CX/BL/IC. */
  contacts?: RemitContact[];
  /** 1000B RDM Remittance Delivery Method: RDM01 BM/EM/FT/OL, RDM02 name, RDM03 number or address. */
  deliveryMethod?: { transmissionCode: string; name?: string; communicationNumber?: string };
}

/** Loop 2110. */
export interface ServicePayment {
  /** 1-based position of the SVC segment in the file (where a problem with the line is shown). */
  segmentNumber?: number;
  procedure: Procedure;
  chargeCents: Cents;
  paidCents: Cents;
  revenueCode?: string;
  units?: string;
  originalProcedure?: Procedure;
  originalUnits?: string;
  dates: QualifiedDate[];
  adjustments: Adjustment[];
  /** REF*6R, echoes the 837 line item control number. */
  lineControlNumber?: string;
  references: Reference[];
  amounts: QualifiedAmount[];
  /** QTY Service Supplemental Quantity. */
  quantities?: LineQuantity[];
  /** LQ: HE = RARC remark code, RX = NCPDP reject code. */
  remarks: { qualifier: string; code: string }[];
}

/** Loop 2100. */
export interface ClaimPayment {
  /** 1-based position of the CLP segment in the file. */
  segmentNumber?: number;
  /** LX01 of the 2000 loop this claim is under. */
  headerNumber?: string;
  patientControlNumber: string;
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal… */
  status: string;
  chargeCents: Cents;
  paidCents: Cents;
  patientResponsibilityCents?: Cents;
  claimFilingIndicator?: string;
  payerClaimControlNumber?: string;
  facilityCode?: string;
  frequencyCode?: string;
  drgCode?: string;
  /** CLP12 DRG Weight, CLP13 Discharge Fraction (percent). */
  drgWeight?: string;
  dischargeFraction?: string;
  adjustments: Adjustment[];
  patient?: Party;
  insured?: Party;
  correctedInsured?: Party;
  renderingProvider?: Party;
  crossoverCarrier?: Party;
  correctedPriorityPayer?: Party;
  /** NM1*GB Other Subscriber Name. */
  otherSubscriber?: Party;
  /** PER*CX Claim Contact Information. */
  contacts?: RemitContact[];
  /** QTY Claim Supplemental Information Quantity. */
  quantities?: LineQuantity[];
  inpatient?: InpatientAdjudication;
  outpatient?: OutpatientAdjudication;
  dates: QualifiedDate[];
  references: Reference[];
  amounts: QualifiedAmount[];
  serviceLines: ServicePayment[];
}

/** PLB: provider-level adjustment (not tied to a claim). */
export interface ProviderAdjustment {
  providerId: string;
  fiscalPeriodDate: IsoDate;
  adjustments: { reason: string; referenceId?: string; amountCents: Cents }[];
}

/** TS3 Provider Summary Information (loop 2000), for institutional providers. */
export interface ProviderSummary {
  providerId: string;
  facilityCode: string;
  fiscalPeriodDate: IsoDate;
  claimCount: string;
  totalChargeCents: Cents;
  totalMspPayerCents?: Cents;
  totalNonLabChargeCents?: Cents;
  totalHcpcsReportedChargeCents?: Cents;
  totalHcpcsPayableCents?: Cents;
  totalProfessionalComponentCents?: Cents;
  totalMspPatientLiabilityMetCents?: Cents;
  totalPatientReimbursementCents?: Cents;
  totalPipClaimCount?: string;
  totalPipAdjustmentCents?: Cents;
}

/** TS2 Provider Supplemental Summary Information (loop 2000), Medicare Part A. */
export interface SupplementalSummary {
  totalDrgCents?: Cents;
  totalFederalSpecificCents?: Cents;
  totalHospitalSpecificCents?: Cents;
  totalDisproportionateShareCents?: Cents;
  totalCapitalCents?: Cents;
  totalIndirectMedicalEducationCents?: Cents;
  totalOutlierDayCount?: string;
  totalDayOutlierCents?: Cents;
  totalCostOutlierCents?: Cents;
  averageDrgLengthOfStay?: string;
  totalDischargeCount?: string;
  totalCostReportDayCount?: string;
  totalCoveredDayCount?: string;
  totalNoncoveredDayCount?: string;
  totalMspPassThroughCents?: Cents;
  averageDrgWeight?: string;
  totalPpsCapitalFspDrgCents?: Cents;
  totalPpsCapitalHspDrgCents?: Cents;
  totalPpsDshDrgCents?: Cents;
}

/** Loop 2000 Header Number: LX01 and the provider summaries claims with that LX share. */
export interface ClaimHeader {
  number: string;
  providerSummary?: ProviderSummary;
  supplementalSummary?: SupplementalSummary;
}

/** One 835 transaction set. */
export interface Remittance {
  controlNumber: string;
  /** REF*F2 Version Identification. */
  versionId?: string;
  /** 2000 headers that carry TS3/TS2 (claims point to theirs by headerNumber). */
  headers?: ClaimHeader[];
  payment: Payment;
  trace: Trace;
  receiverId?: string;
  productionDate?: IsoDate;
  payer: RemitParty;
  payee: RemitParty;
  claims: ClaimPayment[];
  providerAdjustments: ProviderAdjustment[];
}
