// 005010X279A1 Health Care Eligibility Benefit Response (271) guide map.
import { MEMBER_REFS, RECEIVER_ENTITIES, RECEIVER_REFS, SOURCE_ENTITIES } from './270.ts';
import { codes, loop, seg, UNBOUNDED, type LoopRule, type TransactionMap } from './types.ts';

/** AAA: AAA01 N with a reject reason (AAA03) and what to do (AAA04). */
const aaa = (name: string) =>
  seg('AAA', name, 'S', 9, {
    el: { '01': codes('N', 'Y'), '04': codes('C', 'N', 'P', 'R', 'S', 'W', 'X', 'Y') },
  });

/** 2000C/2000D of a 271: the member, its name loop and the benefits (EB) with their 2115/2120 loops. */
function memberLevel(level: 'C' | 'D'): LoopRule {
  const subscriber = level === 'C';
  const who = subscriber ? 'Subscriber' : 'Dependent';
  const benefit = loop(`2110${level}`, `${who} Eligibility or Benefit Information`, 'S', UNBOUNDED, [
    seg('EB', `${who} Eligibility or Benefit Information`, 'R', 1),
    seg('HSD', 'Health Care Services Delivery', 'S', 9),
    seg('REF', `${who} Additional Identification`, 'S', 9),
    seg('DTP', `${who} Eligibility/Benefit Date`, 'S', 20),
    aaa(`${who} Request Validation`),
    seg('MSG', 'Message Text', 'S', 10),
    loop(`2115${level}`, `${who} Eligibility or Benefit Additional Information`, 'S', 10, [
      seg('III', `${who} Eligibility or Benefit Additional Information`, 'R', 1),
    ]),
    seg('LS', 'Loop Header', 'S', 1, { el: { '01': codes('2120') } }),
    loop(`2120${level}`, `${who} Benefit Related Entity Name`, 'S', 23, [
      seg('NM1', `${who} Benefit Related Entity Name`, 'R', 1),
      seg('N3', `${who} Benefit Related Entity Address`, 'S', 1),
      seg('N4', `${who} Benefit Related Entity City, State, ZIP Code`, 'S', 1),
      seg('PER', `${who} Benefit Related Entity Contact Information`, 'S', 3),
      seg('PRV', `${who} Benefit Related Provider Information`, 'S', 1),
    ]),
    seg('LE', 'Loop Trailer', 'S', 1, { el: { '01': codes('2120') } }),
  ]);
  return loop(`2000${level}`, `${who} Level`, 'S', UNBOUNDED, [
    seg('HL', `${who} Level`, 'R', 1, {
      match: ['03', subscriber ? '22' : '23'],
      el: { '04': codes('0', '1') },
    }),
    seg('TRN', `${who} Trace Number`, 'S', 3, { match: ['01', '1', '2'] }),
    loop(`2100${level}`, `${who} Name`, 'R', 1, [
      seg('NM1', `${who} Name`, 'R', 1, { match: ['01', subscriber ? 'IL' : '03'] }),
      seg('REF', `${who} Additional Identification`, 'S', 9, { match: ['01', ...MEMBER_REFS, 'Q4'] }),
      seg('N3', `${who} Address`, 'S', 1),
      seg('N4', `${who} City, State, ZIP Code`, 'S', 1),
      aaa(`${who} Request Validation`),
      seg('PRV', 'Provider Information', 'S', 1),
      seg('DMG', `${who} Demographic Information`, 'S', 1),
      seg('INS', `${who} Relationship`, 'S', 1),
      seg('HI', `${who} Health Care Diagnosis Code`, 'S', 1),
      seg('DTP', `${who} Date`, 'S', 9),
      seg('MPI', `${who} Military Personnel Information`, 'S', 1),
      benefit,
    ]),
    ...(subscriber ? [memberLevel('D')] : []),
  ]);
}

export const X279A1_271: TransactionMap = {
  guide: '005010X279A1',
  setId: '271',
  functionalId: 'HB',
  name: 'Health Care Eligibility Benefit Response',
  body: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, {
      el: { '01': codes('0022'), '02': codes('06', '11') },
    }),
    loop('2000A', 'Information Source Level', 'R', UNBOUNDED, [
      seg('HL', 'Information Source Level', 'R', 1, { match: ['03', '20'] }),
      aaa('Request Validation'),
      loop('2100A', 'Information Source Name', 'R', 1, [
        seg('NM1', 'Information Source Name', 'R', 1, { match: ['01', ...SOURCE_ENTITIES] }),
        seg('PER', 'Information Source Contact Information', 'S', 3),
        aaa('Request Validation'),
      ]),
      loop('2000B', 'Information Receiver Level', 'S', UNBOUNDED, [
        seg('HL', 'Information Receiver Level', 'R', 1, { match: ['03', '21'] }),
        loop('2100B', 'Information Receiver Name', 'R', 1, [
          seg('NM1', 'Information Receiver Name', 'R', 1, { match: ['01', ...RECEIVER_ENTITIES] }),
          seg('REF', 'Information Receiver Additional Identification', 'S', 9, {
            match: ['01', ...RECEIVER_REFS],
          }),
          aaa('Information Receiver Request Validation'),
          seg('PRV', 'Information Receiver Provider Information', 'S', 1),
        ]),
        memberLevel('C'),
      ]),
    ]),
  ],
};
