import { describe, expect, it } from 'vitest';
import { parse999 } from './999.ts';
import { parse277CA } from './277ca.ts';
import { parseTA1 } from './ta1.ts';
import { generate999 } from './999-generate.ts';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { generateOptions, sample, tr3Claim } from '../testing/fixtures.ts';
import { validateX12 } from '../engine/validate.ts';
import { generate837 } from './837-generate.ts';

describe('parse999', () => {
  it('reads AK1/AK2/IK3/IK4/IK5/AK9', () => {
    const [ack] = parse999(
      sample('999/stupidedi__response-to-functional-group-containing-3-837s.edi'),
    ).acknowledgments;
    expect(ack?.group).toEqual({ functionalId: 'HC', controlNumber: '17456', version: '005010X222A2' });
    expect(ack?.transactions.map((t) => [t.controlNumber, t.status, t.accepted])).toEqual([
      ['0001', 'A', true],
      ['0002', 'R', false],
      ['0003', 'R', false],
    ]);
    expect(ack?.transactions[1]?.segmentErrors[0]).toMatchObject({
      segmentId: 'CLM',
      position: 22,
      code: '8',
      elementErrors: [{ position: 2, elementReference: '782', code: '1' }],
    });
    expect(ack).toMatchObject({ groupStatus: 'P', included: 3, received: 3, acceptedCount: 1 });
  });

  it('reads CTX segment contexts and business units (X231A1 example)', () => {
    const [ack] = parse999(
      sample('999/stupidedi__response-to-functional-group-containing-3-837s.edi'),
    ).acknowledgments;
    expect(ack?.transactions[1]?.segmentErrors[0]).toMatchObject({
      triggers: [],
      businessUnit: { name: 'CLM01', value: '123456789' },
    });
    expect(ack?.transactions[2]?.segmentErrors[0]).toEqual({
      segmentId: 'REF',
      position: 57,
      code: '3',
      triggers: [{ segmentId: 'CLM', position: 43, element: 5, component: 3 }],
      businessUnit: { name: 'CLM01', value: '987654321' },
      elementErrors: [],
    });
  });
});

describe('parse277CA', () => {
  it('reads claim-level STC categories and status codes', () => {
    const [ack] = parse277CA(sample('277CA/imsweb__x12_277CA_rejected.txt')).acknowledgments;
    expect(ack?.receivers[0]?.statuses[0]).toMatchObject({ category: 'A1', code: '20', outcome: 'received' });
    const claim = ack?.claims[0];
    expect(claim).toMatchObject({
      patientControlNumber: '3920394930203',
      accepted: false,
      payerClaimControlNumber: '1107000000001120',
    });
    expect(claim?.statuses[0]).toMatchObject({
      category: 'A7',
      code: '562',
      entity: '85',
      outcome: 'rejected',
      chargeCents: 19914,
    });
  });

  it('reads accepted claims', () => {
    const { acknowledgments } = parse277CA(sample('277CA/imsweb__x12_277CA_accepted.txt'));
    const claims = acknowledgments.flatMap((a) => a.claims);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.some((c) => c.statuses.some((s) => s.category === 'A2'))).toBe(true);
  });
});

describe('parseTA1', () => {
  it('reads an interchange acknowledgment', () => {
    const { acknowledgments } = parseTA1(sample('TA1/staedi__x12_interchange_ack.txt'));
    expect(acknowledgments).toEqual([
      {
        controlNumber: '000000050',
        date: '2020-02-29',
        time: '1200',
        ackCode: 'A',
        noteCode: '000',
        accepted: true,
        segmentNumber: 2,
      },
    ]);
  });

  it('reads the malformed 4-element TA1s without throwing', () => {
    const { acknowledgments } = parseTA1(sample('TA1/oopfactory__TechnicalAcknowledgment_Sample1.txt'));
    expect(acknowledgments.map((a) => [a.controlNumber, a.ackCode, a.noteCode])).toEqual([
      ['0659', 'A', ''],
      ['0660', 'A', ''],
    ]);
  });
});

describe('generate999', () => {
  const opts = () => ({
    numbers: new MemoryControlNumbers({ interchange: 7 }),
    date: '20240101',
    time: '1200',
  });

  it('acknowledges an 837 with IK3/IK4 where the problems are, and parses back', async () => {
    const text = await generate999(sample('837P/imsweb__x12_segment_errors.txt'), opts());
    expect(text).toContain('AK1*HC*1*005010X222A1~');
    expect(text).toContain('IK3*N3*8*2010*3~');
    expect(text).toContain('IK3*HI*20*2300*3~');
    const [ack] = parse999(text).acknowledgments;
    expect(parse999(text).problems).toEqual([]);
    expect(ack?.transactions[0]).toMatchObject({ controlNumber: '987654', status: 'R', accepted: false });
    expect(ack?.groupStatus).toBe('R');
  });

  it('writes IK4 element positions for element errors', async () => {
    const text = await generate999(sample('837P/hdi__837P-validation-issues.edi'), opts());
    expect(text).toMatch(/IK3\*CLM\*\d+\*2300\*8~CTX\*CLM01:26463774~IK4\*5:1\*\*5\*/);
    expect(text).toContain('IK4*6**7*V~');
  });

  it('names the claim (CTX CLM01) and the situational trigger (CTX SITUATIONAL TRIGGER) of an error', async () => {
    // A replacement claim (CLM05-3 = 7) without REF*F8 Payer Claim Control Number (TR3 situational rule).
    const c = tr3Claim();
    c.claim.frequencyCode = '7';
    const v = validateX12(await generate837([c], generateOptions()));
    expect(v.problems).toEqual([
      expect.objectContaining({
        code: 'X12_SITUATIONAL_MISSING',
        segmentId: 'REF',
        loop: '2300',
        ik3: 'I6',
        businessUnit: { name: 'CLM01', value: '26463774' },
        trigger: { segmentId: 'CLM', positionInSet: 26, loop: '2300', element: 'CLM05-3' },
      }),
    ]);
    const text = await generate999(v, opts());
    expect(text).toContain(
      'IK3*REF*38*2300*I6~CTX*SITUATIONAL TRIGGER*CLM*26*2300*5:3~CTX*CLM01:26463774~IK5*R*5~',
    );
    const parsed = parse999(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.acknowledgments[0]?.transactions[0]?.segmentErrors).toEqual([
      {
        segmentId: 'REF',
        position: 38,
        loop: '2300',
        code: 'I6',
        triggers: [{ segmentId: 'CLM', position: 26, loop: '2300', element: 5, component: 3 }],
        businessUnit: { name: 'CLM01', value: '26463774' },
        elementErrors: [],
      },
    ]);
    c.claim.payerClaimControlNumber = 'ICN1';
    expect(validateX12(await generate837([c], generateOptions())).problems).toEqual([]);
  });

  it('writes the 2110 element context after an IK4 whose error has a trigger', async () => {
    const v = validateX12(sample('837P/stupidedi__anesthesia.edi'));
    v.transactions[0]?.problems.push({
      code: 'X12_ELEMENT_MISSING',
      severity: 'error',
      message: 'test',
      segmentId: 'CLM',
      positionInSet: 20,
      loop: '2300',
      element: 'CLM11-4',
      ik4: '1',
      trigger: { segmentId: 'CLM', positionInSet: 20, loop: '2300', element: 'CLM11-1' },
    });
    const text = await generate999(v, opts());
    expect(text).toContain('IK3*CLM*20*2300*8~IK4*11:4**1~CTX*SITUATIONAL TRIGGER*CLM*20*2300*11:1~');
    const errors = parse999(text).acknowledgments[0]?.transactions[0]?.segmentErrors[0]?.elementErrors;
    expect(errors?.[0]?.triggers).toEqual([
      { segmentId: 'CLM', position: 20, loop: '2300', element: 11, component: 1 },
    ]);
  });

  it('accepts a clean 837', async () => {
    const text = await generate999(sample('837P/stupidedi__anesthesia.edi'), opts());
    expect(text).toMatch(/IK5\*A~AK9\*A\*1\*1\*1~/);
    expect(parse999(text).valid).toBe(true);
  });
});
