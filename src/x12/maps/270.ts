// 005010X279A1 Health Care Eligibility Benefit Inquiry (270) guide map.
import { codes, loop, seg, UNBOUNDED, type LoopRule, type TransactionMap } from './types.ts';

/** NM101 entity codes the guide allows for the information source (2100A) and receiver (2100B). */
export const SOURCE_ENTITIES = ['2B', '36', 'GP', 'P5', 'PR'] as const;
export const RECEIVER_ENTITIES = ['1P', '2B', '36', '80', 'FA', 'GP', 'P5', 'PR'] as const;
export const RECEIVER_REFS = [
  '0B',
  '1C',
  '1D',
  '1J',
  '4A',
  'CT',
  'EL',
  'EO',
  'HPI',
  'JD',
  'N5',
  'N7',
  'Q4',
  'SY',
  'TJ',
] as const;
/** REF qualifiers of the subscriber and dependent names (2100C/2100D). */
export const MEMBER_REFS = [
  '18',
  '1L',
  '1W',
  '3H',
  '6P',
  'EA',
  'EJ',
  'F6',
  'GH',
  'HJ',
  'IG',
  'N6',
  'NQ',
  'SY',
  'Y4',
];

/** 2000C/2000D of a 270: the member level, its name loop and the inquiries (EQ). */
function memberLevel(level: 'C' | 'D'): LoopRule {
  const subscriber = level === 'C';
  const who = subscriber ? 'Subscriber' : 'Dependent';
  const inquiry = loop(`2110${level}`, `${who} Eligibility or Benefit Inquiry`, 'S', 99, [
    seg('EQ', `${who} Eligibility or Benefit Inquiry`, 'R', 1),
    ...(subscriber
      ? [
          seg('AMT', 'Subscriber Spend Down Amount', 'S', 1, { match: ['01', 'R'] }),
          seg('AMT', 'Subscriber Spend Down Total Billed Amount', 'S', 1, { match: ['01', 'PB'] }),
        ]
      : []),
    seg('III', `${who} Eligibility or Benefit Additional Inquiry Information`, 'S', 10),
    seg('REF', `${who} Additional Information`, 'S', 1, { match: ['01', '9F', 'G1'] }),
    seg('DTP', `${who} Eligibility/Benefit Date`, 'S', 1, { match: ['01', '291'] }),
  ]);
  return loop(`2000${level}`, `${who} Level`, subscriber ? 'S' : 'S', UNBOUNDED, [
    seg('HL', `${who} Level`, 'R', 1, {
      match: ['03', subscriber ? '22' : '23'],
      el: { '04': codes('0', '1') },
    }),
    seg('TRN', `${who} Trace Number`, 'S', 2, { match: ['01', '1'] }),
    loop(`2100${level}`, `${who} Name`, 'R', 1, [
      seg('NM1', `${who} Name`, 'R', 1, { match: ['01', subscriber ? 'IL' : '03'] }),
      seg('REF', `${who} Additional Identification`, 'S', 9, { match: ['01', ...MEMBER_REFS] }),
      seg('N3', `${who} Address`, 'S', 1),
      seg('N4', `${who} City, State, ZIP Code`, 'S', 1),
      seg('PRV', 'Provider Information', 'S', 1),
      seg('DMG', `${who} Demographic Information`, 'S', 1),
      seg('INS', `${who} Relationship`, 'S', 1),
      seg('HI', `${who} Health Care Diagnosis Code`, 'S', 1),
      seg('DTP', `${who} Date`, 'S', 2, { match: ['01', '102', '291'] }),
      inquiry,
    ]),
    ...(subscriber ? [memberLevel('D')] : []),
  ]);
}

export const X279A1_270: TransactionMap = {
  guide: '005010X279A1',
  setId: '270',
  functionalId: 'HS',
  name: 'Health Care Eligibility Benefit Inquiry',
  body: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, {
      el: { '01': codes('0022'), '02': codes('01', '13') },
    }),
    loop('2000A', 'Information Source Level', 'R', UNBOUNDED, [
      seg('HL', 'Information Source Level', 'R', 1, { match: ['03', '20'] }),
      loop('2100A', 'Information Source Name', 'R', 1, [
        seg('NM1', 'Information Source Name', 'R', 1, { match: ['01', ...SOURCE_ENTITIES] }),
      ]),
      loop('2000B', 'Information Receiver Level', 'R', UNBOUNDED, [
        seg('HL', 'Information Receiver Level', 'R', 1, { match: ['03', '21'] }),
        loop('2100B', 'Information Receiver Name', 'R', 1, [
          seg('NM1', 'Information Receiver Name', 'R', 1, { match: ['01', ...RECEIVER_ENTITIES] }),
          seg('REF', 'Information Receiver Additional Identification', 'S', 9, {
            match: ['01', ...RECEIVER_REFS],
          }),
          seg('N3', 'Information Receiver Address', 'S', 1),
          seg('N4', 'Information Receiver City, State, ZIP Code', 'S', 1),
          seg('PRV', 'Information Receiver Provider Information', 'S', 1),
        ]),
        memberLevel('C'),
      ]),
    ]),
  ],
};
