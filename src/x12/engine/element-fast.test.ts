// The yes/no element check (element-fast.ts) must agree with the reporting check (elements.ts) on every
// segment: a segment it passes must have no problem, and one it fails must have at least one (else a
// valid segment would take the slow path for nothing). Real segments, mutated at random, each checked
// under every guide use of its id and under the bare dictionary.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAPS } from '../maps/index.ts';
import type { MapNode, SegmentRule } from '../maps/types.ts';
import { ProblemList } from '../problems.ts';
import { sample } from '../testing/fixtures.ts';
import { allValid } from './element-fast.ts';
import { compiled, reportScanned } from './elements.ts';
import { RawSegment } from './segment.ts';
import { scanElements, scannedRepeats } from './scan.ts';
import { tokenize } from './tokenizer.ts';
import { DEFAULT_DELIMITERS, type Delimiters } from './types.ts';

const FILES = [
  '837P/stupidedi__anesthesia.edi',
  '837I/stupidedi__two-claims-for-the-same-provider.edi',
  '835/stupidedi__tertiary-payments.edi',
  '999/stupidedi__response-to-functional-group-containing-3-837s.edi',
  '277CA/imsweb__x12_277CA_rejected.txt',
];

/** Every guide use of each segment id, across the carried maps. */
const uses = new Map<string, SegmentRule[]>();
function collect(nodes: readonly MapNode[]): void {
  for (const k of nodes) {
    if (k.kind === 'loop') collect(k.children);
    else uses.set(k.id, [...(uses.get(k.id) ?? []), k]);
  }
}
MAPS.forEach((m) => collect(m.body));

/** Segment texts with their file's separators. */
const texts = FILES.flatMap((f) => {
  const t = tokenize(sample(f));
  const d = t.delimiters ?? DEFAULT_DELIMITERS;
  return t.segments.flatMap((s) => (s.raw !== undefined ? [{ raw: s.raw, d }] : []));
});
// Characters that change what a value is: separators (as the file writes them), digits, letters, sign,
// point, blank, nothing (a deletion).
const CHARS = ['element', 'component', 'repetition', '0', '1', '9', 'A', 'Z', 'a', '.', '-', ' ', ''];

const charOf = (c: number, d: Delimiters): string => {
  const ch = CHARS[c] ?? '';
  return ch === 'element' || ch === 'component' || ch === 'repetition' ? (d[ch] ?? '') : ch;
};

/** Each edit puts a character at a position, replacing the one there (odd picks) or inserted (even). */
function mutate(text: string, edits: [number, number][], d: Delimiters): string {
  let t = text;
  for (const [at, c] of edits) {
    const i = at % (t.length + 1);
    t = t.slice(0, i) + charOf(c, d) + t.slice(i + (c % 2));
  }
  return t;
}

/** Checks `text` under every use of its id: the yes/no answer must be "the reporting check found nothing". */
function agree(text: string, d: Delimiters): void {
  const s = new RawSegment(text, d.element, 1, 1);
  const rep = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
  for (const rule of [undefined, ...(uses.get(s.id) ?? [])]) {
    const c = compiled(s.id, rule);
    if (c === null) continue;
    const n = scanElements(text, d.element.charCodeAt(0), rep);
    // Repeated elements always take the reporting check (one repeat at a time).
    if (scannedRepeats && c.def.id !== 'ISA') continue;
    const fast = allValid(text, n, c, d.component.charCodeAt(0));
    const clean = reportScanned(s, text, n, c, d, new ProblemList(1000), {});
    expect({ text, rule: rule?.name, fast }).toEqual({ text, rule: rule?.name, fast: clean });
  }
}

describe('yes/no element check', () => {
  it('passes exactly the segments the reporting check finds nothing in', () => {
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(CHARS.length - 1)), { maxLength: 4 }),
        (k, edits) => {
          const { raw, d } = texts[k] as (typeof texts)[number];
          agree(mutate(raw, edits, d), d);
        },
      ),
      { numRuns: 3000, seed: 5010 },
    );
  });

  it('agrees at element ends: an extra component or element, a value emptied, doubled or cut short', () => {
    for (const { raw, d } of texts) {
      for (let i = raw.indexOf(d.element); i >= 0; i = raw.indexOf(d.element, i + 1)) {
        const end = raw.indexOf(d.element, i + 1) < 0 ? raw.length : raw.indexOf(d.element, i + 1);
        agree(raw.slice(0, end) + d.component + raw.slice(end), d);
        agree(raw.slice(0, i + 1) + raw.slice(end), d);
        agree(raw.slice(0, end) + raw.slice(i, end) + raw.slice(end), d);
        agree(raw.slice(0, end) + raw.slice(i + 1, end) + raw.slice(end), d);
        agree(raw.slice(0, end - 1) + raw.slice(end), d);
      }
      agree(raw + d.element, d);
    }
  });
});
