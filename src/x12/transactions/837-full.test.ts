// Every segment use the X222A1 and X223A2 maps define from 2000A down is carried by the typed model:
// claims filling every field are written, validate clean, cover every use, and read back unchanged.
import { describe, expect, it } from 'vitest';
import { validateX12 } from '../engine/validate.ts';
import { walkLoops, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Segment } from '../engine/types.ts';
import { valueAt } from '../engine/values.ts';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { X222A1 } from '../maps/837p.ts';
import { X223A2 } from '../maps/837i.ts';
import type { MapNode, SegmentRule, TransactionMap } from '../maps/types.ts';
import { generateOptions } from '../testing/fixtures.ts';
import { fullInstitutionalClaims, fullProfessionalClaims } from '../testing/full-claims.ts';
import { parse837 } from './837.ts';
import { generate837, type Guide } from './837-generate.ts';
import type { ProfessionalClaim } from './837-types.ts';

/** Every segment use below the map's root, as [loop id, rule]. */
function uses(
  nodes: readonly MapNode[],
  loop: string,
  out: [string, SegmentRule][] = [],
): [string, SegmentRule][] {
  for (const n of nodes) {
    if (n.kind === 'segment') out.push([loop, n]);
    else uses(n.children, n.id, out);
  }
  return out;
}

const matches = (r: SegmentRule, s: Segment): boolean =>
  s.id === r.id && (!r.match || r.match.values.includes(valueAt(s, r.match.at, DEFAULT_DELIMITERS)));

function missingUses(map: TransactionMap, tree: LoopNode): string[] {
  const byLoop = new Map<string, Segment[]>();
  for (const l of walkLoops(tree)) byLoop.set(l.id, [...(byLoop.get(l.id) ?? []), ...l.segments]);
  return uses(map.body, 'ST')
    .filter(([loop, r]) => !(byLoop.get(loop) ?? []).some((s) => matches(r, s)))
    .map(([loop, r]) => `${loop} ${r.id} ${r.name}`);
}

const CASES: [Guide, () => ProfessionalClaim[], TransactionMap][] = [
  ['005010X222A1', fullProfessionalClaims, X222A1],
  ['005010X223A2', fullInstitutionalClaims, X223A2],
];

describe('837 typed model carries every segment use of the maps', () => {
  it.each(CASES)('%s: written, valid, every use present, read back unchanged', async (guide, claims, map) => {
    const input = claims();
    const text = await generate837(input, {
      ...generateOptions(new MemoryControlNumbers()),
      guide,
      lineBreaks: true,
    });
    const v = validateX12(text);
    expect(v.problems).toEqual([]);
    expect(missingUses(map, v.transactions[0]?.tree as LoopNode)).toEqual([]);
    const parsed = parse837(v);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims).toEqual(input);
  });

  it('refuses what the guide has no place for instead of dropping it', async () => {
    const [c] = fullProfessionalClaims() as [ProfessionalClaim];
    c.claim.diagnoses = Array.from({ length: 13 }, (_, i) => `Z${i}`);
    await expect(generate837([c], generateOptions(new MemoryControlNumbers()))).rejects.toThrow(
      /005010X222A1 has no place for 1 segment\(s\): HI\*ABF:Z12/,
    );
  });
});
