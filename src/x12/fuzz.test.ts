// Property: no input makes the readers throw or hang. Real samples are mutated byte-wise
// (flips, separator injection, deletions, duplications, truncation) and pushed through every reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateX12 } from './engine/validate.ts';
import { parse837 } from './transactions/837.ts';
import { parse835 } from './transactions/835.ts';
import { parse999 } from './transactions/999.ts';
import { parse277CA } from './transactions/277ca.ts';
import { parseTA1 } from './transactions/ta1.ts';
import { SegmentSplitter, tokenize, toText } from './engine/tokenizer.ts';
import type { Segment } from './engine/types.ts';
import { sample } from './testing/fixtures.ts';

const SEEDS = [
  '837P/stupidedi__anesthesia.edi',
  '837I/stupidedi__two-claims-for-the-same-provider.edi',
  '835/stupidedi__tertiary-payments.edi',
  '999/stupidedi__response-to-functional-group-containing-3-837s.edi',
  '277CA/imsweb__x12_277CA_rejected.txt',
  'TA1/staedi__x12_interchange_ack.txt',
].map((f) => sample(f));

const SPECIAL = [0x2a, 0x3a, 0x7e, 0x5e, 0x0a, 0x0d, 0x20, 0x00, 0xff, 0xef, 0xbb, 0xbf, 0x1d];

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'special'; at: number; pick: number }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'dup'; at: number; len: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('special' as const), at: fc.nat(), pick: fc.nat(SPECIAL.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(buf: Buffer, m: Mutation): Buffer {
  if (buf.length === 0) return buf;
  const at = m.at % buf.length;
  switch (m.kind) {
    case 'flip': {
      const b = Buffer.from(buf);
      b[at] = m.byte;
      return b;
    }
    case 'special': {
      const b = Buffer.from(buf);
      b[at] = SPECIAL[m.pick] ?? 0;
      return b;
    }
    case 'delete':
      return Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.len)]);
    case 'dup':
      return Buffer.concat([buf.subarray(0, at + m.len), buf.subarray(at)]);
    case 'truncate':
      return buf.subarray(0, at);
  }
}

function readEverything(input: Buffer): void {
  const v = validateX12(input);
  parse837(v);
  parse835(v);
  parse835(input); // read loop by loop as it streams, not from the validated document
  parse999(v);
  parse277CA(v);
  parseTA1(v.document);
}

describe('readers on arbitrary bytes', () => {
  it('never throw and never hang on mutated samples (10,000 runs)', () => {
    const started = Date.now();
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (seed, ms) => {
          const input = ms.reduce(apply, SEEDS[seed] as Buffer);
          const t = Date.now();
          readEverything(input);
          slowest = Math.max(slowest, Date.now() - t);
        },
      ),
      { numRuns: 10_000, seed: 5010 },
    );
    expect(slowest).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(50_000);
  });

  it('streaming in any chunk sizes gives the same segments and problems as reading whole (2,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(mutation, { maxLength: 4 }),
        fc.integer({ min: 1, max: 700 }),
        (seed, ms, size) => {
          const input = ms.reduce(apply, SEEDS[seed] as Buffer);
          const whole = tokenize(input);
          const sp = new SegmentSplitter();
          const got: Segment[] = [];
          for (let i = 0; i < input.length; i += size) sp.push(toText(input.subarray(i, i + size)), got);
          sp.end(got);
          expect(got).toEqual(whole.segments);
          expect(sp.problems.items.map((p) => p.code)).toEqual(whole.problems.items.map((p) => p.code));
        },
      ),
      { numRuns: 2000, seed: 837 },
    );
  });

  it('never throw on random bytes and random text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        readEverything(Buffer.from(bytes));
        tokenize(Buffer.from(bytes));
      }),
      { numRuns: 1000, seed: 42 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        readEverything(Buffer.from('ISA*00*' + s, 'latin1'));
      }),
      { numRuns: 1000, seed: 43 },
    );
  });

  it('reports truncation at every length of a sample as problems, not exceptions', () => {
    const src = SEEDS[0] as Buffer;
    for (let n = 0; n <= src.length; n += 7) {
      const v = validateX12(src.subarray(0, n));
      if (n < src.length - 20) expect(v.valid).toBe(false);
    }
  });
});
