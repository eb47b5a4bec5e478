// 270/271 (005010X279A1) as plain objects: what a writer takes is what the reader gives back.
import type { Cents } from '../engine/money.ts';
import type { DatePeriod, IsoDate } from '../engine/dates.ts';
import type { ClaimDate } from './837-claim-types.ts';
import type { Procedure } from './837-line-types.ts';
import type { Party, Reference } from './837-types.ts';

/** TRN: TRN01 1 (the sender's own) or 2 (echoed back), TRN02 the trace, TRN03 who assigned it. */
export interface TraceNumber {
  type: string;
  number: string;
  originatorId?: string;
  supplementalId?: string;
}

/** A subscriber or dependent (2100C/2100D): NM1 with N3/N4 and REF, DMG, INS. */
export interface Member extends Party {
  birthDate?: IsoDate;
  gender?: string;
  /** INS02 Individual Relationship Code of a dependent (01 spouse, 19 child, 34 other adult…). */
  relationship?: string;
}

/** AAA Request Validation: AAA01 N says the request could not be answered for AAA03. */
export interface Rejection {
  /** AAA01 Y (valid request) or N (not valid). */
  validRequest: string;
  /** AAA03 Reject Reason Code (72 invalid member id, 75 subscriber not found, 42 unable to respond…). */
  reason: string;
  /** AAA04 Follow-up Action Code (C correct and resubmit, N resubmission not allowed, R resubmission allowed…). */
  followUp?: string;
}

/** One patient's inquiry: a 270 transaction set with one subscriber level (and a dependent under it). */
export interface EligibilityRequest {
  /** BHT03 Submitter Transactional Identifier, BHT04 date, BHT05 time (HHMM). */
  referenceId: string;
  date: IsoDate;
  time: string;
  /** 2100A: the payer (NM101 PR) asked. */
  payer: Party;
  /** 2100B: the provider asking (NM101 1P, NPI in NM109 with XX). */
  provider: Party;
  subscriber: Member;
  /** The patient when not the subscriber (2000D). */
  dependent?: Member;
  /** TRN*1 at the patient's level: echoed in the 271 as TRN*2. */
  trace: TraceNumber;
  /** DTP*291 Plan date: the date (or dates) of service asked about. */
  serviceDate?: DatePeriod;
  /** EQ01 Service Type Codes (30 health benefit plan coverage, 98 office visit, 86 emergency…). */
  serviceTypes: string[];
}

/** 2120C/D: a person or organisation a benefit names (primary care provider, other payer…). */
export interface BenefitEntity extends Party {
  /** NM101 Entity Identifier Code: PR payer, P3 primary care provider, 1P provider, 36 employer… */
  entityCode: string;
}

/** EB and its loop (2110C/2110D): one benefit fact, codes kept as sent. */
export interface Benefit {
  /** EB01 Eligibility or Benefit Information Code: 1–8 coverage status, A coinsurance, B copay, C deductible, G out of pocket, R other payer… */
  code: string;
  /** EB02 Coverage Level Code: IND, FAM, EMP… */
  coverageLevel?: string;
  /** EB03 Service Type Codes (repeats). */
  serviceTypes: string[];
  /** EB04 Insurance Type Code (MB Medicare B, C1 commercial, HM HMO…). */
  insuranceType?: string;
  /** EB05 Plan Coverage Description. */
  planDescription?: string;
  /** EB06 Time Period Qualifier: 23 calendar year, 29 remaining, 24 year to date, 27 visit… */
  timePeriod?: string;
  /** EB07 Monetary Amount. */
  amountCents?: Cents;
  /** EB08 Percent as a decimal, as sent ("0.2" is 20%). */
  percent?: string;
  /** EB09/EB10 quantity (VS visits, DY days…). */
  quantityQualifier?: string;
  quantity?: string;
  /** EB11 Authorization or Certification Indicator: Y, N, U. */
  authorizationRequired?: string;
  /** EB12 In Plan Network Indicator: Y in, N out, W not applicable (both), U unknown. */
  inNetwork?: string;
  /** EB13 the procedure the benefit is for. */
  procedure?: Procedure;
  dates?: ClaimDate[];
  references?: Reference[];
  rejections?: Rejection[];
  messages?: string[];
  /** 2120: entities the benefit names (other payer, primary care provider…). */
  entities?: BenefitEntity[];
}

/** 2000C/2000D of a 271: the member as the payer knows it and its benefits. */
export interface MemberBenefits extends Member {
  traces: TraceNumber[];
  rejections: Rejection[];
  /** 2100 DTP: 346 plan begin, 347 plan end, 356/357 eligibility begin/end, 291 plan, 307 eligibility… */
  dates: ClaimDate[];
  benefits: Benefit[];
}

/** One 271 transaction set's answer for one patient (the dependent, when there is one, is the patient). */
export interface EligibilityResponse {
  referenceId: string;
  date: IsoDate;
  time: string;
  payer: Party;
  provider: Party;
  /** AAA at the source (2000A/2100A) and receiver (2100B) levels: the whole request was refused. */
  rejections: Rejection[];
  subscriber: MemberBenefits;
  dependent?: MemberBenefits;
}
