import { describe, expect, it } from 'vitest';
import type { ProfessionalClaim } from '../../x12/index.ts';
import { statusRequestsOf, type InquiryToWrite } from './request.ts';

const party = (name: string, id: string, qualifier: string) => ({
  entityType: '2' as const,
  lastOrOrganizationName: name,
  idQualifier: qualifier,
  id,
  address: { line1: '1 MAIN ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
});

const model = (pcn: string, memberId: string, over: Partial<ProfessionalClaim> = {}): ProfessionalClaim =>
  ({
    billingProvider: party('SPRINGFIELD CLINIC', '1234567893', 'XX'),
    payer: party('DEMO BCBS', 'BCBS01', 'PI'),
    subscriber: {
      entityType: '1',
      lastOrOrganizationName: 'DOE',
      firstName: 'JANE',
      idQualifier: 'MI',
      id: memberId,
      birthDate: '1980-01-02',
      gender: 'F',
      payerResponsibility: 'P',
      claimFilingIndicator: 'BL',
    },
    claim: {
      patientControlNumber: pcn,
      totalChargeCents: 20000,
      serviceLines: [
        {
          procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
          chargeCents: 12000,
          unitType: 'UN',
          units: '1',
          serviceDate: { from: '2026-10-02' },
          lineControlNumber: '11',
          diagnosisPointers: [1],
        },
        {
          procedure: { qualifier: 'HC', code: '', modifiers: [] },
          revenueCode: '0450',
          chargeCents: 8000,
          unitType: 'UN',
          units: '2',
          serviceDate: { from: '2026-10-01' },
          lineControlNumber: '12',
          diagnosisPointers: [],
        },
      ],
    },
    ...over,
  }) as unknown as ProfessionalClaim;

const q = (claimId: number, m: ProfessionalClaim, over: Partial<InquiryToWrite> = {}): InquiryToWrite => ({
  claimId,
  traceNumber: `${claimId}-1`,
  payerClaimNumber: null,
  billType: null,
  model: m,
  ...over,
});

describe('the 276 asked of a claim', () => {
  const asker = { name: 'RIVERSIDE BILLING', id: 'RIVER01' };
  const stamp = { date: '2026-12-03', time: '0600' };

  it('puts claims of one payer and member in one request, others in their own', () => {
    const requests = statusRequestsOf(
      [q(1, model('P1', 'M1')), q(2, model('P2', 'M2')), q(3, model('P3', 'M1'))],
      asker,
      stamp,
    );
    expect(requests.map((r) => r.claims.map((c) => c.traceNumber))).toEqual([['1-1', '3-1'], ['2-1']]);
    expect(requests[0]).toMatchObject({
      referenceId: '1-1',
      date: '2026-12-03',
      time: '0600',
      payer: { entityType: '2', lastOrOrganizationName: 'DEMO BCBS', idQualifier: 'PI', id: 'BCBS01' },
      receiver: {
        entityType: '2',
        lastOrOrganizationName: 'RIVERSIDE BILLING',
        idQualifier: '46',
        id: 'RIVER01',
      },
      provider: { lastOrOrganizationName: 'SPRINGFIELD CLINIC', idQualifier: 'XX', id: '1234567893' },
      subscriber: { lastOrOrganizationName: 'DOE', id: 'M1', birthDate: '1980-01-02', gender: 'F' },
    });
    // Name loops only: no address in a 276.
    expect(requests[0]!.payer).not.toHaveProperty('address');
    expect(requests[0]!.dependent).toBeUndefined();
  });

  it('asks with the trace, numbers, charge, service dates and each line', () => {
    const [r] = statusRequestsOf(
      [q(7, model('P7', 'M7'), { payerClaimNumber: 'PAYER123', billType: '131' })],
      asker,
      stamp,
    );
    expect(r!.claims[0]).toEqual({
      traceNumber: '7-1',
      patientControlNumber: 'P7',
      payerClaimControlNumber: 'PAYER123',
      billType: '131',
      chargeCents: 20000,
      serviceDate: { from: '2026-10-01', to: '2026-10-02' },
      lines: [
        {
          procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
          chargeCents: 12000,
          units: '1',
          serviceDate: { from: '2026-10-02' },
          lineControlNumber: '11',
        },
        {
          // A line billed by revenue code alone is asked about as NU:revenue code.
          procedure: { qualifier: 'NU', code: '0450', modifiers: [] },
          chargeCents: 8000,
          units: '2',
          serviceDate: { from: '2026-10-01' },
          lineControlNumber: '12',
        },
      ],
    });
  });

  it('asks about a dependent under the subscriber (2000E)', () => {
    const child = {
      entityType: '1' as const,
      lastOrOrganizationName: 'DOE',
      firstName: 'JIM',
      relationship: '19',
      birthDate: '2015-05-05',
      gender: 'M',
    };
    const [r] = statusRequestsOf([q(9, model('P9', 'M1', { patient: child } as never))], asker, stamp);
    expect(r!.dependent).toEqual({
      entityType: '1',
      lastOrOrganizationName: 'DOE',
      firstName: 'JIM',
      birthDate: '2015-05-05',
      gender: 'M',
    });
  });
});
