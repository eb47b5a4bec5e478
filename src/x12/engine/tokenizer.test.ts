import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../problems.ts';
import { sample } from '../testing/fixtures.ts';
import { streamSegments } from './stream.ts';
import { tokenize } from './tokenizer.ts';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*T*:~';
const BODY =
  'GS*HC*S*R*20240101*1200*1*X*005010X222A1~ST*837*0001*005010X222A1~BHT*0019*00*1*20240101*1200*CH~SE*3*0001~GE*1*1~IEA*1*000000001~';

describe('delimiters and tokenizer', () => {
  it('reads separators from the ISA', () => {
    const t = tokenize(ISA + BODY);
    expect(t.delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
    expect(t.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'BHT', 'SE', 'GE', 'IEA']);
    expect(t.segments[2]?.el).toEqual(['ST', '837', '0001', '005010X222A1']);
  });

  it('accepts line breaks, CRLF, a BOM and leading blanks', () => {
    const crlf = '\uFEFF\r\n  ' + (ISA + BODY).replace(/~/g, '~\r\n    ');
    const t = tokenize(Buffer.from(crlf, 'utf8'));
    expect(t.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'BHT', 'SE', 'GE', 'IEA']);
    expect(t.segments[3]?.line).toBe(5);
    expect(t.segments[6]?.el[2]).toBe('000000001');
  });

  it('uses other separators, including a line feed as terminator', () => {
    const odd = (ISA + BODY).replace(/\*/g, '|').replace(/~/g, '\n').replace('|:\n', '|>\n');
    const t = tokenize(odd);
    expect(t.delimiters).toMatchObject({ element: '|', component: '>', segment: '\n' });
    expect(t.segments).toHaveLength(7);
  });

  it('reads the 0x1D-separated OopFactory sample', () => {
    const t = tokenize(sample('270/oopfactory__Example1_IG_0x1D.txt'));
    expect(t.problems.items).toEqual([]);
    expect(t.segments.some((s) => s.id === 'EQ')).toBe(true);
  });

  it('reads a bare transaction set with a warning', () => {
    const t = tokenize('ST*837*0001*005010X222~BHT*0019*00*1*20240101*1200*CH~SE*3*0001~');
    expect(t.segments).toHaveLength(3);
    expect(t.problems.items[0]?.code).toBe('X12_NO_ENVELOPE');
  });

  it.each([
    ['empty', ''],
    ['junk', 'hello world, this is not X12'],
    ['truncated ISA', ISA.slice(0, 40)],
    ['alphanumeric separator', 'ISAA00A'],
  ])('reports %s input as a fatal problem without throwing', (_name, input) => {
    const t = tokenize(input);
    expect(t.segments).toEqual([]);
    expect(t.problems.items[0]?.severity).toBe('fatal');
  });

  it('keeps the last segment when the final terminator is missing', () => {
    const t = tokenize((ISA + BODY).slice(0, -1));
    expect(t.segments.at(-1)?.el).toEqual(['IEA', '1', '000000001']);
  });

  it('streams the same segments whatever the chunk boundaries', async () => {
    const text = sample('837P/stupidedi__COB-claim-from-billing-provider-to-payer-a.edi');
    const whole = tokenize(text).segments;
    for (const size of [1, 7, 64, 1000]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.subarray(i, i + size));
      const got = [];
      for await (const s of streamSegments(Readable.from(chunks))) got.push(s);
      expect(got).toEqual(whole);
    }
  });

  it('reports an unreadable stream through the problem list', async () => {
    const problems = new ProblemList();
    const got = [];
    for await (const s of streamSegments(Readable.from([Buffer.from('garbage')]), problems)) got.push(s);
    expect(got).toEqual([]);
    expect(problems.items[0]?.code).toBe('X12_NOT_X12');
  });

  it('gives up with a fatal problem when no terminator comes (no unbounded buffering)', async () => {
    const problems = new ProblemList();
    const chunks = [Buffer.from(ISA + 'GS*'), ...Array.from({ length: 20 }, () => Buffer.alloc(100_000, 65))];
    const got = [];
    for await (const s of streamSegments(Readable.from(chunks), problems)) got.push(s.id);
    expect(got).toEqual(['ISA']);
    expect(problems.items[0]).toMatchObject({
      code: 'X12_SEGMENT_TOO_LONG',
      severity: 'fatal',
      segmentNumber: 2,
    });
  });
});
