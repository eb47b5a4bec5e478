import { describe, expect, it } from 'vitest';
import { validateX12 } from '../engine/validate.ts';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { generateOptions, sample, tr3Claim } from '../testing/fixtures.ts';
import { generate837 } from './837-generate.ts';
import { parse837 } from './837.ts';
import type { ProfessionalClaim } from './837-types.ts';

/** The segments of TR3 example 3.1 (X222A1), with 2 ICD-10 diagnoses and 3 lines carrying modifiers and pointers. */
const TR3_SEGMENTS = [
  'ST*837*0021*005010X222A1',
  'BHT*0019*00*244579*20061015*1023*CH',
  'NM1*41*2*PREMIER BILLING SERVICE*****46*TGJ23',
  'PER*IC*JERRY*TE*3055552222',
  'NM1*40*2*KEY INSURANCE COMPANY*****46*66783JJT',
  'HL*1**20*1',
  'PRV*BI*PXC*203BF0100Y',
  'NM1*85*2*BEN KILDARE SERVICE*****XX*9876543210',
  'N3*234 SEAWAY ST',
  'N4*MIAMI*FL*33111',
  'REF*EI*587654321',
  'NM1*87*2',
  'N3*2345 OCEAN BLVD',
  'N4*MAIMI*FL*33111',
  'HL*2*1*22*1',
  'SBR*P**2222-SJ******CI',
  'NM1*IL*1*SMITH*JANE****MI*JS00111223333',
  'DMG*D8*19430501*F',
  'NM1*PR*2*KEY INSURANCE COMPANY*****PI*999996666',
  'HL*3*2*23*0',
  'PAT*19',
  'NM1*QC*1*SMITH*TED',
  'N3*236 N MAIN ST',
  'N4*MIAMI*FL*33413',
  'DMG*D8*19730501*M',
  'CLM*26463774*100***11:B:1*Y*A*Y*I',
  'REF*D9*17312345600006351',
  'HI*ABK:J020*ABF:Z1159',
  'LX*1',
  'SV1*HC:99213:25*40*UN*1***1:2',
  'DTP*472*D8*20061003',
  'LX*2',
  'SV1*HC:87070:QW:59*25*UN*1***1',
  'DTP*472*D8*20061003',
  'LX*3',
  'SV1*HC:99214:25:GT:95*35*UN*1***2:1',
  'DTP*472*D8*20061010',
  'SE*38*0021',
];

const segmentsOf = (text: string): string[] =>
  text
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s);

describe('837P generation', () => {
  it('writes exactly the TR3 example segments for 2 diagnoses and 3 lines', async () => {
    const text = await generate837([tr3Claim()], generateOptions());
    const segs = segmentsOf(text);
    const st = segs.findIndex((s) => s.startsWith('ST*'));
    expect(segs.slice(st, st + TR3_SEGMENTS.length)).toEqual(TR3_SEGMENTS);
    expect(segs.slice(-2)).toEqual(['GE*1*1', 'IEA*1*000000905']);
  });

  it('writes a file that validates clean against X222A1', async () => {
    const v = validateX12(await generate837([tr3Claim()], generateOptions()));
    expect(v.problems).toEqual([]);
    expect(v.transactions[0]?.guide).toBe('005010X222A1');
  });

  it('re-parses generated claims to the same claim objects', async () => {
    const a = tr3Claim();
    const b: ProfessionalClaim = {
      ...tr3Claim(),
      patient: undefined,
      subscriber: {
        ...tr3Claim().subscriber,
        relationship: '18',
        address: { line1: '1 MAIN ST', line2: 'APT 2', city: 'ALBANY', state: 'NY', postalCode: '10001' },
      },
    };
    delete b.patient;
    b.claim = {
      ...b.claim,
      patientControlNumber: 'B-2',
      relatedCauses: ['AA'],
      accidentState: 'NY',
      dates: [
        { qualifier: '439', period: { from: '2024-01-02' } },
        { qualifier: '431', period: { from: '2024-01-01' } },
      ],
      priorAuthorization: 'PA123',
      notes: [{ code: 'ADD', text: 'CALL BEFORE' }],
      renderingProvider: {
        entityType: '1',
        lastOrOrganizationName: 'DOE',
        firstName: 'JOHN',
        idQualifier: 'XX',
        id: '1234567893',
        taxonomyCode: '207Q00000X',
      },
      serviceFacility: {
        entityType: '2',
        lastOrOrganizationName: 'CLINIC',
        idQualifier: 'XX',
        id: '1234567893',
        address: { line1: '2 ST', city: 'TROY', state: 'NY', postalCode: '10002' },
      },
      otherPayers: [
        {
          payerResponsibility: 'S',
          relationship: '18',
          claimFilingIndicator: 'CI',
          adjustments: [
            { group: 'CO', reason: '45', amountCents: 1234 },
            { group: 'PR', reason: '1', amountCents: 500, quantity: '1' },
          ],
          paidCents: 4321,
          benefitsAssigned: 'Y',
          releaseOfInformation: 'Y',
          subscriber: {
            entityType: '1',
            lastOrOrganizationName: 'SMITH',
            firstName: 'JANE',
            idQualifier: 'MI',
            id: 'X1',
          },
          payer: { entityType: '2', lastOrOrganizationName: 'OTHER PLAN', idQualifier: 'PI', id: 'P2' },
        },
      ],
      serviceLines: b.claim.serviceLines.map((l, i) => ({
        ...l,
        units: i === 0 ? '1.5' : l.units,
        lineControlNumber: `L${i}`,
        serviceDate: i === 2 ? { from: '2024-01-01', to: '2024-01-05' } : l.serviceDate,
        ...(i === 1
          ? {
              drug: { qualifier: 'N4', code: '00074152901', quantity: '2', unit: 'UN' },
              emergency: true,
              placeOfService: '22',
            }
          : {}),
      })),
    };
    b.claim.dates.sort((x, y) => x.qualifier.localeCompare(y.qualifier));
    const text = await generate837([a, b], {
      ...generateOptions(new MemoryControlNumbers()),
      lineBreaks: true,
    });
    const parsed = parse837(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims).toEqual([a, b]);
    // contactName/phone are a writing shorthand; the reader gives the PER as it is.
    expect(parsed.transactions[0]?.submitter).toEqual({
      name: 'PREMIER BILLING SERVICE',
      id: 'TGJ23',
      contacts: [{ name: 'JERRY', numbers: [{ qualifier: 'TE', number: '3055552222' }] }],
    });
  });

  it('splits large batches into several transaction sets with their own control numbers', async () => {
    const claims = [0, 1, 2].map((i) => ({
      ...tr3Claim(),
      claim: { ...tr3Claim().claim, patientControlNumber: `C${i}` },
    }));
    const text = await generate837(claims, {
      ...generateOptions(new MemoryControlNumbers()),
      claimsPerTransaction: 2,
    });
    const p = parse837(text);
    expect(p.problems).toEqual([]);
    expect(p.transactions.map((t) => [t.controlNumber, t.claims.length])).toEqual([
      ['0001', 2],
      ['0002', 1],
    ]);
  });
});

describe('837 balancing', () => {
  it('reports a claim whose CLM02 is not the sum of its line charges', async () => {
    const c = tr3Claim();
    c.claim.totalChargeCents = 10001;
    const p = parse837(await generate837([c], generateOptions()));
    expect(p.valid).toBe(false);
    expect(p.problems).toContainEqual(
      expect.objectContaining({
        code: 'X12_CLAIM_UNBALANCED',
        element: 'CLM02',
        loop: '2300',
        transaction: '0021',
      }),
    );
  });
});

describe('837P parsing of samples', () => {
  it('reads the TR3 commercial example from stupidedi', () => {
    const p = parse837(sample('837P/stupidedi__COB-claim-from-billing-provider-to-payer-a.edi'));
    expect(p.claims.length).toBeGreaterThan(0);
    const c = p.claims[0] as ProfessionalClaim;
    expect(c.billingProvider.id).toMatch(/^\d{10}$/);
    expect(c.claim.serviceLines.length).toBeGreaterThan(0);
    expect(c.claim.totalChargeCents).toBe(c.claim.serviceLines.reduce((s, l) => s + l.chargeCents, 0));
  });

  it('reads all five transaction sets of the CHPW file', () => {
    const p = parse837(sample('837P/databricks__CHPW_Claimdata.txt'));
    expect(p.transactions).toHaveLength(5);
    expect(p.claims.every((c) => c.claim.patientControlNumber !== '')).toBe(true);
  });

  it('reads 837I claims (revenue code lines) with the institutional map', () => {
    const p = parse837(sample('837I/stupidedi__837-institutional-claim.edi'));
    expect(p.transactions[0]?.guide).toBe('005010X223A2');
    const line = p.claims[0]?.claim.serviceLines[0] as unknown as { revenueCode?: string };
    expect(line.revenueCode).toMatch(/^\d{3,4}$/);
  });
});
