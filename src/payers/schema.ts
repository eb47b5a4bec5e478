import { Type } from '@sinclair/typebox';
import { Cents, closed, Formatted, Id, IsoDate, Nullable, RowFields, Text } from '../shared/schema.ts';

/** SBR09 claim filing indicator codes (X12 element 1032) as the 837 TR3 allows them. */
export const CLAIM_FILING_INDICATORS = {
  '11': 'Other non-federal programs',
  '12': 'Preferred provider organization (PPO)',
  '13': 'Point of service (POS)',
  '14': 'Exclusive provider organization (EPO)',
  '15': 'Indemnity insurance',
  '16': 'Health maintenance organization (HMO) Medicare risk',
  '17': 'Dental maintenance organization',
  AM: 'Automobile medical',
  BL: 'Blue Cross/Blue Shield',
  CH: 'Champus (TRICARE)',
  CI: 'Commercial insurance',
  DS: 'Disability',
  FI: 'Federal employees program',
  HM: 'Health maintenance organization',
  LM: 'Liability medical',
  MA: 'Medicare Part A',
  MB: 'Medicare Part B',
  MC: 'Medicaid',
  OF: 'Other federal program',
  TV: 'Title V',
  VA: 'Veterans Affairs plan',
  WC: "Workers' compensation health claim",
  ZZ: 'Mutually defined (self-pay)',
} as const;

export const PayerFields = {
  name: Text(60),
  payerId: Text(80, { pattern: '^[A-Za-z0-9-]+$' }),
  claimFilingIndicator: Type.Union(Object.keys(CLAIM_FILING_INDICATORS).map((k) => Type.Literal(k))),
  timelyFilingDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  /** The scrubber warns when eligibility was not checked within this many days; null: no check required. */
  eligibilityCheckDays: Nullable(Type.Integer({ minimum: 1, maximum: 365 })),
  /** A claim with no 835 this many days after submission gets a 276 status inquiry. */
  statusInquiryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  address1: Nullable(Text(55)),
  address2: Nullable(Text(55)),
  city: Nullable(Text(30)),
  state: Nullable(Formatted('us-state', 2)),
  zip: Nullable(Formatted('zip', 9)),
  phone: Nullable(Formatted('phone', 10)),
};
export const PayerCreate = Type.Object({ practiceId: Id, ...PayerFields }, closed);
export const PayerUpdate = Type.Partial(Type.Object(PayerFields), closed);
export const Payer = Type.Object({
  ...RowFields,
  ...PayerFields,
  eligibilityCheckDays: Type.Union([Type.Integer(), Type.Null()]),
  statusInquiryDays: Type.Integer(),
});

/** A contracted rate: what the payer allows per unit of a procedure (and modifier) from a date. */
export const PayerFeeFields = {
  payerId: Id,
  procedureCode: Formatted('procedure-code', 5),
  modifier: Nullable(Formatted('modifier', 2)),
  allowedCents: Cents,
  effectiveDate: IsoDate,
  endDate: Nullable(IsoDate),
};
export const PayerFeeCreate = Type.Object({ practiceId: Id, ...PayerFeeFields }, closed);
export const PayerFeeUpdate = Type.Partial(Type.Object(PayerFeeFields), closed);
export const PayerFee = Type.Object({ ...RowFields, ...PayerFeeFields });
