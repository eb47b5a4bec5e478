// Typed 837 loops 2320/2330A–I: other payers of the claim (coordination of benefits), X222A1 and X223A2.
import type { IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';
import type { Party } from './837-types.ts';
import type { ProviderRoles } from './837-claim-types.ts';

/** CAS group code and one reason/amount/quantity triplet. */
export interface Adjustment {
  group: string;
  reason: string;
  amountCents: Cents;
  quantity?: string;
}

/** MIA Inpatient Adjudication Information (837I 2320; also read from the 835). */
export interface InpatientAdjudication {
  /** MIA01 Covered Days or Visits Count. */
  coveredDaysOrVisits: string;
  /** MIA02 PPS Operating Outlier Amount. */
  ppsOperatingOutlierCents?: Cents;
  /** MIA03 Lifetime Psychiatric Days Count. */
  lifetimePsychiatricDays?: string;
  /** MIA04 Claim DRG Amount. */
  drgAmountCents?: Cents;
  /** MIA05, MIA20–MIA23 Claim Payment Remark Codes. */
  remarkCodes: string[];
  /** MIA06 Claim Disproportionate Share Amount. */
  disproportionateShareCents?: Cents;
  /** MIA07 Claim MSP Pass-through Amount. */
  mspPassThroughCents?: Cents;
  /** MIA08 Claim PPS Capital Amount. */
  ppsCapitalCents?: Cents;
  /** MIA09 PPS-Capital FSP DRG Amount. */
  ppsCapitalFspDrgCents?: Cents;
  /** MIA10 PPS-Capital HSP DRG Amount. */
  ppsCapitalHspDrgCents?: Cents;
  /** MIA11 PPS-Capital DSH DRG Amount. */
  ppsCapitalDshDrgCents?: Cents;
  /** MIA12 Old Capital Amount. */
  oldCapitalCents?: Cents;
  /** MIA13 PPS-Capital IME Amount. */
  ppsCapitalImeCents?: Cents;
  /** MIA14 PPS-Operating Hospital Specific DRG Amount. */
  ppsOperatingHospitalSpecificDrgCents?: Cents;
  /** MIA15 Cost Report Day Count. */
  costReportDays?: string;
  /** MIA16 PPS-Operating Federal Specific DRG Amount. */
  ppsOperatingFederalSpecificDrgCents?: Cents;
  /** MIA17 Claim PPS Capital Outlier Amount. */
  ppsCapitalOutlierCents?: Cents;
  /** MIA18 Claim Indirect Teaching Amount. */
  indirectTeachingCents?: Cents;
  /** MIA19 Non-Payable Professional Component Amount. */
  nonPayableProfessionalCents?: Cents;
  /** MIA24 PPS-Capital Exception Amount. */
  ppsCapitalExceptionCents?: Cents;
}

/** MOA Outpatient Adjudication Information (2320; also read from the 835). */
export interface OutpatientAdjudication {
  /** MOA01 Reimbursement Rate. */
  reimbursementRate?: string;
  /** MOA02 HCPCS Payable Amount. */
  hcpcsPayableCents?: Cents;
  /** MOA03–MOA07 Claim Payment Remark Codes. */
  remarkCodes: string[];
  /** MOA08 End Stage Renal Disease Payment Amount. */
  esrdPaymentCents?: Cents;
  /** MOA09 Non-Payable Professional Component Billed Amount. */
  nonPayableProfessionalCents?: Cents;
}

/**
 * Loop 2320 Other Subscriber Information with 2330A–I: another payer already involved (coordination
 * of benefits). `payer.refs`: 2330B REF*2U/EI/FY/NF, G1, 9F, T4, F8. Providers: 2330C–I secondary ids.
 */
export interface OtherPayer extends Omit<
  ProviderRoles,
  'ambulancePickUp' | 'ambulanceDropOff' | 'purchasedServiceProvider' | 'orderingProvider'
> {
  /** SBR01 Payer Responsibility Sequence Number Code. */
  payerResponsibility: string;
  /** SBR02 Individual Relationship Code. */
  relationship: string;
  /** SBR03 Insured Group or Policy Number. */
  groupNumber?: string;
  /** SBR04 Other Insured Group Name. */
  groupName?: string;
  /** SBR05 Insurance Type Code. */
  insuranceType?: string;
  /** SBR09 Claim Filing Indicator Code. */
  claimFilingIndicator?: string;
  /** CAS Claim Level Adjustments. */
  adjustments: Adjustment[];
  /** AMT*D Payer Paid Amount. */
  paidCents?: Cents;
  /** AMT*A8 Non-Covered Amount. */
  nonCoveredCents?: Cents;
  /** AMT*EAF Remaining Patient Liability. */
  remainingPatientLiabilityCents?: Cents;
  /** OI03 Benefits Assignment Certification Indicator, OI06 Release of Information Code. */
  benefitsAssigned: string;
  releaseOfInformation: string;
  /** OI04 Patient Signature Source Code (837P). */
  patientSignatureSource?: string;
  /** MIA Inpatient Adjudication Information (837I). */
  inpatient?: InpatientAdjudication;
  /** MOA Outpatient Adjudication Information. */
  outpatient?: OutpatientAdjudication;
  /** Loop 2330A Other Subscriber Name (refs: REF*SY). */
  subscriber: Party;
  /** Loop 2330B Other Payer Name. */
  payer: Party;
  /** 2330B DTP*573 Claim Check or Remittance Date. */
  remittanceDate?: IsoDate;
}
