import { describe, expect, it } from 'vitest';
import { validateX12 } from '../engine/validate.ts';
import { sample, sampleFiles } from '../testing/fixtures.ts';
import { parse835, parse835Async } from './835.ts';

describe('parse835', () => {
  it('reads payment, trace, parties, claims, adjustments and provider adjustments in cents', () => {
    const { remittances, valid } = parse835(sample('835/lfh__medicare-part-a.835'));
    expect(valid).toBe(false); // pyx12 also flags it: PER*BL (technical contact) is required
    const r = remittances[0];
    expect(r?.payment).toMatchObject({
      handlingCode: 'C',
      totalPaidCents: 15000000,
      creditDebit: 'C',
      method: 'ACH',
      format: 'CTX',
      date: '2002-09-13',
      senderAccount: { dfiQualifier: '01', dfiId: '99999992', accountQualifier: 'DA', account: '123456' },
    });
    const c = r?.claims[0];
    expect(c).toMatchObject({
      patientControlNumber: '666123',
      status: '1',
      chargeCents: 21136697,
      paidCents: 13801840,
      claimFilingIndicator: 'MA',
      payerClaimControlNumber: '1999999444444',
      facilityCode: '11',
      frequencyCode: '1',
    });
    expect(c?.adjustments[0]).toEqual({ group: 'CO', reason: '45', amountCents: 7334857 });
    expect(c?.inpatient).toMatchObject({ coveredDaysOrVisits: '0', drgAmountCents: 13801840 });
    expect(r?.providerAdjustments).toEqual([
      {
        providerId: '6543210903',
        fiscalPeriodDate: '2002-12-31',
        adjustments: [{ reason: 'CV', referenceId: 'CP', amountCents: -127 }],
      },
    ]);
  });

  it('reads service lines with modifiers, line CAS and REF*6R', () => {
    const { remittances } = parse835(sample('835/tastypackets__profee-multiple.edi'));
    expect(remittances).toHaveLength(156);
    const lines = remittances.flatMap((r) => r.claims.flatMap((c) => c.serviceLines));
    const rb = lines.find((l) => l.procedure.code === 'V2020');
    expect(rb?.procedure).toEqual({ qualifier: 'HC', code: 'V2020', modifiers: ['RB'] });
    expect(rb?.chargeCents).toBe(600);
    expect(lines.some((l) => l.adjustments.length > 0)).toBe(true);
  });

  it('reads all six CAS triplets and PLB composite pairs', () => {
    const text =
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *240101*1200*^*00501*000000001*0*P*:~' +
      'GS*HP*PAYER*PROVIDER*20240101*1200*1*X*005010X221A1~ST*835*0001~' +
      'BPR*I*99.6*C*CHK************20240105~TRN*1*CHK1*1512345678~' +
      'N1*PR*PAYER~N3*1 ST~N4*CITY*NY*10001~PER*BL*EDI*TE*5555555555~N1*PE*CLINIC*XX*1234567893~' +
      'LX*1~CLP*PCN1*1*521.01*100.10*10*12*PAY1~' +
      'CAS*CO*45*1*1*42*2**A1*3*3*B1*4**B2*5**B3*6.01~NM1*QC*1*DOE*JANE****MI*M1~' +
      'SVC*HC:99213:25:59*500*100.10**1~DTM*472*20240101~CAS*PR*1*399.9~REF*6R*L1~AMT*B6*110.10~LQ*HE*N130~' +
      'PLB*1234567893*20241231*WO:R1*-1.5*L6*2~SE*20*0001~GE*1*1~IEA*1*000000001~';
    const { remittances, problems } = parse835(text);
    expect(problems).toEqual([]);
    const c = remittances[0]?.claims[0];
    expect(c?.adjustments.map((a) => [a.reason, a.amountCents, a.quantity])).toEqual([
      ['45', 100, '1'],
      ['42', 200, undefined],
      ['A1', 300, '3'],
      ['B1', 400, undefined],
      ['B2', 500, undefined],
      ['B3', 601, undefined],
    ]);
    const l = c?.serviceLines[0];
    expect(l).toMatchObject({
      lineControlNumber: 'L1',
      paidCents: 10010,
      units: '1',
      remarks: [{ qualifier: 'HE', code: 'N130' }],
    });
    expect(l?.procedure.modifiers).toEqual(['25', '59']);
    expect(remittances[0]?.providerAdjustments[0]?.adjustments).toEqual([
      { reason: 'WO', referenceId: 'R1', amountCents: -150 },
      { reason: 'L6', amountCents: 200 },
    ]);
  });

  it('reports an inexact amount instead of rounding it', () => {
    const text = parseText('CLP*PCN1*1*500.005*100~');
    const { problems } = parse835(text);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'X12_BAD_AMOUNT', element: 'CLP03' }));
  });
});

function parseText(clp: string): string {
  return (
    'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *240101*1200*^*00501*000000001*0*P*:~' +
    'GS*HP*PAYER*PROVIDER*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*1*C*CHK************20240105~TRN*1*C*1512345678~' +
    `N1*PR*PAYER~N3*1 ST~N4*CITY*NY*10001~PER*BL*EDI*TE*5555555555~N1*PE*CLINIC*XX*1234567893~LX*1~${clp}NM1*QC*1*DOE~SE*12*0001~GE*1*1~IEA*1*000000001~`
  );
}

describe('parse835 of text, read loop by loop', () => {
  // Text is read as it streams (each claim payment when its loop closes); a validated document is
  // read from its whole tree. Both must give the same remittances and problems, whole or cut short.
  it.each(sampleFiles('835'))('reads %s as the whole tree does, whole and truncated', (name) => {
    const bytes = sample(`835/${name}`);
    for (const input of [bytes, bytes.subarray(0, Math.floor(bytes.length / 2))]) {
      const streamed = parse835(input);
      const whole = parse835(validateX12(input));
      expect(streamed).toEqual(whole);
    }
  });

  it('reads each transaction set of a file with its own claim payments', () => {
    const one = sample('835/lfh__medicare-part-a.835').toString('latin1');
    const body = one.slice(one.indexOf('ST*'), one.indexOf('GE*'));
    const two = one.replace(
      body,
      body + body.replaceAll('ST*835*', 'ST*835*9').replaceAll(/SE\*(\d+)\*/g, 'SE*$1*9'),
    );
    const { remittances } = parse835(two);
    expect(remittances).toHaveLength(2);
    const claims = (i: number) =>
      remittances[i]!.claims.map((c) => [c.patientControlNumber, c.paidCents, c.serviceLines.length]);
    expect(claims(0).length).toBeGreaterThan(0);
    expect(claims(1)).toEqual(claims(0));
    expect(parse835(validateX12(two))).toEqual(parse835(two));
  });

  it('reads a file of megabytes as parse835 does, giving the event loop turns meanwhile', async () => {
    // the public sample's interchanges five times over: 1.4 MB, so the read stops for a turn
    const one = sample('835/tastypackets__profee-multiple.edi').toString('latin1');
    const big = one.repeat(5);
    let turns = 0;
    let timer = setImmediate(function tick() {
      turns++;
      timer = setImmediate(tick);
    });
    const read = await parse835Async(big);
    clearImmediate(timer);
    expect(turns).toBeGreaterThan(0);
    expect(read.remittances).toHaveLength(5 * parse835(one).remittances.length);
    expect(read).toEqual(parse835(big));
  });
});
