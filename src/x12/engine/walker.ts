import { isSegmentId, segmentDef } from '../dictionary/index.ts';
import type { LoopRule, MapNode, SegmentRule, TransactionMap } from '../maps/types.ts';
import type { ProblemList, X12Problem } from '../problems.ts';
import { checkElements } from './elements.ts';
import { HlChecker } from './hl.ts';
import { newNode, type LoopNode } from './tree.ts';
import type { Delimiters, Segment } from './types.ts';
import { component } from './values.ts';

/** Per loop: segment id → indices of the children it can start (segment uses and child-loop triggers). */
const triggers = new WeakMap<LoopRule, Map<string, number[]>>();

function triggerIndex(rule: LoopRule): Map<string, number[]> {
  let m = triggers.get(rule);
  if (!m) {
    m = new Map();
    rule.children.forEach((k, i) => {
      const id = k.kind === 'segment' ? k.id : (k.children[0] as SegmentRule).id;
      m?.set(id, [...(m.get(id) ?? []), i]);
    });
    triggers.set(rule, m);
  }
  return m;
}

interface Frame {
  rule: LoopRule;
  node: LoopNode;
  /** Index of the last matched child; -1 before the first. */
  cursor: number;
  counts: number[];
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
    this.stack = [{ rule, node: this.root, cursor: -1, counts: rule.children.map(() => 0) }];
  }

  /** Feed the next segment after ST (not ST or SE themselves). */
  push(s: Segment): void {
    this.pos++;
    this.last = s;
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const f = this.stack[depth] as Frame;
      const idx = this.find(f, s);
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

  private find(f: Frame, s: Segment): number {
    const candidates = triggerIndex(f.rule).get(s.id);
    if (!candidates) return -1;
    const from = Math.max(f.cursor, f.rule.id === 'ST' ? 0 : 1);
    for (const i of candidates) {
      if (i < from) continue;
      const k = f.rule.children[i] as MapNode;
      if (this.matches(k.kind === 'segment' ? k : (k.children[0] as SegmentRule), s)) return i;
    }
    return -1;
  }

  private matches(r: SegmentRule, s: Segment): boolean {
    if (r.id !== s.id) return false;
    const m = r.match;
    if (!m) return true;
    return m.values.includes(m.comp === 0 ? (s.el[m.el] ?? '') : component(s, m.el, m.comp, this.d));
  }

  private take(f: Frame, idx: number, s: Segment): void {
    this.missingBetween(f, f.cursor + 1, idx, s, this.pos);
    f.cursor = idx;
    const count = ++f.counts[idx]!;
    const child = f.rule.children[idx] as MapNode;
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
      this.checkSegment(s, child, where);
      return;
    }
    const node = newNode(child.id, child.name);
    if (this.build) {
      f.node.loops.push(node);
      node.segments.push(s);
    }
    this.stack.push({
      rule: child,
      node,
      cursor: 0,
      counts: child.children.map((_, i) => (i === 0 ? 1 : 0)),
    });
    this.checkSegment(s, child.children[0] as SegmentRule, where);
  }

  private checkSegment(
    s: Segment,
    rule: SegmentRule,
    where: Omit<X12Problem, 'code' | 'message' | 'severity'>,
  ): void {
    if (rule.usage === 'N')
      this.problems.add('X12_SEGMENT_NOT_USED', `${rule.name} (${s.id}) is Not Used in this guide.`, where);
    checkElements(s, rule, this.d, this.problems, where);
    if (s.id === 'HL') this.hl.push(s, where);
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
  }

  private missingBetween(f: Frame, from: number, to: number, at: Segment | undefined, pos: number): void {
    for (let i = from; i < to; i++) {
      const k = f.rule.children[i] as MapNode;
      if (k.usage !== 'R' || (f.counts[i] ?? 0) > 0) continue;
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

  private where(s: Segment, loop: string): Omit<X12Problem, 'code' | 'message' | 'severity'> {
    return {
      segmentNumber: s.n,
      positionInSet: this.pos,
      line: s.line,
      segmentId: s.id,
      loop,
      transaction: this.tx,
    };
  }
}
