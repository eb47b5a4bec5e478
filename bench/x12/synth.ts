// Synthetic, deterministic claims and remittances for the X12 benchmark (no real data).
import { createRandom } from '../../src/demo/random.ts';
import { formatCents } from '../../src/x12/engine/money.ts';
import type { SegmentFields } from '../../src/x12/engine/writer.ts';
import type { ProfessionalClaim } from '../../src/x12/transactions/837-types.ts';

export const rng = (seed: number): (() => number) => createRandom(seed).next;

const CPT = ['99213', '99214', '87070', '86663', '99203', '97110', '36415', '80053'];
const MODS = ['25', '59', 'GT', 'QW', '95', 'LT', 'RT'];
const DX = ['J020', 'Z1159', 'E119', 'I10', 'M545', 'R051', 'K219', 'F419'];

export function syntheticClaim(i: number, r: () => number): ProfessionalClaim {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const lines = 1 + Math.floor(r() * 4);
  const serviceLines = Array.from({ length: lines }, (_, k) => ({
    procedure: { qualifier: 'HC', code: pick(CPT), modifiers: r() < 0.4 ? [pick(MODS)] : [] },
    chargeCents: 1000 + Math.floor(r() * 50000),
    unitType: 'UN',
    units: '1',
    diagnosisPointers: k % 2 === 0 ? [1] : [1, 2],
    serviceDate: { from: `2024-0${1 + (k % 9)}-1${k % 9}` },
    lineControlNumber: `L${i}-${k}`,
  }));
  return {
    billingProvider: {
      entityType: '2',
      lastOrOrganizationName: `CLINIC ${i % 50}`,
      idQualifier: 'XX',
      id: String(1000000000 + (i % 50)),
      address: { line1: '1 MAIN ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '627010000' },
      taxIdQualifier: 'EI',
      taxId: '123456789',
    },
    subscriber: {
      entityType: '1',
      lastOrOrganizationName: `PATIENT${i}`,
      firstName: 'ALEX',
      idQualifier: 'MI',
      id: `M${i}`,
      payerResponsibility: 'P',
      relationship: '18',
      claimFilingIndicator: 'CI',
      address: { line1: `${i} ELM ST`, city: 'SPRINGFIELD', state: 'IL', postalCode: '62702' },
      birthDate: '1980-01-01',
      gender: i % 2 ? 'F' : 'M',
    },
    payer: { entityType: '2', lastOrOrganizationName: 'ACME HEALTH PLAN', idQualifier: 'PI', id: '99999' },
    claim: {
      patientControlNumber: `PCN${i}`,
      totalChargeCents: serviceLines.reduce((s, l) => s + l.chargeCents, 0),
      placeOfService: '11',
      frequencyCode: '1',
      providerSignature: true,
      assignment: 'A',
      benefitsAssigned: 'Y',
      releaseOfInformation: 'Y',
      dates: [],
      diagnoses: [pick(DX), pick(DX)],
      diagnosisCodeSet: 'ICD-10-CM',
      otherPayers: [],
      serviceLines,
    },
  };
}

/** 835 body (BPR…PLB) for `n` claims starting at `first`. */
export function synthetic835Body(first: number, n: number, r: () => number): SegmentFields[] {
  const claims: SegmentFields[] = [];
  let total = 0;
  for (let i = first; i < first + n; i++) {
    const charge = 5000 + Math.floor(r() * 40000);
    const paid = Math.floor(charge * 0.7);
    total += paid;
    claims.push([
      'CLP',
      `PCN${i}`,
      '1',
      formatCents(charge),
      formatCents(paid),
      formatCents(charge - paid),
      '12',
      `PAYER${i}`,
      '11',
      '1',
    ]);
    claims.push(['CAS', 'CO', '45', formatCents(charge - paid)]);
    claims.push(['NM1', 'QC', '1', `PATIENT${i}`, 'ALEX', '', '', '', 'MI', `M${i}`]);
    claims.push(['DTM', '232', '20240101']);
    claims.push(['SVC', ['HC', '99213', '25'], formatCents(charge), formatCents(paid), '', '1']);
    claims.push(['DTM', '472', '20240101']);
    claims.push(['CAS', 'CO', '45', formatCents(charge - paid)]);
    claims.push(['REF', '6R', `L${i}-0`]);
    claims.push(['AMT', 'B6', formatCents(paid)]);
  }
  return [
    [
      'BPR',
      'I',
      formatCents(total - 100),
      'C',
      'ACH',
      'CCP',
      '01',
      '999999992',
      'DA',
      '123456',
      '1512345678',
      '',
      '01',
      '999988880',
      'DA',
      '98765',
      '20240105',
    ],
    ['TRN', '1', `EFT${first}`, '1512345678'],
    ['N1', 'PR', 'ACME HEALTH PLAN'],
    ['N3', '1 PAYER WAY'],
    ['N4', 'CHICAGO', 'IL', '60601'],
    ['PER', 'BL', 'EDI', 'TE', '8005551212'],
    ['N1', 'PE', 'CLINIC 1', 'XX', '1000000001'],
    ['LX', '1'],
    ...claims,
    ['PLB', '1000000001', '20241231', ['WO', 'R1'], '1'],
  ];
}
