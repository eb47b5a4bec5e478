import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SAMPLES, sample } from '../testing/fixtures.ts';
import { fileSource, streamSegments } from './stream.ts';
import { validateStream, validateX12 } from './validate.ts';

const FILES = [
  '837P/imsweb__x12_segment_errors.txt',
  '837P/hdi__837P-validation-issues.edi',
  '835/lfh__secondary-payment.835',
  '999/staedi__invalid999.edi',
  '837I/stupidedi__two-claims-for-the-same-provider.edi',
];

describe('validateStream', () => {
  it.each(FILES)('finds the same problems as validateX12 in %s without keeping segments', async (rel) => {
    const whole = validateX12(sample(rel));
    const stream = await validateStream(fileSource(join(SAMPLES, rel)));
    const key = (p: { code: string; segmentNumber?: number; element?: string }) =>
      `${p.code}@${p.segmentNumber}:${p.element ?? ''}`;
    expect(stream.problems.map(key).sort()).toEqual(whole.problems.map(key).sort());
    expect(stream.valid).toBe(whole.valid);
  });

  it('streams segments from a file path', async () => {
    let n = 0;
    for await (const s of streamSegments(join(SAMPLES, '835/stupidedi__tertiary-payments.edi')))
      if (s.id === 'CLP') n++;
    expect(n).toBeGreaterThan(0);
  });
});

describe('validateX12 element checks', () => {
  it('locates an element error by segment, loop, position and TR3/dictionary name', () => {
    const v = validateX12(sample('837P/hdi__837P-validation-issues.edi'));
    expect(v.problems).toContainEqual(
      expect.objectContaining({
        code: 'X12_TOO_LONG',
        segmentId: 'CLM',
        loop: '2300',
        element: 'CLM05-1',
        elementName: 'Facility Code Value',
        ik4: '5',
        transaction: expect.any(String),
        positionInSet: expect.any(Number),
      }),
    );
  });

  it('bounds the problem list and says how many were left out', () => {
    const v = validateX12(sample('837P/oopfactory__MedicaidExample.txt'), { limit: 5 });
    expect(v.problems).toHaveLength(6);
    expect(v.problems.at(-1)?.code).toBe('X12_TOO_MANY_PROBLEMS');
  });
});
