// Pieces shared by the 837P (X222A1) and 837I (X223A2) guide maps.
import { codes, loop, required, seg, type LoopRule, type MapNode, type SegmentRule } from './types.ts';

/** An NM1 loop: the NM1 segment with its entity identifier codes (NM101), then the loop's other segments. */
export const nm1 = (
  loopId: string,
  name: string,
  usage: 'R' | 'S',
  max: number,
  entity: string[],
  rest: MapNode[],
): LoopRule =>
  loop(loopId, name, usage, max, [seg('NM1', name, 'R', 1, { match: ['01', ...entity] }), ...rest]);

/** PAT01 (2000C) and 2320 SBR02: the patient's relationship to the insured (the same in X222A1 and X223A2). */
export const PATIENT_RELATIONSHIP = ['01', '19', '20', '21', '39', '40', '53', 'G8'] as const;

export const providerRefs = (name: string, max: number): SegmentRule =>
  seg('REF', name, 'S', max, { match: ['01', '0B', '1G', 'G2', 'LU'] });

export function submitterReceiver(): MapNode[] {
  return [
    loop('1000A', 'Submitter Name', 'R', 1, [
      seg('NM1', 'Submitter Name', 'R', 1, {
        match: ['01', '41'],
        el: { '08': codes('46'), '09': required },
      }),
      seg('PER', 'Submitter EDI Contact Information', 'R', 2, { match: ['01', 'IC'] }),
    ]),
    loop('1000B', 'Receiver Name', 'R', 1, [
      seg('NM1', 'Receiver Name', 'R', 1, { match: ['01', '40'], el: { '08': codes('46'), '09': required } }),
    ]),
  ];
}

export function ambulanceLoop(id: string, name: string, entity: string): LoopRule {
  return loop(id, name, 'S', 1, [
    seg('NM1', name, 'R', 1, { match: ['01', entity] }),
    seg('N3', `${name} Address`, 'R', 1),
    seg('N4', `${name} City, State, ZIP Code`, 'R', 1),
  ]);
}

const dtp = (name: string, ...qualifiers: string[]): SegmentRule =>
  seg('DTP', `Date - ${name}`, 'S', 1, { match: ['01', ...qualifiers] });

/** Loop 2300 dates (837P order; 837I uses its own list). */
export function claimDates(): SegmentRule[] {
  return [
    dtp('Onset of Current Illness or Symptom', '431'),
    dtp('Initial Treatment Date', '454'),
    dtp('Last Seen Date', '304'),
    dtp('Acute Manifestation', '453'),
    dtp('Accident', '439'),
    dtp('Last Menstrual Period', '484'),
    dtp('Last X-ray Date', '455'),
    dtp('Hearing and Vision Prescription Date', '471'),
    dtp('Disability Dates', '314', '360', '361'),
    dtp('Last Worked', '297'),
    dtp('Authorized Return to Work', '296'),
    dtp('Admission', '435'),
    dtp('Discharge', '096'),
    dtp('Assumed and Relinquished Care Dates', '090', '091'),
    dtp('Property and Casualty Date of First Contact', '444'),
    dtp('Repricer Received Date', '050'),
  ];
}

const ref = (name: string, ...qualifiers: string[]): SegmentRule =>
  seg('REF', name, 'S', 1, { match: ['01', ...qualifiers] });

export function claimRefs(): SegmentRule[] {
  return [
    ref('Service Authorization Exception Code', '4N'),
    ref('Mandatory Medicare (Section 4081) Crossover Indicator', 'F5'),
    ref('Mammography Certification Number', 'EW'),
    ref('Referral Number', '9F'),
    ref('Prior Authorization', 'G1'),
    // TR3: "Required when CLM05-3 indicates this claim is a replacement or void" (7, 8; X12 RFI 2110).
    seg('REF', 'Payer Claim Control Number', 'S', 1, {
      match: ['01', 'F8'],
      requiredWhen: ['CLM', '05-3', '7', '8'],
    }),
    ref('Clinical Laboratory Improvement Amendment (CLIA) Number', 'X4'),
    ref('Repriced Claim Number', '9A'),
    ref('Adjusted Repriced Claim Number', '9C'),
    ref('Investigational Device Exemption Number', 'LX'),
    ref('Claim Identifier For Transmission Intermediaries', 'D9'),
    ref('Medical Record Number', 'EA'),
    ref('Demonstration Project Identifier', 'P4'),
    ref('Care Plan Oversight', '1J'),
  ];
}

/** 2330A–G (837P) / 2330A–I (837I share the first seven uses). */
export function otherPayerProviderLoops(): LoopRule[] {
  const refs = (name: string, max: number): SegmentRule =>
    seg('REF', name, 'R', max, { match: ['01', '0B', '1G', 'G2', 'LU'] });
  return [
    loop('2330A', 'Other Subscriber Name', 'R', 1, [
      seg('NM1', 'Other Subscriber Name', 'R', 1, { match: ['01', 'IL'] }),
      seg('N3', 'Other Subscriber Address', 'S', 1),
      seg('N4', 'Other Subscriber City, State, ZIP Code', 'S', 1),
      seg('REF', 'Other Subscriber Secondary Identification', 'S', 1, { match: ['01', 'SY'] }),
    ]),
    loop('2330B', 'Other Payer Name', 'R', 1, [
      seg('NM1', 'Other Payer Name', 'R', 1, { match: ['01', 'PR'] }),
      seg('N3', 'Other Payer Address', 'S', 1),
      seg('N4', 'Other Payer City, State, ZIP Code', 'S', 1),
      seg('DTP', 'Claim Check or Remittance Date', 'S', 1, { match: ['01', '573'] }),
      seg('REF', 'Other Payer Secondary Identifier', 'S', 2, { match: ['01', '2U', 'EI', 'FY', 'NF'] }),
      seg('REF', 'Other Payer Prior Authorization Number', 'S', 1, { match: ['01', 'G1'] }),
      seg('REF', 'Other Payer Referral Number', 'S', 1, { match: ['01', '9F'] }),
      seg('REF', 'Other Payer Claim Adjustment Indicator', 'S', 1, { match: ['01', 'T4'] }),
      seg('REF', 'Other Payer Claim Control Number', 'S', 1, { match: ['01', 'F8'] }),
    ]),
    loop('2330C', 'Other Payer Referring Provider', 'S', 2, [
      seg('NM1', 'Other Payer Referring Provider', 'R', 1, { match: ['01', 'DN', 'P3'] }),
      refs('Other Payer Referring Provider Secondary Identification', 3),
    ]),
    loop('2330D', 'Other Payer Rendering Provider', 'S', 1, [
      seg('NM1', 'Other Payer Rendering Provider', 'R', 1, { match: ['01', '82'] }),
      refs('Other Payer Rendering Provider Secondary Identification', 3),
    ]),
    loop('2330E', 'Other Payer Service Facility Location', 'S', 1, [
      seg('NM1', 'Other Payer Service Facility Location', 'R', 1, { match: ['01', '77'] }),
      refs('Other Payer Service Facility Location Secondary Identification', 3),
    ]),
    loop('2330F', 'Other Payer Supervising Provider', 'S', 1, [
      seg('NM1', 'Other Payer Supervising Provider', 'R', 1, { match: ['01', 'DQ'] }),
      refs('Other Payer Supervising Provider Secondary Identification', 3),
    ]),
    loop('2330G', 'Other Payer Billing Provider', 'S', 1, [
      seg('NM1', 'Other Payer Billing Provider', 'R', 1, { match: ['01', '85'] }),
      refs('Other Payer Billing Provider Secondary Identification', 2),
    ]),
  ];
}
