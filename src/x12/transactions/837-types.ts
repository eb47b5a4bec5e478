// Typed 837 claims (X222A1 professional, X223A2 institutional): the parties. Claim (2300) and
// service line (2400) types are in 837-claim-types.ts and 837-line-types.ts. Names follow the TR3;
// optional fields are the situational ones, arrays where the TR3 repeats.
import type { IsoDate } from '../engine/dates.ts';
import type { ClaimInfo } from './837-claim-types.ts';

export type * from './837-claim-types.ts';
export type * from './837-cob-types.ts';
export type * from './837-line-types.ts';

/** The guides an 837 is written in: professional (837P) or institutional (837I). */
export type Guide = '005010X222A1' | '005010X223A2';

/** N3/N4 address. */
export interface Address {
  /** N301 Address Line. */
  line1: string;
  /** N302 second Address Line. */
  line2?: string;
  /** N401 City Name. */
  city: string;
  /** N402 State or Province Code. */
  state?: string;
  /** N403 Postal Zone or ZIP Code. */
  postalCode?: string;
  /** N404 Country Code (addresses outside the United States). */
  countryCode?: string;
  /** N407 Country Subdivision Code. */
  countrySubdivision?: string;
}

/** REF Reference Information: a qualified identifier (secondary ids, claim numbers…). */
export interface Reference {
  /** REF01 Reference Identification Qualifier. */
  qualifier: string;
  /** REF02 Reference Identification. */
  value: string;
  /**
   * REF04-2 Other Payer Primary Identifier (REF04-1 2U): the non-destination payer this identifier is
   * for (X222A1 2400 REF*G1/9F and the 2420B–F secondary identifications).
   */
  payerId?: string;
}

/** PER03–PER08: a Communication Number Qualifier (TE phone, EX extension, FX fax, EM e-mail) and number. */
export interface CommunicationNumber {
  qualifier: string;
  number: string;
}

/** PER Contact Information (PER01 IC). */
export interface Contact {
  /** PER02 Contact Name. */
  name?: string;
  /** PER03–PER08, in order (up to three). */
  numbers: CommunicationNumber[];
}

/** An NM1 party: person (entityType 1) or organization (2), with the N3/N4, REF and PER of its loop. */
export interface Party {
  /** NM102 Entity Type Qualifier. */
  entityType: '1' | '2';
  /** NM103: last name or organization name. */
  lastOrOrganizationName: string;
  /** NM104. */
  firstName?: string;
  /** NM105. */
  middleName?: string;
  /** NM107. */
  suffix?: string;
  /** NM108 / NM109, e.g. XX + NPI, MI + member id, PI + payer id. */
  idQualifier?: string;
  id?: string;
  address?: Address;
  /**
   * The loop's REF segments not held in a named field, in file order: secondary identifiers such as
   * 2010BB REF*2U/EI/FY/NF/G2/LU, 2310B REF*0B/1G/G2/LU, 2330B REF*G1/9F/T4/F8.
   */
  refs?: Reference[];
  /** The loop's PER segments (2010AA, 2310C, 2420E, property and casualty contacts). */
  contacts?: Contact[];
}

/** Loop 1000A Submitter Name. */
export interface Submitter {
  /** NM103 Submitter Last or Organization Name. */
  name: string;
  /** NM109 Submitter Identifier (NM108 46, ETIN). */
  id: string;
  /** NM102: 2 organization (default) or 1 person (then firstName/middleName). */
  entityType?: '1' | '2';
  firstName?: string;
  middleName?: string;
  /**
   * Shorthand for one PER*IC with a name and a TE number (what the claims module stores). Written only
   * when `contacts` is absent; parse837 fills `contacts`.
   */
  contactName?: string;
  phone?: string;
  /** PER Submitter EDI Contact Information (up to two), each with all its numbers. */
  contacts?: Contact[];
}

/** Loop 1000B Receiver Name. */
export interface Receiver {
  /** NM103 Receiver Name. */
  name: string;
  /** NM109 Receiver Primary Identifier (NM108 46). */
  id: string;
}

/** BHT Beginning of Hierarchical Transaction. */
export interface TransactionHeader {
  /** BHT02 Transaction Set Purpose Code: 00 original, 18 reissue. */
  purpose: string;
  /** BHT03 Originator Application Transaction Identifier. */
  referenceId: string;
  /** BHT04 Transaction Set Creation Date (CCYYMMDD, as the envelope options take it). */
  date: string;
  /** BHT05 Transaction Set Creation Time (HHMM[SS[DD]]). */
  time: string;
  /** BHT06 Claim or Encounter Identifier: CH chargeable, RP reporting, 31 subrogation demand. */
  claimOrEncounter?: string;
}

/** Loop 2010AC Pay-To Plan Name (NM1*PE; NM108 PI or XV). */
export interface PayToPlan extends Party {
  /** REF*EI Pay-To Plan Tax Identification Number. */
  taxId: string;
}

/** Loop 2000A/2010AA Billing Provider. `refs`: REF*0B/1G UPIN/License Information. */
export interface BillingProvider extends Party {
  /** REF*EI (employer id) or REF*SY (SSN): Billing Provider Tax Identification. */
  taxIdQualifier: 'EI' | 'SY';
  taxId: string;
  /** 2000A PRV03 Provider Taxonomy Code (PRV01 BI, PRV02 PXC). */
  taxonomyCode?: string;
  /** 2000A CUR02 Currency Code (CUR01 85), when not US dollars. */
  currencyCode?: string;
  /** Loop 2010AB Pay-to Address. */
  payToAddress?: Address;
  /** Loop 2010AC Pay-To Plan Name. */
  payToPlan?: PayToPlan;
}

/** PAT05–PAT09: reported for the patient (2000C, or 2000B when the subscriber is the patient). */
export interface PatientDetails {
  /** PAT06 Patient Death Date (PAT05 D8). */
  deathDate?: IsoDate;
  /** PAT08 Patient Weight in pounds (PAT07 01). */
  weightPounds?: string;
  /** PAT09 Pregnancy Indicator Y. */
  pregnant?: boolean;
}

/** Loop 2000B/2010BA Subscriber. `refs`: REF*SY Subscriber Secondary Identification, REF*Y4 Property and Casualty Claim Number. */
export interface Subscriber extends Party, PatientDetails {
  /** SBR01: P primary, S secondary, T tertiary… */
  payerResponsibility: string;
  /** SBR02 18 when the subscriber is the patient. */
  relationship?: string;
  /** SBR03 Subscriber Group or Policy Number. */
  groupNumber?: string;
  /** SBR04 Subscriber Group Name. */
  groupName?: string;
  /** SBR05 Insurance Type Code (Medicare secondary payer type: 12, 13, 14, 15, 16, 41, 42, 43, 47). */
  insuranceType?: string;
  /** SBR09 claim filing indicator (CI commercial, MB Medicare B, MC Medicaid…). */
  claimFilingIndicator?: string;
  /** DMG02 (DMG01 D8) and DMG03. */
  birthDate?: IsoDate;
  gender?: string;
}

/** Loop 2000C/2010CA, when the patient is not the subscriber. `refs`: REF*Y4, REF*1W/SY. */
export interface Patient extends Party, PatientDetails {
  /** PAT01 individual relationship code (19 child, 01 spouse…). */
  relationship: string;
  birthDate?: IsoDate;
  gender?: string;
}

/** A provider on the claim, line or other payer (2310x, 2420x, 2330C–I). */
export interface Provider extends Party {
  /** PRV03 Provider Taxonomy Code (PRV01 PE rendering, AT attending). */
  taxonomyCode?: string;
}

/**
 * One claim with everything around it (the unit billers work with). The same shape carries 837P and
 * 837I claims; guide-only fields say "837P" or "837I" (the writer leaves out what the chosen guide has
 * no place for).
 */
export interface ProfessionalClaim {
  billingProvider: BillingProvider;
  subscriber: Subscriber;
  payer: Party;
  patient?: Patient;
  claim: ClaimInfo;
}

/** An 837I claim uses the same shape (see the "837I" fields). */
export type InstitutionalClaim = ProfessionalClaim;
