/**
 * The claim as the 1500 form needs it: plain data the caller fills from the database.
 * Money is integer cents; dates are ISO calendar dates (YYYY-MM-DD).
 */

export interface Cms1500Address {
  line1: string;
  line2?: string | null;
  city: string;
  /** two-letter state code */
  state: string;
  /** 5 or 9 digits */
  zip: string;
}

export interface Cms1500PersonName {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  suffix?: string | null;
}

export type Cms1500Sex = 'M' | 'F' | 'U';

export interface Cms1500Payer {
  name: string;
  address?: Cms1500Address | null;
  /** SBR09 claim filing indicator code: MB Medicare Part B, MC Medicaid, CH TRICARE, VA, CI, BL, HM, WC ... */
  claimFilingIndicator: string;
}

export interface Cms1500Patient extends Cms1500PersonName {
  dateOfBirth: string;
  sex: Cms1500Sex;
  address: Cms1500Address;
  /** 10 digits */
  phone?: string | null;
}

export interface Cms1500Insured extends Cms1500PersonName {
  /** Item 1a: the member ID on the insured's card */
  memberId: string;
  /** Patient's relationship to insured, X12 individual relationship code (PAT01/SBR02): 18 self, 01 spouse, 19 child, other codes print as Other. */
  relationship: string;
  dateOfBirth?: string | null;
  sex?: Cms1500Sex | null;
  /** defaults to the patient's address when the patient is the insured */
  address?: Cms1500Address | null;
  phone?: string | null;
  groupNumber?: string | null;
  planName?: string | null;
}

/** Items 9, 9a, 9d: the other health plan (on a secondary claim, the primary). */
export interface Cms1500OtherInsured extends Cms1500PersonName {
  policyOrGroupNumber: string;
  planName: string;
}

export interface Cms1500BillingProvider {
  /** organization name, or the provider's name for an individual */
  name: string;
  npi: string;
  /** 9 digits, hyphen optional */
  taxId: string;
  /** Item 25 check box; EIN unless the provider bills under an SSN */
  taxIdType?: 'EIN' | 'SSN';
  address: Cms1500Address;
  phone?: string | null;
}

export interface Cms1500Provider extends Cms1500PersonName {
  npi: string;
  credentials?: string | null;
}

export interface Cms1500Facility {
  name: string;
  npi?: string | null;
  address: Cms1500Address;
}

export interface Cms1500ServiceLine {
  serviceDate: string;
  /** defaults to serviceDate */
  serviceDateTo?: string | null;
  /** defaults to the claim's place of service */
  placeOfService?: string | null;
  procedureCode: string;
  modifiers: string[];
  /** 1-based positions in the claim's diagnoses (1 = A) */
  diagnosisPointers: number[];
  chargeCents: number;
  units: number | string;
  /** defaults to the claim's rendering provider NPI */
  renderingNpi?: string | null;
}

export interface Cms1500Claim {
  /** CLM01, printed in item 26 */
  patientControlNumber: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void */
  frequencyCode: string;
  /** payer claim control number of the claim being replaced or voided (item 22) */
  originalReferenceNumber?: string | null;
  priorAuthorization?: string | null;
  placeOfService: string;
  /** ICD-10-CM codes, with or without the dot, in pointer order (A-L) */
  diagnoses: string[];
  /** item 27; defaults to true */
  acceptAssignment?: boolean;
  /** item 29: what other payers paid on the claim (a secondary claim's prior payments) */
  amountPaidCents?: number | null;
  /** item 31 date: the day the claim is printed or signed */
  signedOn: string;
  lines: Cms1500ServiceLine[];
}

export interface Cms1500Input {
  payer: Cms1500Payer;
  patient: Cms1500Patient;
  insured: Cms1500Insured;
  /** items 9 and 11d: another health plan, when the claim names one */
  otherInsured?: Cms1500OtherInsured | null;
  billingProvider: Cms1500BillingProvider;
  renderingProvider?: Cms1500Provider | null;
  referringProvider?: Cms1500Provider | null;
  facility?: Cms1500Facility | null;
  claim: Cms1500Claim;
}
