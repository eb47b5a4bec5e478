// The claim as the scrubber reads it: plain data, built from a cleanclaim claim or from any
// 837P/837I file, so the same rules check our claims and other systems' alike.
import type { Cents } from '../shared/money.ts';

export interface ScrubAddress {
  line1?: string;
  city?: string;
  state?: string;
  zip?: string;
}

export interface ScrubPerson {
  lastName?: string;
  firstName?: string;
  dateOfBirth?: string;
  sex?: string;
  address?: ScrubAddress;
}

export interface ScrubProvider {
  name?: string;
  npi?: string;
  taxonomy?: string;
}

export interface ScrubLine {
  /** LX01: 1-based service line number. */
  lineNumber: number;
  /** Empty on an institutional line billed by revenue code alone. */
  procedureCode: string;
  modifiers: string[];
  units: number;
  chargeCents: Cents;
  /** SV107: 1-based positions in the claim's diagnosis list. */
  diagnosisPointers: number[];
  serviceDate: string;
  placeOfService?: string;
  revenueCode?: string;
  /** Loop 2410: LIN03 National Drug Code (LIN02 N4), CTP04 quantity and CTP05-1 unit. */
  ndc?: string;
  ndcQuantity?: string;
  ndcUnit?: string;
  /** Loop 2430: how each prior payer adjudicated the line. */
  adjudications?: ScrubLineAdjudication[];
}

/** A claim or line adjustment (CAS): group code, CARC and amount. */
export interface ScrubAdjustment {
  group: string;
  reason: string;
  amountCents: Cents;
}

/** Loop 2430 Line Adjudication Information. */
export interface ScrubLineAdjudication {
  /** SVD01: the prior payer's id (its 2330B NM109). */
  otherPayerId: string;
  /** SVD02. */
  paidCents: Cents;
  adjustments: ScrubAdjustment[];
  /** DTP*573. */
  adjudicationDate?: string;
}

/** Loop 2320/2330B: another payer of the claim and, once it adjudicated, what it did. */
export interface ScrubOtherPayer {
  /** SBR01: P, S, T… */
  payerResponsibility: string;
  /** 2330B NM109. */
  payerId?: string;
  name?: string;
  /** AMT*D Payer Paid Amount. */
  paidCents?: Cents;
  /** Claim-level CAS. */
  adjustments: ScrubAdjustment[];
  /** 2330B DTP*573 (claim-level adjudication). */
  remittanceDate?: string;
}

/** What a UB-04 / 837I carries beyond the professional claim (form locators in brackets). */
export interface ScrubInstitutional {
  /** [FL4] facility type, classification and frequency, e.g. 111 or 131 (CLM05-1 + CLM05-3). */
  billType: string;
  /** [FL6] statement covers period (DTP*434). */
  statementFrom?: string;
  statementTo?: string;
  /** [FL12–15] admission date, hour, type and source (DTP*435, CL101, CL102). */
  admissionDate?: string;
  admissionHour?: string;
  admissionType?: string;
  admissionSource?: string;
  /** [FL17] patient discharge status (CL103). */
  patientStatus?: string;
  /** [FL69] admitting diagnosis (HI*ABJ). */
  admittingDiagnosis?: string;
  /** [FL67] present-on-admission indicator per diagnosis, in diagnosis order. */
  presentOnAdmission?: string[];
  /** [FL74] ICD-10-PCS procedures, principal first (HI*BBR, HI*BBQ). */
  procedures: { code: string; date: string }[];
  /** [FL35–36] occurrence spans (HI*BI). */
  occurrenceSpans?: { code: string; from: string; to: string }[];
  /** [FL76] attending provider (2310A). */
  attendingProvider?: ScrubProvider;
}

export interface ScrubClaim {
  /** CLM01 patient control number. */
  claimId: string;
  type: 'professional' | 'institutional';
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequencyCode: string;
  payerClaimNumber?: string;
  billingProvider: ScrubProvider & { taxId?: string; address?: ScrubAddress };
  payer: { name?: string; payerId?: string; claimFilingIndicator?: string; timelyFilingDays?: number };
  subscriber: ScrubPerson & { memberId?: string };
  /** The patient: the subscriber when SBR02 is 18. */
  patient: ScrubPerson & { relationship?: string };
  renderingProvider?: ScrubProvider;
  referringProvider?: ScrubProvider;
  facility?: ScrubProvider & { placeOfService?: string };
  /** CLM05-1 (professional): the claim's Place of Service. */
  placeOfService?: string;
  priorAuthorization?: string;
  cliaNumber?: string;
  /** HI: ordered ICD-10-CM codes, principal first. */
  diagnoses: string[];
  /** 2000B SBR01: P primary, S secondary, T tertiary… */
  payerResponsibility?: string;
  /** Loop 2320: the other payers, with their adjudication on a secondary (tertiary) claim. */
  otherPayers?: ScrubOtherPayer[];
  /** Set on institutional claims. */
  institutional?: ScrubInstitutional;
  lines: ScrubLine[];
}
