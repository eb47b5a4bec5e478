// 270/271 segment uses as field tables: one table reads and writes each segment (270/271 readers and writers).
import { codec } from './codec.ts';
import type { Benefit, Rejection, TraceNumber } from './eligibility-types.ts';

export const TRN = codec<TraceNumber>('TRN', [
  ['type', '01'],
  ['number', '02'],
  ['originatorId', '03'],
  ['supplementalId', '04'],
]);

export const AAA = codec<Rejection>('AAA', [
  ['validRequest', '01'],
  ['reason', '03'],
  ['followUp', '04'],
]);

/** INS of a dependent: INS01 N (not the subscriber), INS02 the relationship. */
export const INS = codec<{ relationship?: string }>(
  'INS',
  [['relationship', '02']],
  [['01', 'N', 'relationship']],
);

/** EB without EB03 (repeats) and EB13 (composite), which the readers and writers handle. */
export const EB = codec<Benefit>('EB', [
  ['code', '01'],
  ['coverageLevel', '02'],
  ['insuranceType', '04'],
  ['planDescription', '05'],
  ['timePeriod', '06'],
  ['amountCents', '07', 'cents'],
  ['percent', '08'],
  ['quantityQualifier', '09'],
  ['quantity', '10'],
  ['authorizationRequired', '11'],
  ['inNetwork', '12'],
]);

export const MSG = codec<{ text: string }>('MSG', [['text', '01']]);
