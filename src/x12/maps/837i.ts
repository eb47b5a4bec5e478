// 005010X223A2 Health Care Claim: Institutional (837I) guide map (TR3 section 2.4).
import { codes, loop, required, seg, UNBOUNDED, type MapNode, type SegmentRule } from './types.ts';
import type { TransactionMap } from './types.ts';
import { nm1, PATIENT_RELATIONSHIP, submitterReceiver } from './837-shared.ts';

const refs = (name: string, usage: 'R' | 'S', max: number): SegmentRule =>
  seg('REF', name, usage, max, { match: ['01', '0B', '1G', 'G2', 'LU'] });

const address = (usage: 'R' | 'S'): MapNode[] => [
  seg('N3', 'Address', usage, 1),
  seg('N4', 'City, State, ZIP Code', usage, 1),
];

const hi = (
  name: string,
  usage: 'R' | 'S',
  max: number,
  qualifiers: string[],
  el: Record<string, ReturnType<typeof codes>> = {},
): SegmentRule => seg('HI', name, usage, max, { match: ['01-1', ...qualifiers], el });

const dtp = (name: string, usage: 'R' | 'S', ...qualifiers: string[]): SegmentRule =>
  seg('DTP', name, usage, 1, { match: ['01', ...qualifiers] });

/** A DTP use with its date format qualifiers (DTP02). */
const dated = (name: string, usage: 'R' | 'S', qualifier: string, ...formats: string[]): SegmentRule =>
  seg('DTP', name, usage, 1, { match: ['01', qualifier], el: { '02': codes(...formats) } });

// TR3 code lists, element by element (X223A2 section 3). SBR01 and SBR09 are the same in 2000B and 2320.
const PAYER_RESPONSIBILITY = codes('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'S', 'T', 'U');
const CLAIM_FILING = codes(
  ...['11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM'],
  ...['MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ'],
);
const DEMOGRAPHICS = { '01': codes('D8'), '03': codes('F', 'M', 'U') };
const POA = codes('N', 'U', 'W', 'Y');

const ref = (name: string, ...qualifiers: string[]): SegmentRule =>
  seg('REF', name, 'S', 1, { match: ['01', ...qualifiers] });

const loop2400 = loop('2400', 'Service Line Number', 'R', 999, [
  seg('LX', 'Service Line Number', 'R', 1),
  seg('SV2', 'Institutional Service Line', 'R', 1, {
    el: {
      '01': required,
      '02-1': codes('ER', 'HC', 'HP', 'IV', 'WK'),
      '03': required,
      '04': codes('DA', 'UN'),
      '05': required,
    },
  }),
  seg('PWK', 'Line Supplemental Information', 'S', 10),
  dated('Date - Service Date', 'S', '472', 'D8', 'RD8'),
  ref('Line Item Control Number', '6R'),
  ref('Repriced Line Item Reference Number', '9B'),
  ref('Adjusted Repriced Line Item Reference Number', '9D'),
  seg('AMT', 'Service Tax Amount', 'S', 1, { match: ['01', 'GT'] }),
  seg('AMT', 'Facility Tax Amount', 'S', 1, { match: ['01', 'N8'] }),
  seg('NTE', 'Third Party Organization Notes', 'S', 1, { match: ['01', 'TPO'] }),
  seg('HCP', 'Line Pricing/Repricing Information', 'S', 1),
  loop('2410', 'Drug Identification', 'S', 1, [
    seg('LIN', 'Drug Identification', 'R', 1, { el: { '02': codes('N4') } }),
    seg('CTP', 'Drug Quantity', 'R', 1),
    ref('Prescription or Compound Drug Association Number', 'VY', 'XZ'),
  ]),
  nm1(
    '2420A',
    'Operating Physician Name',
    'S',
    1,
    ['72'],
    [refs('Operating Physician Secondary Identification', 'S', 20)],
  ),
  nm1(
    '2420B',
    'Other Operating Physician Name',
    'S',
    1,
    ['ZZ'],
    [refs('Other Operating Physician Secondary Identification', 'S', 20)],
  ),
  nm1(
    '2420C',
    'Rendering Provider Name',
    'S',
    1,
    ['82'],
    [refs('Rendering Provider Secondary Identification', 'S', 20)],
  ),
  nm1(
    '2420D',
    'Referring Provider Name',
    'S',
    1,
    ['DN'],
    [refs('Referring Provider Secondary Identification', 'S', 20)],
  ),
  loop('2430', 'Line Adjudication Information', 'S', 15, [
    seg('SVD', 'Line Adjudication Information', 'R', 1),
    seg('CAS', 'Line Adjustment', 'S', 5, { el: { '01': codes('CO', 'CR', 'OA', 'PI', 'PR') } }),
    dtp('Line Check or Remittance Date', 'R', '573'),
    seg('AMT', 'Remaining Patient Liability', 'S', 1, { match: ['01', 'EAF'] }),
  ]),
]);

const loop2320 = loop('2320', 'Other Subscriber Information', 'S', 10, [
  seg('SBR', 'Other Subscriber Information', 'R', 1, {
    el: { '01': PAYER_RESPONSIBILITY, '02': codes('18', ...PATIENT_RELATIONSHIP), '09': CLAIM_FILING },
  }),
  seg('CAS', 'Claim Level Adjustments', 'S', 5, { el: { '01': codes('CO', 'CR', 'OA', 'PI', 'PR') } }),
  seg('AMT', 'Payer Paid Amount', 'S', 1, { match: ['01', 'D'] }),
  seg('AMT', 'Remaining Patient Liability', 'S', 1, { match: ['01', 'EAF'] }),
  seg('AMT', 'Non-Covered Amount', 'S', 1, { match: ['01', 'A8'] }),
  seg('OI', 'Other Insurance Coverage Information', 'R', 1, {
    el: { '03': codes('N', 'W', 'Y'), '06': codes('I', 'Y') },
  }),
  seg('MIA', 'Inpatient Adjudication Information', 'S', 1),
  seg('MOA', 'Outpatient Adjudication Information', 'S', 1),
  nm1(
    '2330A',
    'Other Subscriber Name',
    'R',
    1,
    ['IL'],
    [...address('S'), ref('Other Subscriber Secondary Identification', 'SY')],
  ),
  nm1(
    '2330B',
    'Other Payer Name',
    'R',
    1,
    ['PR'],
    [
      ...address('S'),
      dtp('Claim Check or Remittance Date', 'S', '573'),
      seg('REF', 'Other Payer Secondary Identifier', 'S', 2, { match: ['01', '2U', 'EI', 'FY', 'NF'] }),
      ref('Other Payer Prior Authorization Number', 'G1'),
      ref('Other Payer Referral Number', '9F'),
      ref('Other Payer Claim Adjustment Indicator', 'T4'),
      ref('Other Payer Claim Control Number', 'F8'),
    ],
  ),
  nm1(
    '2330C',
    'Other Payer Attending Provider',
    'S',
    1,
    ['71'],
    [refs('Other Payer Attending Provider Secondary Identification', 'R', 3)],
  ),
  nm1(
    '2330D',
    'Other Payer Operating Physician',
    'S',
    1,
    ['72'],
    [refs('Other Payer Operating Physician Secondary Identification', 'R', 3)],
  ),
  nm1(
    '2330E',
    'Other Payer Other Operating Physician',
    'S',
    1,
    ['ZZ'],
    [refs('Other Payer Other Operating Physician Secondary Identification', 'R', 3)],
  ),
  nm1(
    '2330F',
    'Other Payer Service Facility Location',
    'S',
    1,
    ['77'],
    [refs('Other Payer Service Facility Location Secondary Identification', 'R', 3)],
  ),
  nm1(
    '2330G',
    'Other Payer Rendering Provider Name',
    'S',
    1,
    ['82'],
    [refs('Other Payer Rendering Provider Secondary Identification', 'R', 3)],
  ),
  nm1(
    '2330H',
    'Other Payer Referring Provider',
    'S',
    2,
    ['DN'],
    [refs('Other Payer Referring Provider Secondary Identification', 'R', 3)],
  ),
  nm1(
    '2330I',
    'Other Payer Billing Provider',
    'S',
    1,
    ['85'],
    [refs('Other Payer Billing Provider Secondary Identification', 'R', 2)],
  ),
]);

export const LOOP_2300_837I = loop('2300', 'Claim Information', 'S', 100, [
  seg('CLM', 'Claim Information', 'R', 1, {
    el: {
      '02': required,
      '05-1': required,
      '05-2': codes('A'),
      '05-3': required,
      '07': codes('A', 'B', 'C'),
      '08': codes('N', 'W', 'Y'),
      '09': codes('I', 'Y'),
      '20': codes('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15'),
    },
  }),
  dated('Date - Discharge Hour', 'S', '096', 'TM'),
  dated('Date - Statement Dates', 'R', '434', 'RD8'),
  dated('Date - Admission Date/Hour', 'S', '435', 'D8', 'DT'),
  dated('Date - Repricer Received Date', 'S', '050', 'D8'),
  seg('CL1', 'Institutional Claim Code', 'S', 1),
  seg('PWK', 'Claim Supplemental Information', 'S', 10),
  seg('CN1', 'Contract Information', 'S', 1),
  seg('AMT', 'Patient Estimated Amount Due', 'S', 1, { match: ['01', 'F3'] }),
  ref('Service Authorization Exception Code', '4N'),
  ref('Referral Number', '9F'),
  ref('Prior Authorization', 'G1'),
  // TR3: "Required when CLM05-3 indicates this claim is a replacement or void" (7, 8; X12 RFI 2110).
  seg('REF', 'Payer Claim Control Number', 'S', 1, {
    match: ['01', 'F8'],
    requiredWhen: ['CLM', '05-3', '7', '8'],
  }),
  ref('Repriced Claim Number', '9A'),
  ref('Adjusted Repriced Claim Number', '9C'),
  ref('Investigational Device Exemption Number', 'LX'),
  ref('Auto Accident State', 'LU'),
  ref('Claim Identifier for Transmission Intermediaries', 'D9'),
  ref('Medical Record Number', 'EA'),
  ref('Demonstration Project Identifier', 'P4'),
  ref('Peer Review Organization (PRO) Approval Number', 'G4'),
  seg('K3', 'File Information', 'S', 10),
  seg('NTE', 'Claim Note', 'S', 10, {
    match: ['01', 'ALG', 'DGN', 'DME', 'MED', 'NTR', 'ODT', 'RHB', 'RLH', 'RNH', 'SET', 'SFM', 'SPT', 'UPI'],
  }),
  seg('NTE', 'Billing Note', 'S', 1, { match: ['01', 'ADD'] }),
  seg('CR6', 'Home Health Care Information', 'S', 1),
  seg('CRC', 'EPSDT Referral', 'S', 1, { match: ['01', 'ZZ'] }),
  hi('Principal Diagnosis', 'R', 1, ['ABK', 'BK'], { '01-9': POA }),
  hi('Admitting Diagnosis', 'S', 1, ['ABJ', 'BJ']),
  hi("Patient's Reason For Visit", 'S', 1, ['APR', 'PR']),
  hi('External Cause of Injury', 'S', 1, ['ABN', 'BN'], { '01-9': POA }),
  hi('Diagnosis Related Group (DRG) Information', 'S', 1, ['DR']),
  hi('Other Diagnosis Information', 'S', 2, ['ABF', 'BF'], { '01-9': POA }),
  hi('Principal Procedure Information', 'S', 1, ['BBR', 'BR', 'CAH'], { '01-3': codes('D8') }),
  hi('Other Procedure Information', 'S', 2, ['BBQ', 'BQ'], { '01-3': codes('D8') }),
  hi('Occurrence Span Information', 'S', 2, ['BI'], { '01-3': codes('RD8') }),
  hi('Occurrence Information', 'S', 2, ['BH'], { '01-3': codes('D8') }),
  hi('Value Information', 'S', 2, ['BE']),
  hi('Condition Information', 'S', 2, ['BG']),
  hi('Treatment Code Information', 'S', 1, ['TC']),
  seg('HCP', 'Claim Pricing/Repricing Information', 'S', 1),
  nm1(
    '2310A',
    'Attending Provider Name',
    'S',
    1,
    ['71'],
    [
      seg('PRV', 'Attending Provider Specialty Information', 'S', 1, { match: ['01', 'AT'] }),
      refs('Attending Provider Secondary Identification', 'S', 4),
    ],
  ),
  nm1(
    '2310B',
    'Operating Physician Name',
    'S',
    1,
    ['72'],
    [refs('Operating Physician Secondary Identification', 'S', 4)],
  ),
  nm1(
    '2310C',
    'Other Operating Physician Name',
    'S',
    1,
    ['ZZ'],
    [refs('Other Operating Physician Secondary Identification', 'S', 4)],
  ),
  nm1(
    '2310D',
    'Rendering Provider Name',
    'S',
    1,
    ['82'],
    [refs('Rendering Provider Secondary Identification', 'S', 4)],
  ),
  nm1(
    '2310E',
    'Service Facility Location Name',
    'S',
    1,
    ['77'],
    [...address('R'), refs('Service Facility Location Secondary Identification', 'S', 3)],
  ),
  nm1(
    '2310F',
    'Referring Provider Name',
    'S',
    1,
    ['DN'],
    [refs('Referring Provider Secondary Identification', 'S', 3)],
  ),
  loop2320,
  loop2400,
]);

export const X223A2: TransactionMap = {
  guide: '005010X223A2',
  setId: '837',
  functionalId: 'HC',
  name: 'Health Care Claim: Institutional',
  businessUnit: { loop: '2300', name: 'CLM01', el: 1 },
  body: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, {
      el: { '01': codes('0019'), '02': codes('00', '18'), '06': codes('31', 'CH', 'RP') },
    }),
    ...submitterReceiver(),
    loop('2000A', 'Billing Provider Hierarchical Level', 'R', UNBOUNDED, [
      seg('HL', 'Billing Provider Hierarchical Level', 'R', 1, { match: ['03', '20'] }),
      seg('PRV', 'Billing Provider Specialty Information', 'S', 1, { match: ['01', 'BI'] }),
      seg('CUR', 'Foreign Currency Information', 'S', 1, { match: ['01', '85'] }),
      nm1(
        '2010AA',
        'Billing Provider Name',
        'R',
        1,
        ['85'],
        [
          ...address('R'),
          seg('REF', 'Billing Provider Tax Identification', 'R', 1, { match: ['01', 'EI'] }),
          seg('PER', 'Billing Provider Contact Information', 'S', 2, { match: ['01', 'IC'] }),
        ],
      ),
      nm1('2010AB', 'Pay-to Address Name', 'S', 1, ['87'], address('R')),
      nm1(
        '2010AC',
        'Pay-To Plan Name',
        'S',
        1,
        ['PE'],
        [
          ...address('R'),
          seg('REF', 'Pay-to Plan Secondary Identification', 'S', 1, { match: ['01', '2U', 'FY', 'NF'] }),
          seg('REF', 'Pay-To Plan Tax Identification Number', 'R', 1, { match: ['01', 'EI'] }),
        ],
      ),
      loop('2000B', 'Subscriber Hierarchical Level', 'R', UNBOUNDED, [
        seg('HL', 'Subscriber Hierarchical Level', 'R', 1, { match: ['03', '22'] }),
        // 2000B SBR02 is 18 or absent: a dependent's relationship goes in PAT01 (2000C).
        seg('SBR', 'Subscriber Information', 'R', 1, {
          el: { '01': PAYER_RESPONSIBILITY, '02': codes('18'), '09': CLAIM_FILING },
        }),
        nm1(
          '2010BA',
          'Subscriber Name',
          'R',
          1,
          ['IL'],
          [
            ...address('S'),
            seg('DMG', 'Subscriber Demographic Information', 'S', 1, { el: DEMOGRAPHICS }),
            ref('Subscriber Secondary Identification', 'SY'),
            ref('Property and Casualty Claim Number', 'Y4'),
          ],
        ),
        nm1(
          '2010BB',
          'Payer Name',
          'R',
          1,
          ['PR'],
          [
            ...address('S'),
            seg('REF', 'Payer Secondary Identification', 'S', 2, { match: ['01', '2U', 'EI', 'FY', 'NF'] }),
            seg('REF', 'Billing Provider Secondary Identification', 'S', 2, { match: ['01', 'G2', 'LU'] }),
          ],
        ),
        LOOP_2300_837I,
        loop('2000C', 'Patient Hierarchical Level', 'S', UNBOUNDED, [
          seg('HL', 'Patient Hierarchical Level', 'R', 1, { match: ['03', '23'] }),
          seg('PAT', 'Patient Information', 'R', 1, { el: { '01': codes(...PATIENT_RELATIONSHIP) } }),
          nm1(
            '2010CA',
            'Patient Name',
            'R',
            1,
            ['QC'],
            [
              ...address('R'),
              seg('DMG', 'Patient Demographic Information', 'R', 1, { el: DEMOGRAPHICS }),
              ref('Property and Casualty Claim Number', 'Y4'),
              ref('Property and Casualty Patient Identifier', '1W', 'SY'),
            ],
          ),
          LOOP_2300_837I,
        ]),
      ]),
    ]),
  ],
};
