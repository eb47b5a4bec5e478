// Writes a loop tree in the order its guide map gives. Writers build each loop's segments and child
// loops in any order; the map (data) alone decides where each goes, so the 837P and 837I writers
// share code even where the two TR3s order segments differently (e.g. 2300 DTP and REF uses).
import type { LoopRule, MapNode, SegmentRule } from '../maps/types.ts';
import type { SegmentFields } from './writer.ts';

/** One loop instance to write: its segments (the trigger segment first) and its child loops. */
export interface LoopToWrite {
  segments: SegmentFields[];
  loops: LoopToWrite[];
}

export const loopToWrite = (segments: SegmentFields[] = [], loops: LoopToWrite[] = []): LoopToWrite => ({
  segments,
  loops,
});

/** Element/component value at a qualifier position of a segment being written. */
function valueOf(s: SegmentFields, el: number, comp: number): string {
  const v = s[el];
  if (v === undefined) return '';
  if (typeof v === 'string') return comp <= 1 ? v : '';
  return v[comp === 0 ? 0 : comp - 1] ?? '';
}

const triggerOf = (k: MapNode): SegmentRule => (k.kind === 'segment' ? k : (k.children[0] as SegmentRule));

/** Per loop rule: segment id → indices of the children it can be (segment uses and loop triggers apart). */
interface Candidates {
  segments: Map<string, number[]>;
  loops: Map<string, number[]>;
}

const candidates = new WeakMap<LoopRule, Candidates>();

function candidatesOf(rule: LoopRule): Candidates {
  let c = candidates.get(rule);
  if (!c) {
    c = { segments: new Map(), loops: new Map() };
    const first = rule.id === 'ST' ? 0 : 1;
    for (let i = first; i < rule.children.length; i++) {
      const k = rule.children[i] as MapNode;
      const by = k.kind === 'segment' ? c.segments : c.loops;
      const id = triggerOf(k).id;
      by.set(id, [...(by.get(id) ?? []), i]);
    }
    candidates.set(rule, c);
  }
  return c;
}

/** Index of the first child of `rule` that segment `s` can be, or -1. */
function childIndex(rule: LoopRule, s: SegmentFields, by: Map<string, number[]>): number {
  for (const i of by.get(s[0]) ?? []) {
    const m = triggerOf(rule.children[i] as MapNode).match;
    if (!m || m.values.includes(valueOf(s, m.el, m.comp))) return i;
  }
  return -1;
}

const SLOT = 2 ** 32;

/**
 * The loop's segments in guide order (stable: repeats keep their order). A segment or loop trigger the
 * guide has no place for is not written but added to `unplaced`, so the caller can say so.
 */
export function inGuideOrder(
  rule: LoopRule,
  node: LoopToWrite,
  out: SegmentFields[] = [],
  unplaced: SegmentFields[] = [],
): SegmentFields[] {
  const c = candidatesOf(rule);
  const trigger = rule.id === 'ST' ? -1 : 0;
  const segs = node.segments;
  // Sort key: child index × 2^32 + the item's own order (segments, then loops, each as given).
  const keys: number[] = [];
  segs.forEach((s, n) => {
    const at = n === trigger ? 0 : childIndex(rule, s, c.segments);
    if (at >= 0) keys.push(at * SLOT + n);
    else unplaced.push(s);
  });
  node.loops.forEach((l, n) => {
    const t = l.segments[0];
    const at = t ? childIndex(rule, t, c.loops) : -1;
    if (at >= 0) keys.push(at * SLOT + segs.length + n);
    else unplaced.push(...l.segments);
  });
  keys.sort((a, b) => a - b);
  for (const key of keys) {
    const at = Math.floor(key / SLOT);
    const n = key % SLOT;
    if (n < segs.length) out.push(segs[n] as SegmentFields);
    else
      inGuideOrder(rule.children[at] as LoopRule, node.loops[n - segs.length] as LoopToWrite, out, unplaced);
  }
  return out;
}
