// 276/277 (005010X212) as plain objects: what a writer takes is what the reader gives back.
import type { DatePeriod, IsoDate } from '../engine/dates.ts';
import type { Cents } from '../engine/money.ts';
import type { Procedure } from './837-line-types.ts';
import type { Party } from './837-types.ts';
import type { ClaimStatus } from './277ca.ts';
import type { Member } from './eligibility-types.ts';

/** 2200D/E identifiers of one claim asked about (or answered for). */
export interface ClaimKeys {
  /** TRN02: the trace the 276 gave, echoed by the 277. */
  traceNumber: string;
  /** REF*1K payer claim control number. */
  payerClaimControlNumber?: string;
  /** REF*BLT institutional bill type. */
  billType?: string;
  /** REF*EJ patient control number (CLM01). */
  patientControlNumber?: string;
  /** REF*D9 clearinghouse trace number. */
  clearinghouseTraceNumber?: string;
  /** DTP*472 claim service dates. */
  serviceDate?: DatePeriod;
}

/** SVC of 2210/2220: one service line. */
export interface StatusLine {
  procedure: Procedure;
  chargeCents: Cents;
  /** SVC03 (277 only). */
  paidCents?: Cents;
  revenueCode?: string;
  /** SVC07 units of service. */
  units?: string;
  /** REF*FJ line item control number. */
  lineControlNumber?: string;
  serviceDate?: DatePeriod;
}

export interface ClaimInquiry extends ClaimKeys {
  /** AMT*T3 claim submitted charges. */
  chargeCents?: Cents;
  lines?: StatusLine[];
}

/** An STC of a 277: the 277CA's status with the X212 payment elements. */
export interface StatusDetail extends ClaimStatus {
  /** STC05 claim payment amount. */
  paidCents?: Cents;
  /** STC06 adjudication or payment date. */
  adjudicatedDate?: IsoDate;
  /** STC07 payment method (ACH, CHK, NON, BOP…). */
  paymentMethod?: string;
  /** STC08 check issue or EFT effective date. */
  checkDate?: IsoDate;
  /** STC09 check or EFT trace number. */
  checkNumber?: string;
}

export interface ClaimStatusReport extends ClaimKeys {
  statuses: StatusDetail[];
  /** REF*VV voucher identifier. */
  voucherId?: string;
  lines: (StatusLine & { statuses: StatusDetail[] })[];
}

interface StatusEnvelope {
  /** BHT03, BHT04 date, BHT05 time (HHMM). */
  referenceId: string;
  date: IsoDate;
  time: string;
  payer: Party;
  /** 2100B NM1*41: who asks (the practice or its clearinghouse). */
  receiver: Party;
  /** 2100C NM1*1P: the billing provider. */
  provider: Party;
  subscriber: Member;
  /** The patient when not the subscriber (2000E). */
  dependent?: Member;
}

/** One member's claims asked about: a 2000D (or 2000E) of a 276. */
export interface ClaimStatusRequest extends StatusEnvelope {
  claims: ClaimInquiry[];
}

/** One member's claims answered: a 2000D (or 2000E) of a 277. */
export interface ClaimStatusResponse extends StatusEnvelope {
  claims: ClaimStatusReport[];
}
