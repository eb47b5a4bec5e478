import { isSegmentId, segmentDef } from '../dictionary/index.ts';
import type { LoopRule, MapNode, SegmentRule, TransactionMap } from '../maps/types.ts';
import type { ProblemList, X12Problem } from '../problems.ts';
import { checkCompiled, compiled, type CompiledSegment } from './elements.ts';
import { HlChecker } from './hl.ts';
import { newNode, type LoopNode } from './tree.ts';
import type { Delimiters, Segment } from './types.ts';
import { elementOf } from './segment.ts';
import { componentOf } from './values.ts';

/**
 * Segment ids numbered as the plans meet them, so a segment's id is hashed once per segment and each
 * open loop then finds its candidates by array index (a segment may be tried against several loops).
 */
const idNumbers = new Map<string, number>();

function numberOf(id: string): number {
  let k = idNumbers.get(id);
  if (k === undefined) idNumbers.set(id, (k = idNumbers.size));
  return k;
}

/** A TR3 situational rule of one loop: child `required` is required when child `trigger` has one of `values` at el/comp. */
interface Situational {
  required: number;
  trigger: number;
  el: number;
  comp: number;
  values: readonly string[];
  /** "CLM05-3", for the problem and the 999 CTX05. */
  element: string;
}

/** A loop rule read once into lookup tables, so each segment's placement is an index, not a scan. */
interface LoopPlan {
  /** Segment id number → indices of the children it can start (segment uses and child-loop triggers). */
  triggers: (number[] | undefined)[];
  /** Indices of the Required children, in order (the only ones a gap can be missing). */
  required: number[];
  /** Children before this index cannot match again (a loop's trigger, index 0, opens a new loop instead). */
  first: number;
  /** Compiled element checks per child's (trigger) segment use, made on first use. */
  checks: (CompiledSegment | null | undefined)[];
  /** Count arrays of closed instances of this loop, reused (a claim opens several loops with many children). */
  spare: number[][];
  situational: Situational[];
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
    out.push({ required, trigger, el: w.el, comp: w.comp, values: w.values, element });
  });
  return out;
}

const plans = new WeakMap<LoopRule, LoopPlan>();

function planOf(rule: LoopRule): LoopPlan {
  let p = plans.get(rule);
  if (!p) {
    const triggers: (number[] | undefined)[] = [];
    const required: number[] = [];
    rule.children.forEach((k, i) => {
      const id = numberOf(k.kind === 'segment' ? k.id : (k.children[0] as SegmentRule).id);
      (triggers[id] ??= []).push(i);
      if (k.usage === 'R') required.push(i);
    });
    const situational = situationalOf(rule);
    p = { triggers, required, first: rule.id === 'ST' ? 0 : 1, checks: [], spare: [], situational };
    plans.set(rule, p);
  }
  return p;
}

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;
type Trigger = NonNullable<X12Problem['trigger']>;

interface Frame {
  rule: LoopRule;
  plan: LoopPlan;
  node: LoopNode;
  /** Index of the last matched child; -1 before the first. */
  cursor: number;
  counts: number[];
  /** Per situational rule of the plan: where its trigger held in this loop instance (null: no rules). */
  fired: (Trigger | undefined)[] | null;
}

/**
 * Walks one transaction set's segments through a guide map, segment by segment (so a huge set
 * needs no buffering): assigns each segment to its loop, checks order, usage, repeats and elements.
 * Lookup goes from the innermost open loop outwards, forward only, like the TR3 reads.
 */
export class MapWalker {
  readonly root: LoopNode;
  private stack: Frame[];
  private hl: HlChecker;
  private pos = 1;
  private last: Segment | undefined;
  private readonly at: Where;
  /** The business unit (837: the claim, CLM01) the current segment is in, for the 999 CTX. */
  private unit: X12Problem['businessUnit'];

  constructor(
    private readonly map: TransactionMap,
    private readonly d: Delimiters,
    private readonly problems: ProblemList,
    private readonly tx: string,
    private readonly build = true,
  ) {
    const rule: LoopRule = { kind: 'loop', id: 'ST', name: map.name, usage: 'R', max: 1, children: map.body };
    this.root = newNode('ST', map.name);
    this.hl = new HlChecker(problems);
    this.at = {
      segmentNumber: 0,
      positionInSet: 0,
      line: 0,
      segmentId: '',
      loop: '',
      transaction: tx,
      businessUnit: undefined,
    };
    this.stack = [this.frame(rule, this.root, -1)];
  }

  private frame(rule: LoopRule, node: LoopNode, cursor: number): Frame {
    const plan = planOf(rule);
    const counts = plan.spare.pop()?.fill(0) ?? new Array<number>(rule.children.length).fill(0);
    if (cursor === 0) counts[0] = 1;
    const fired =
      plan.situational.length > 0 ? new Array<Trigger | undefined>(plan.situational.length) : null;
    return { rule, plan, node, cursor, counts, fired };
  }

  /** Feed the next segment after ST (not ST or SE themselves). */
  push(s: Segment): void {
    this.pos++;
    this.last = s;
    // An id no open loop's plan has met cannot be placed (plans are built when their loop first opens).
    const id = idNumbers.get(s.id) ?? -1;
    for (let depth = id < 0 ? -1 : this.stack.length - 1; depth >= 0; depth--) {
      const f = this.stack[depth] as Frame;
      const idx = this.find(f, id, s);
      if (idx < 0) continue;
      while (this.stack.length - 1 > depth) this.close(this.stack.pop() as Frame, s);
      this.take(f, idx, s);
      return;
    }
    this.stray(s);
  }

  /** Close all loops at SE (or end of input). */
  end(se?: Segment): void {
    const at = se ?? this.last;
    while (this.stack.length > 0) this.close(this.stack.pop() as Frame, at, se ? this.pos + 1 : this.pos);
    this.hl.end();
  }

  private find(f: Frame, id: number, s: Segment): number {
    const candidates = f.plan.triggers[id];
    if (candidates === undefined) return -1;
    const first = f.plan.first;
    const from = f.cursor > first ? f.cursor : first;
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c] as number;
      if (i < from) continue;
      const k = f.rule.children[i] as MapNode;
      if (this.matches(k.kind === 'segment' ? k : (k.children[0] as SegmentRule), s)) return i;
    }
    return -1;
  }

  /** r is a use of s.id (find looked it up by id); does s carry r's qualifier? */
  private matches(r: SegmentRule, s: Segment): boolean {
    const m = r.match;
    if (!m) return true;
    const v = elementOf(s, m.el);
    return m.values.includes(m.comp === 0 ? v : componentOf(v, m.comp, this.d.component));
  }

  private take(f: Frame, idx: number, s: Segment): void {
    this.missingBetween(f, f.cursor + 1, idx, s, this.pos);
    f.cursor = idx;
    const count = ++f.counts[idx]!;
    const child = f.rule.children[idx] as MapNode;
    const unit = this.map.businessUnit;
    if (unit && child.kind === 'loop' && child.id === unit.loop)
      this.unit = { name: unit.name, value: elementOf(s, unit.el).slice(0, 35) };
    const where = this.where(s, child.kind === 'loop' ? child.id : f.rule.id);
    if (count > child.max) {
      const code = child.kind === 'loop' ? 'X12_LOOP_REPEAT' : 'X12_SEGMENT_REPEAT';
      this.problems.add(
        code,
        `${child.name} (${child.id}) occurs ${count} times; the guide allows ${child.max}.`,
        where,
      );
    }
    if (child.kind === 'segment') {
      if (this.build) f.node.segments.push(s);
      this.checkSegment(s, child, f.plan, idx, where);
      if (f.fired) this.fire(f, idx, s);
      return;
    }
    const node = newNode(child.id, child.name);
    if (this.build) {
      f.node.loops.push(node);
      node.segments.push(s);
    }
    const inner = this.frame(child, node, 0);
    this.stack.push(inner);
    this.checkSegment(s, child.children[0] as SegmentRule, inner.plan, 0, where);
    if (inner.fired) this.fire(inner, 0, s);
  }

  /** Records where a situational rule's trigger (child `idx` of the frame's loop) holds. */
  private fire(f: Frame, idx: number, s: Segment): void {
    f.plan.situational.forEach((r, k) => {
      if (r.trigger !== idx || !f.fired) return;
      const v = elementOf(s, r.el);
      if (!r.values.includes(r.comp === 0 ? v : componentOf(v, r.comp, this.d.component))) return;
      f.fired[k] = { segmentId: s.id, positionInSet: this.pos, loop: f.rule.id, element: r.element };
    });
  }

  /** Situational segments whose trigger held in this loop instance but that never came. */
  private situationalMissing(f: Frame, at: Segment | undefined, pos: number): void {
    f.plan.situational.forEach((r, k) => {
      const trigger = f.fired?.[k];
      if (!trigger || (f.counts[r.required] ?? 0) > 0) return;
      const k2 = f.rule.children[r.required] as SegmentRule;
      const q = k2.match ? `*${k2.match.values.join('/')}` : '';
      this.problems.add(
        'X12_SITUATIONAL_MISSING',
        `${k2.name} (${k2.id}${q}) is required in loop ${f.rule.id} when ${r.element} is ${r.values.join(' or ')} (TR3 situational rule), but it is missing.`,
        { ...(at ? this.where(at, f.rule.id) : {}), positionInSet: pos, segmentId: k2.id, trigger },
      );
    });
  }

  /** Checks s as `rule`, child `index` of the loop `plan` belongs to (its compiled checks are kept there). */
  private checkSegment(s: Segment, rule: SegmentRule, plan: LoopPlan, index: number, where: Where): void {
    if (rule.usage === 'N')
      this.problems.add('X12_SEGMENT_NOT_USED', `${rule.name} (${s.id}) is Not Used in this guide.`, where);
    let c = plan.checks[index];
    if (c === undefined) c = plan.checks[index] = compiled(rule.id, rule);
    checkCompiled(s, c, this.d, this.problems, where);
    if (s.id === 'HL') this.hl.push(s, { ...where });
  }

  private stray(s: Segment): void {
    const f = this.stack[this.stack.length - 1] as Frame;
    if (this.build) f.node.stray.push(s);
    const where = this.where(s, f.rule.id);
    if (!isSegmentId(s.id) || !segmentDef(s.id)) {
      this.problems.add(
        'X12_UNKNOWN_SEGMENT',
        `"${s.id.slice(0, 20)}" is not a segment id this guide knows.`,
        where,
      );
    } else {
      this.problems.add(
        'X12_UNEXPECTED_SEGMENT',
        `${s.id}${s.el[1] ? '*' + s.el[1] : ''} is not expected in loop ${f.rule.id} here.`,
        where,
      );
    }
  }

  private close(f: Frame, at: Segment | undefined, pos = this.pos): void {
    this.missingBetween(f, f.cursor + 1, f.rule.children.length, at, pos);
    if (f.fired) this.situationalMissing(f, at, pos);
    f.plan.spare.push(f.counts);
    if (f.rule.id === this.map.businessUnit?.loop) this.unit = undefined;
  }

  private missingBetween(f: Frame, from: number, to: number, at: Segment | undefined, pos: number): void {
    const required = f.plan.required;
    for (let r = 0; r < required.length; r++) {
      const i = required[r] as number;
      if (i >= to) break;
      if (i < from || (f.counts[i] ?? 0) > 0) continue;
      const k = f.rule.children[i] as MapNode;
      const where = { ...(at ? this.where(at, f.rule.id) : {}), positionInSet: pos };
      if (k.kind === 'loop') {
        this.problems.add(
          'X12_LOOP_MISSING',
          `Required loop ${k.id} (${k.name}) is missing in ${f.rule.id}.`,
          {
            ...where,
            segmentId: (k.children[0] as SegmentRule).id,
            loop: k.id,
          },
        );
      } else {
        this.problems.add(
          'X12_SEGMENT_MISSING',
          `Required segment ${k.id} (${k.name}) is missing in loop ${f.rule.id}.`,
          {
            ...where,
            segmentId: k.id,
          },
        );
      }
    }
  }

  /**
   * Where segment `s` is, for problems. One object per walker, refilled per segment: every consumer
   * copies it (ProblemList.add spreads it; the HL checker keeps a copy), so no object is made per segment.
   */
  private where(s: Segment, loop: string): Where {
    const w = this.at;
    w.segmentNumber = s.n;
    w.positionInSet = this.pos;
    w.line = s.line;
    w.segmentId = s.id;
    w.loop = loop;
    w.businessUnit = this.unit;
    return w;
  }
}
