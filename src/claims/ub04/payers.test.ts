import { describe, expect, it } from 'vitest';
import { payerRowFields } from './payers.ts';
import { sampleHospitalClaim } from './sample.ts';

describe('UB-04 payer rows (FL50–64)', () => {
  it('prints the destination payer on row A of a primary claim', () => {
    const v = payerRowFields(sampleHospitalClaim());
    expect(v).toMatchObject({ FL50A: 'AETNA', FL51A: '60054', FL60A: 'W123456789', FL63A: 'AUTH77' });
    expect(Object.keys(v).some((k) => k.endsWith('B'))).toBe(false);
  });

  it('prints the primary with its payment (FL54) on row A and the secondary payer on row B', () => {
    const claim = sampleHospitalClaim();
    claim.subscriber = { ...claim.subscriber, payerResponsibility: 'S', id: 'XYZ998877', groupNumber: 'G2' };
    claim.payer = { entityType: '2', lastOrOrganizationName: 'Blue Cross', idQualifier: 'PI', id: '00621' };
    claim.claim.otherPayers = [
      {
        payerResponsibility: 'P',
        relationship: '18',
        claimFilingIndicator: 'MA',
        adjustments: [],
        paidCents: 765_280,
        benefitsAssigned: 'Y',
        releaseOfInformation: 'Y',
        subscriber: {
          entityType: '1',
          lastOrOrganizationName: 'Sample',
          firstName: 'Mary',
          idQualifier: 'MI',
          id: '1EG4000869271',
        },
        payer: { entityType: '2', lastOrOrganizationName: 'Medicare Part A', idQualifier: 'PI', id: 'MCRA' },
      },
    ];
    expect(payerRowFields(claim)).toEqual({
      FL50A: 'MEDICARE PART A',
      FL51A: 'MCRA',
      FL52A: 'Y',
      FL53A: 'Y',
      FL54A: '7652.80',
      FL58A: 'SAMPLE, MARY',
      FL59A: '18',
      FL60A: '1EG4000869271',
      FL50B: 'BLUE CROSS',
      FL51B: '00621',
      FL52B: 'Y',
      FL53B: 'Y',
      FL58B: 'SAMPLE, MARY',
      FL59B: '18',
      FL60B: 'XYZ998877',
      FL62B: 'G2',
      FL63B: 'AUTH77',
    });
  });
});
