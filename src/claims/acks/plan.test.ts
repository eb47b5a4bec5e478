import { describe, expect, it } from 'vitest';
import type { ClaimAcknowledgment, ImplementationAck, InterchangeAck } from '../../x12/index.ts';
import { batchSetsOf, plan277CA, plan999, planTA1, readAcknowledgment, type BatchSets } from './plan.ts';

const batch: BatchSets = {
  batchId: 7,
  senderId: 'RIVER01',
  interchangeControlNumber: 101,
  groups: ['55'],
  sets: [
    { controlNumber: '0001', patientControlNumbers: ['PCN1'] },
    { controlNumber: '0002', patientControlNumbers: ['PCN2', 'PCN3'] },
  ],
};
const claims = [
  { id: 1, patientControlNumber: 'PCN1', state: 'submitted' },
  { id: 2, patientControlNumber: 'PCN2', state: 'submitted' },
  { id: 3, patientControlNumber: 'PCN3', state: 'submitted' },
];

describe('acknowledgment plans', () => {
  it('a rejected TA1 rejects the batch and every claim in it, with the note in words', () => {
    const ack: InterchangeAck = {
      controlNumber: '000000101',
      date: '2026-12-01',
      time: '1200',
      ackCode: 'R',
      noteCode: '009',
      accepted: false,
      segmentNumber: 2,
    };
    const plan = planTA1([ack], batch, claims);
    expect(plan).toMatchObject({ batchId: 7, batchState: 'rejected', status: 'rejected' });
    expect(plan.claims.map((c) => c.moveTo)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(plan.reasons[0]!.text).toMatch(/receiver id is unknown/);
    expect(planTA1([ack], null, []).status).toBe('unmatched');
  });

  it('a 999 rejecting one set rejects only its claims; an error naming a claim (CTX CLM01) goes to that claim', () => {
    const ack: ImplementationAck = {
      controlNumber: '0001',
      group: { functionalId: 'HC', controlNumber: '55' },
      groupStatus: 'P',
      included: 2,
      received: 2,
      acceptedCount: 1,
      groupErrorCodes: [],
      transactions: [
        {
          setId: '837',
          controlNumber: '0001',
          status: 'A',
          accepted: true,
          errorCodes: [],
          segmentErrors: [],
        },
        {
          setId: '837',
          controlNumber: '0002',
          status: 'R',
          accepted: false,
          errorCodes: ['5'],
          segmentErrors: [
            {
              segmentId: 'DTP',
              position: 30,
              loop: '2400',
              code: '8',
              triggers: [],
              businessUnit: { name: 'CLM01', value: 'PCN3' },
              elementErrors: [{ position: 3, code: '8', badValue: '20261399' }],
            },
          ],
        },
      ],
    };
    const plan = plan999([ack], batch, claims);
    expect(plan).toMatchObject({ batchId: 7, batchState: 'acknowledged', status: 'partially_accepted' });
    const by = new Map(plan.claims.map((c) => [c.claimId, c]));
    expect(by.get(1)).toMatchObject({ status: 'received' });
    expect(by.get(2)).toMatchObject({ status: 'rejected', moveTo: 'rejected' });
    expect(by.get(3)!.reasons.map((r) => r.text)).toContain('the date is not valid ("20261399")');
    expect(by.get(2)!.reasons.some((r) => r.code === 'IK403 8')).toBe(false);
  });

  it('a 277CA accepts with the payer claim number, rejects in words, and keeps claims not ours as unmatched', () => {
    const claim = (
      pcn: string,
      category: string,
      code: string,
      outcome: 'accepted' | 'rejected',
      extra = {},
    ) => ({
      patient: { lastName: 'DOE' },
      patientControlNumber: pcn,
      statuses: [{ category, code, outcome, additional: [] }],
      accepted: outcome === 'accepted',
      lines: [],
      ...extra,
    });
    const ack: ClaimAcknowledgment = {
      controlNumber: '0001',
      informationSource: { name: 'PAYER', statuses: [] },
      receivers: [],
      providers: [],
      claims: [
        claim('PCN1', 'A2', '20', 'accepted', { payerClaimControlNumber: 'P-1' }),
        claim('PCN2', 'A7', '562', 'rejected'),
        claim('ELSEWHERE', 'A2', '20', 'accepted'),
      ],
    };
    const plan = plan277CA([ack], [claims[0]!, { ...claims[1]!, state: 'rejected' }]);
    expect(plan.claims[0]).toMatchObject({
      claimId: 1,
      status: 'accepted',
      moveTo: 'accepted',
      payerClaimNumber: 'P-1',
    });
    // Already rejected (by the 999): recorded, not moved again.
    expect(plan.claims[1]!.moveTo).toBeUndefined();
    expect(plan.claims[1]!.reasons[0]!.text).toMatch(
      /invalid information: entity’s national provider identifier/,
    );
    expect(plan.unmatched).toEqual(['ELSEWHERE']);
  });

  it('reads a batch for its control numbers, and refuses files that are not acknowledgments', () => {
    const sets = batchSetsOf(
      3,
      'ISA*00*          *00*          *ZZ*A              *ZZ*B              *261201*1200*^*00501*000000042*0*T*:~GS*HC*A*B*20261201*1200*42*X*005010X222A1~ST*837*0001*005010X222A1~CLM*PCN9*10***11:B:1~SE*3*0001~GE*1*42~IEA*1*000000042~',
    );
    expect(sets).toEqual({
      batchId: 3,
      senderId: 'A',
      interchangeControlNumber: 42,
      groups: ['42'],
      sets: [{ controlNumber: '0001', patientControlNumbers: ['PCN9'] }],
    });
    expect(() => readAcknowledgment('not x12')).toThrow(/not an X12 file/);
    expect(() =>
      readAcknowledgment(
        'ISA*00*          *00*          *ZZ*A              *ZZ*B              *261201*1200*^*00501*000000042*0*T*:~GS*HC*A*B*20261201*1200*42*X*005010X222A1~ST*837*0001*005010X222A1~SE*2*0001~GE*1*42~IEA*1*000000042~',
      ),
    ).toThrow(/not an acknowledgment/);
  });
});
