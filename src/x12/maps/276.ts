// 005010X212 Health Care Claim Status Request (276) guide map.
import { codes, loop, notUsed, seg, UNBOUNDED, type LoopRule, type TransactionMap } from './types.ts';

/** 2000D/2000E of a 276: the member, its name and the claims asked about (2200), with lines (2210). */
function memberLevel(level: 'D' | 'E'): LoopRule {
  const subscriber = level === 'D';
  const who = subscriber ? 'Subscriber' : 'Dependent';
  return loop(`2000${level}`, `${who} Level`, subscriber ? 'R' : 'S', UNBOUNDED, [
    seg('HL', `${who} Level`, 'R', 1, {
      match: ['03', subscriber ? '22' : '23'],
      el: { '04': subscriber ? codes('0', '1') : notUsed },
    }),
    seg('DMG', `${who} Demographic Information`, subscriber ? 'S' : 'R', 1),
    loop(`2100${level}`, `${who} Name`, 'R', 1, [
      seg('NM1', `${who} Name`, 'R', 1, { match: ['01', subscriber ? 'IL' : 'QC'] }),
    ]),
    loop(`2200${level}`, 'Claim Status Tracking Number', subscriber ? 'S' : 'R', UNBOUNDED, [
      seg('TRN', 'Claim Status Tracking Number', 'R', 1, { match: ['01', '1'] }),
      seg('REF', 'Payer Claim Control Number', 'S', 1, { match: ['01', '1K'] }),
      seg('REF', 'Institutional Bill Type Identification', 'S', 1, { match: ['01', 'BLT'] }),
      seg('REF', 'Application or Location System Identifier', 'S', 1, { match: ['01', 'LU'] }),
      seg('REF', 'Group Number', 'S', 1, { match: ['01', '6P'] }),
      seg('REF', 'Patient Control Number', 'S', 1, { match: ['01', 'EJ'] }),
      seg('REF', 'Pharmacy Prescription Number', 'S', 1, { match: ['01', 'XZ'] }),
      seg('REF', 'Claim Identification Number for Clearinghouses', 'S', 1, { match: ['01', 'D9'] }),
      seg('AMT', 'Claim Submitted Charges', 'S', 1, { match: ['01', 'T3'] }),
      seg('DTP', 'Claim Service Date', 'S', 1, { match: ['01', '472'], el: { '02': codes('D8', 'RD8') } }),
      loop(`2210${level}`, 'Service Line Information', 'S', UNBOUNDED, [
        seg('SVC', 'Service Line Information', 'R', 1),
        seg('REF', 'Service Line Item Identification', 'S', 1, { match: ['01', 'FJ'] }),
        seg('DTP', 'Service Line Date', 'R', 1, { match: ['01', '472'], el: { '02': codes('D8', 'RD8') } }),
      ]),
    ]),
    ...(subscriber ? [memberLevel('E')] : []),
  ]);
}

export const X212_276: TransactionMap = {
  guide: '005010X212',
  setId: '276',
  functionalId: 'HR',
  name: 'Health Care Claim Status Request',
  body: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, {
      el: { '01': codes('0010'), '02': codes('13') },
    }),
    loop('2000A', 'Information Source Level', 'R', UNBOUNDED, [
      seg('HL', 'Information Source Level', 'R', 1, { match: ['03', '20'] }),
      loop('2100A', 'Payer Name', 'R', 1, [seg('NM1', 'Payer Name', 'R', 1, { match: ['01', 'PR'] })]),
      loop('2000B', 'Information Receiver Level', 'R', UNBOUNDED, [
        seg('HL', 'Information Receiver Level', 'R', 1, { match: ['03', '21'] }),
        loop('2100B', 'Information Receiver Name', 'R', 1, [
          seg('NM1', 'Information Receiver Name', 'R', 1, { match: ['01', '41'] }),
        ]),
        loop('2000C', 'Service Provider Level', 'R', UNBOUNDED, [
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
