import type { IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';
import type {
  Address,
  Adjustment,
  InpatientAdjudication,
  OutpatientAdjudication,
  Party,
  Procedure,
  Reference,
} from './837-types.ts';

// MIA/MOA and REF are the same segments in the 837 and the 835: one type each (837-claim-types.ts).
export type { InpatientAdjudication, OutpatientAdjudication, Reference };

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
  adjustments: Adjustment[];
  patient?: Party;
  insured?: Party;
  correctedInsured?: Party;
  renderingProvider?: Party;
  crossoverCarrier?: Party;
  correctedPriorityPayer?: Party;
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

/** One 835 transaction set. */
export interface Remittance {
  controlNumber: string;
  payment: Payment;
  trace: Trace;
  receiverId?: string;
  productionDate?: IsoDate;
  payer: RemitParty;
  payee: RemitParty;
  claims: ClaimPayment[];
  providerAdjustments: ProviderAdjustment[];
}
