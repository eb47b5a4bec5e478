// 005010X212 Health Care Claim Status Response (277) guide map (the 277CA, X214, is ./277ca.ts).
import {
  codes,
  loop,
  notUsed,
  required,
  seg,
  UNBOUNDED,
  type LoopRule,
  type TransactionMap,
} from './types.ts';

// X212 STC: the status date is required; claim level keeps the amounts, dates and check (STC03, STC07
// and STC12 not used); line level has only the status and its date.
const claimStc = seg('STC', 'Claim Level Status Information', 'R', UNBOUNDED, {
  el: { '02': required, '03': notUsed, '07': notUsed, '12': notUsed },
});
const lineStc = seg('STC', 'Service Line Status Information', 'R', UNBOUNDED, {
  el: {
    '02': required,
    '03': notUsed,
    '04': notUsed,
    '05': notUsed,
    '06': notUsed,
    '07': notUsed,
    '08': notUsed,
    '09': notUsed,
    '12': notUsed,
  },
});

/** 2000D/2000E of a 277: the member, its name and each claim's status (2200), with lines (2220). */
function memberLevel(level: 'D' | 'E'): LoopRule {
  const subscriber = level === 'D';
  const who = subscriber ? 'Subscriber' : 'Dependent';
  return loop(`2000${level}`, `${who} Level`, 'S', UNBOUNDED, [
    seg('HL', `${who} Level`, 'R', 1, {
      match: ['03', subscriber ? '22' : '23'],
      el: { '04': subscriber ? codes('0', '1') : notUsed },
    }),
    loop(`2100${level}`, `${who} Name`, 'R', 1, [
      seg('NM1', `${who} Name`, 'R', 1, { match: ['01', subscriber ? 'IL' : 'QC'] }),
    ]),
    loop(`2200${level}`, 'Claim Status Tracking Number', subscriber ? 'S' : 'R', UNBOUNDED, [
      seg('TRN', 'Claim Status Tracking Number', 'R', 1, { match: ['01', '2'] }),
      claimStc,
      seg('REF', 'Payer Claim Control Number', 'S', 1, { match: ['01', '1K'] }),
      seg('REF', 'Institutional Bill Type Identification', 'S', 1, { match: ['01', 'BLT'] }),
      seg('REF', 'Patient Control Number', 'S', 1, { match: ['01', 'EJ'] }),
      seg('REF', 'Pharmacy Prescription Number', 'S', 1, { match: ['01', 'XZ'] }),
      seg('REF', 'Voucher Identifier', 'S', 1, { match: ['01', 'VV'] }),
      seg('REF', 'Claim Identification Number for Clearinghouses', 'S', 1, { match: ['01', 'D9'] }),
      seg('DTP', 'Claim Service Date', 'S', 1, { match: ['01', '472'], el: { '02': codes('D8', 'RD8') } }),
      loop(`2220${level}`, 'Service Line Information', 'S', UNBOUNDED, [
        seg('SVC', 'Service Line Information', 'R', 1, {
          el: { '03': required, '05': notUsed, '07': required },
        }),
        lineStc,
        seg('REF', 'Service Line Item Identification', 'S', 1, { match: ['01', 'FJ'] }),
        seg('DTP', 'Service Line Date', 'R', 1, { match: ['01', '472'], el: { '02': codes('D8', 'RD8') } }),
      ]),
    ]),
    ...(subscriber ? [memberLevel('E')] : []),
  ]);
}

export const X212_277: TransactionMap = {
  guide: '005010X212',
  setId: '277',
  functionalId: 'HN',
  name: 'Health Care Claim Status Response',
  body: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, {
      el: { '01': codes('0010'), '02': codes('08'), '06': codes('DG') },
    }),
    loop('2000A', 'Information Source Level', 'R', UNBOUNDED, [
      seg('HL', 'Information Source Level', 'R', 1, { match: ['03', '20'] }),
      loop('2100A', 'Payer Name', 'R', 1, [
        seg('NM1', 'Payer Name', 'R', 1, { match: ['01', 'PR'] }),
        seg('PER', 'Payer Contact Information', 'S', 1, { match: ['01', 'IC'] }),
      ]),
      loop('2000B', 'Information Receiver Level', 'R', UNBOUNDED, [
        seg('HL', 'Information Receiver Level', 'R', 1, { match: ['03', '21'] }),
        loop('2100B', 'Information Receiver Name', 'R', 1, [
          seg('NM1', 'Information Receiver Name', 'R', 1, { match: ['01', '41'] }),
        ]),
        loop('2000C', 'Service Provider Level', 'S', UNBOUNDED, [
          seg('HL', 'Service Provider Level', 'R', 1, { match: ['03', '19'] }),
          loop('2100C', 'Provider Name', 'R', 1, [
            seg('NM1', 'Provider Name', 'R', 1, { match: ['01', '1P'] }),
          ]),
          memberLevel('D'),
        ]),
      ]),
    ]),
  ],
};
