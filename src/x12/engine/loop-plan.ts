import type { LoopRule, SegmentRule } from '../maps/types.ts';
import type { X12Problem } from '../problems.ts';
import type { CompiledSegment } from './elements.ts';
import { codeList, ID_KEYS, idKey, type CodeList } from './scan.ts';
import type { LoopNode } from './tree.ts';

// A guide loop read once into lookup tables for the walker (`walker.ts`): which children a segment
// id can start, their qualifiers and required children, compiled element checks, situational rules.

/**
 * Segment ids numbered as the plans meet them, indexed by `idKey` (read from the segment text, so the
 * id is not cut out): each open loop then finds its candidates by array index (a segment may be tried
 * against several loops). -1: no plan has this id.
 */
const idNumbers = new Int32Array(ID_KEYS).fill(-1);
let idCount = 0;

/** The number of the segment id with `idKey` key (-1 for a key below 0 or an id no plan has). */
export const idNumberOf = (key: number): number => (key < 0 ? -1 : (idNumbers[key] as number));

/** The number of a map segment id (numbered on first sight). */
function numberOf(id: string): number {
  const key = idKey(id, 0, id.length);
  if (key < 0) throw new Error(`guide map segment id ${id} is not an X12 segment id`);
  let k = idNumbers[key] as number;
  if (k < 0) idNumbers[key] = k = idCount++;
  return k;
}

/** A TR3 situational rule of one loop: child `required` is required when child `trigger` has one of `values` at el/comp. */
export interface Situational {
  required: number;
  trigger: number;
  el: number;
  comp: number;
  values: readonly string[];
  list: CodeList;
  /** "CLM05-3", for the problem and the 999 CTX05. */
  element: string;
}

/** A segment use's qualifier (`SegmentRule.match`) with its code list ready for in-place lookups. */
export interface Qual {
  el: number;
  comp: number;
  list: CodeList;
}

/** A loop rule read once into lookup tables, so each segment's placement is an index, not a scan. */
export interface LoopPlan {
  /** Segment id number → indices of the children it can start (segment uses and child-loop triggers). */
  triggers: (number[] | undefined)[];
  /** Per child: the qualifier its (trigger) segment use must carry (null: none), e.g. NM101 = 85. */
  quals: (Qual | null)[];
  /** Indices of the Required children, in order (the only ones a gap can be missing). */
  required: number[];
  /** Children before this index cannot match again (a loop's trigger, index 0, opens a new loop instead). */
  first: number;
  /** Compiled element checks per child's (trigger) segment use, made on first use. */
  checks: (CompiledSegment | null | undefined)[];
  /**
   * The frame of the last closed instance of this loop, reused for the next one (a claim opens several
   * loops; a loop is never open twice at once in one walker, as it cannot contain itself). Taken out
   * while in use, so walkers that interleave (concurrent streams) never share one.
   */
  spare: Frame | null;
  situational: Situational[];
  /** Plans of the child loops, by child index (filled as they first open: no WeakMap lookup per loop). */
  inner: (LoopPlan | undefined)[];
}

/** The loop's situational rules, each with the index of its trigger segment use. */
function situationalOf(rule: LoopRule): Situational[] {
  const out: Situational[] = [];
  rule.children.forEach((k, required) => {
    const w = k.kind === 'segment' ? k.requiredWhen : undefined;
    if (!w) return;
    const trigger = rule.children.findIndex(
      (c) => (c.kind === 'segment' ? c.id : (c.children[0] as SegmentRule).id) === w.segment,
    );
    if (trigger < 0 || trigger >= required) return;
    const element = `${w.segment}${w.at}`;
    out.push({
      required,
      trigger,
      el: w.el,
      comp: w.comp,
      values: w.values,
      list: codeList(w.values),
      element,
    });
  });
  return out;
}

const plans = new WeakMap<LoopRule, LoopPlan>();

/** The plan of a loop rule, made on first use and kept (guide maps are module data). */
export function planOf(rule: LoopRule): LoopPlan {
  let p = plans.get(rule);
  if (!p) {
    const triggers: (number[] | undefined)[] = [];
    const required: number[] = [];
    rule.children.forEach((k, i) => {
      const id = numberOf(k.kind === 'segment' ? k.id : (k.children[0] as SegmentRule).id);
      (triggers[id] ??= []).push(i);
      if (k.usage === 'R') required.push(i);
    });
    const quals = rule.children.map((k): Qual | null => {
      const m = (k.kind === 'segment' ? k : (k.children[0] as SegmentRule)).match;
      return m ? { el: m.el, comp: m.comp, list: codeList(m.values) } : null;
    });
    const situational = situationalOf(rule);
    p = {
      triggers,
      quals,
      required,
      first: rule.id === 'ST' ? 0 : 1,
      checks: [],
      spare: null,
      situational,
      inner: [],
    };
    plans.set(rule, p);
  }
  return p;
}

export type Trigger = NonNullable<X12Problem['trigger']>;

/** One open loop instance while a walker reads a transaction set. */
export interface Frame {
  rule: LoopRule;
  plan: LoopPlan;
  node: LoopNode;
  /** Index of the last matched child; -1 before the first. */
  cursor: number;
  counts: number[];
  /** Per situational rule of the plan: where its trigger held in this loop instance (null: no rules). */
  fired: (Trigger | undefined)[] | null;
}
