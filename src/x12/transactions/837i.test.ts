import { describe, expect, it } from 'vitest';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { generateOptions, tr3Claim } from '../testing/fixtures.ts';
import { generate837 } from './837-generate.ts';
import { parse837 } from './837.ts';
import type { InstitutionalClaim } from './837-types.ts';

/** An outpatient hospital claim (TOB 131) with statement dates, CL1, attending provider and revenue-code lines. */
function institutional(): InstitutionalClaim {
  const base = tr3Claim();
  return {
    ...base,
    claim: {
      ...base.claim,
      placeOfService: '13',
      dates: [{ qualifier: '434', period: { from: '2024-01-01', to: '2024-01-03' } }],
      admission: { typeCode: '3', sourceCode: '1', patientStatusCode: '01' },
      diagnoses: ['J020', 'Z1159', 'E119'],
      attendingProvider: {
        entityType: '1',
        lastOrOrganizationName: 'WELBY',
        firstName: 'MARCUS',
        idQualifier: 'XX',
        id: '1234567893',
        taxonomyCode: '207Q00000X',
      },
      serviceLines: [
        {
          procedure: { qualifier: '', code: '', modifiers: [] },
          revenueCode: '0450',
          chargeCents: 60000,
          unitType: 'UN',
          units: '1',
          diagnosisPointers: [],
          serviceDate: { from: '2024-01-01' },
        },
        {
          procedure: { qualifier: 'HC', code: '71046', modifiers: ['26'] },
          revenueCode: '0324',
          chargeCents: 40000,
          unitType: 'UN',
          units: '2',
          diagnosisPointers: [],
          serviceDate: { from: '2024-01-02' },
          lineControlNumber: 'L2',
        },
      ],
      totalChargeCents: 100000,
    },
  };
}

describe('837I (X223A2)', () => {
  it('writes an 837I that validates against X223A2 and re-parses to the same claims', async () => {
    const claim = institutional();
    const text = await generate837([claim], {
      ...generateOptions(new MemoryControlNumbers()),
      guide: '005010X223A2',
      lineBreaks: true,
    });
    expect(text).toContain('ST*837*0001*005010X223A2~');
    expect(text).toContain('CLM*26463774*1000***13:A:1*Y*A*Y*I~');
    expect(text).toContain('DTP*434*RD8*20240101-20240103~\nCL1*3*1*01~');
    expect(text).toContain('HI*ABK:J020~\nHI*ABF:Z1159*ABF:E119~');
    expect(text).toContain('NM1*71*1*WELBY*MARCUS****XX*1234567893~\nPRV*AT*PXC*207Q00000X~');
    expect(text).toContain('SV2*0450**600*UN*1~');
    expect(text).toContain('SV2*0324*HC:71046:26*400*UN*2~');
    const parsed = parse837(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.transactions[0]?.guide).toBe('005010X223A2');
    expect(parsed.claims).toEqual([claim]);
  });
});
