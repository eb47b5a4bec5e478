import { describe, expect, it } from 'vitest';
import { parseX12 } from './parse.ts';
import { MemoryControlNumbers, writeInterchange } from './writer.ts';

const env = (isa13: string, iea: string, ge: string, se: string): string =>
  `ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*${isa13}*0*T*:~` +
  `GS*HC*S*R*20240101*1200*7*X*005010X222A1~ST*837*0001*005010X222A1~BHT*0019*00*1*20240101*1200*CH~${se}~${ge}~${iea}~`;

describe('envelope checks', () => {
  it('accepts matching control numbers and counts', () => {
    expect(parseX12(env('000000001', 'IEA*1*000000001', 'GE*1*7', 'SE*3*0001')).problems).toEqual([]);
  });

  it.each([
    [
      'IEA02 ≠ ISA13',
      env('000000001', 'IEA*1*000000002', 'GE*1*7', 'SE*3*0001'),
      'X12_ISA_IEA_MISMATCH',
      'IEA02',
    ],
    [
      'IEA01 group count',
      env('000000001', 'IEA*2*000000001', 'GE*1*7', 'SE*3*0001'),
      'X12_IEA_COUNT',
      'IEA01',
    ],
    ['GE02 ≠ GS06', env('000000001', 'IEA*1*000000001', 'GE*1*8', 'SE*3*0001'), 'X12_GS_GE_MISMATCH', 'GE02'],
    ['GE01 set count', env('000000001', 'IEA*1*000000001', 'GE*2*7', 'SE*3*0001'), 'X12_GE_COUNT', 'GE01'],
    ['SE02 ≠ ST02', env('000000001', 'IEA*1*000000001', 'GE*1*7', 'SE*3*0002'), 'X12_ST_SE_MISMATCH', 'SE02'],
    [
      'SE01 segment count',
      env('000000001', 'IEA*1*000000001', 'GE*1*7', 'SE*4*0001'),
      'X12_SE_COUNT',
      'SE01',
    ],
  ])('reports %s', (_n, text, code, element) => {
    const problems = parseX12(text).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, element, severity: 'error' });
  });

  it('reports every missing trailer of a truncated file', () => {
    const text = env('000000001', 'IEA*1*000000001', 'GE*1*7', 'SE*3*0001');
    const cut = text.slice(0, text.indexOf('SE*'));
    const codes = parseX12(cut).problems.map((p) => p.code);
    expect(codes).toEqual(['X12_SE_MISSING', 'X12_GE_MISSING', 'X12_IEA_MISSING']);
  });

  it('writes counts and caller-supplied control numbers', async () => {
    const numbers = new MemoryControlNumbers({ interchange: 42, group: 9, transaction: 100 });
    const body = [['BHT', '0019', '00', '1', '20240101', '1200', 'CH']] as const;
    const text = await writeInterchange(
      [
        {
          functionalId: 'HC',
          guide: '005010X222A1',
          transactions: [
            { setId: '837', guide: '005010X222A1', body },
            { setId: '837', guide: '005010X222A1', body },
          ],
        },
      ],
      { senderId: 'S', receiverId: 'R', date: '20240101', time: '1200' },
      numbers,
    );
    const doc = parseX12(text);
    expect(doc.problems).toEqual([]);
    const ic = doc.interchanges[0];
    expect(ic?.isa?.el[13]).toBe('000000042');
    expect((ic?.isa?.el.join('*').length ?? 0) + 1).toBe(106);
    expect(ic?.groups[0]?.gs?.el[6]).toBe('9');
    expect(ic?.groups[0]?.transactions.map((t) => t.controlNumber)).toEqual(['0100', '0101']);
    expect(text).toContain('SE*3*0100~');
    expect(text).toContain('GE*2*9~');
    expect(text).toContain('IEA*1*000000042~');
    expect(await numbers.next('transaction')).toBe(102);
  });
});
