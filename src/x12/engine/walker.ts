import { isSegmentId, segmentDef } from '../dictionary/index.ts';
import type { LoopRule, MapNode, SegmentRule, TransactionMap } from '../maps/types.ts';
import type { ProblemList, X12Problem } from '../problems.ts';
import { checkScanned, compiled } from './elements.ts';
import { HlChecker } from './hl.ts';
import { newNode, type LoopNode } from './tree.ts';
import type { Delimiters, Segment } from './types.ts';
import { elementOf } from './segment.ts';
import { componentOf } from './values.ts';
import { END, idKey, scanElements, scannedIn, scannedValue, type CodeList } from './scan.ts';
import {
  idNumberOf,
  planOf,
  type Frame,
  type LoopPlan,
  type Qual,
  type Situational,
  type Trigger,
} from './loop-plan.ts';

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;
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
  /** The segment being placed: its text and element count, scanned once (bounds in `scan.ts`). */
  private text = '';
  private n = 0;
  private readonly sepCode: number;
  private readonly repCode: number;
  private readonly compCode: number;

  constructor(
    private readonly map: TransactionMap,
    private readonly d: Delimiters,
    private readonly problems: ProblemList,
    private readonly tx: string,
    private readonly build = true,
    /**
     * A loop instance just closed (complete), with its parent's node: returning true drops it from
     * the tree (read already), so a reader can take a large file loop by loop.
     */
    private readonly loopClosed?: (node: LoopNode, parent: LoopNode) => boolean,
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
    this.sepCode = d.element.charCodeAt(0);
    this.repCode = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
    this.compCode = d.component.charCodeAt(0);
    this.stack = [this.frame(rule, this.root, -1)];
  }

  private frame(rule: LoopRule, node: LoopNode, cursor: number, plan = planOf(rule)): Frame {
    const f = plan.spare;
    if (f === null) {
      const counts = new Array<number>(rule.children.length).fill(0);
      if (cursor === 0) counts[0] = 1;
      const fired =
        plan.situational.length > 0 ? new Array<Trigger | undefined>(plan.situational.length) : null;
      return { rule, plan, node, cursor, counts, fired };
    }
    // A spare frame comes back from `close` with its counts zeroed and nothing fired.
    plan.spare = null;
    f.rule = rule;
    f.node = node;
    f.cursor = cursor;
    if (cursor === 0) f.counts[0] = 1;
    return f;
  }

  /** Feed the next segment after ST (not ST or SE themselves). */
  push(s: Segment): void {
    this.pos++;
    this.last = s;
    const raw = s.raw;
    const text = raw ?? s.el.join(this.d.element);
    const n = scanElements(text, this.sepCode, this.repCode);
    this.text = text;
    this.n = n;
    // An id no open loop's plan has met cannot be placed (plans are built when their loop first opens).
    const key = raw !== undefined ? idKey(text, 0, END[0] as number) : idKey(s.id, 0, s.id.length);
    const id = idNumberOf(key);
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
    // Each candidate is a use of s.id (looked up by id); the first one whose qualifier s carries.
    const quals = f.plan.quals;
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c] as number;
      if (i < from) continue;
      const q = quals[i] as Qual | null;
      if (q === null || this.holds(s, q.el, q.comp, q.list)) return i;
    }
    return -1;
  }

  /** Whether element el (component comp) of s, the segment being placed, is one of the list's codes. */
  private holds(s: Segment, el: number, comp: number, list: CodeList): boolean {
    if (s.raw !== undefined) return scannedIn(this.text, this.n, el, comp, this.compCode, list);
    const v = elementOf(s, el);
    return list.codes.includes(comp === 0 ? v : componentOf(v, comp, this.d.component));
  }

  private take(f: Frame, idx: number, s: Segment): void {
    this.missingBetween(f, f.cursor + 1, idx, s, this.pos);
    f.cursor = idx;
    const count = ++f.counts[idx]!;
    const child = f.rule.children[idx] as MapNode;
    const unit = this.map.businessUnit;
    if (unit && child.kind === 'loop' && child.id === unit.loop)
      this.unit = { name: unit.name, value: elementOf(s, unit.el).slice(0, 35) };
    // The matched use's id is s.id (placed by id), so the id is not cut from the segment for it.
    const rule = child.kind === 'segment' ? child : (child.children[0] as SegmentRule);
    const where = this.where(s, child.kind === 'loop' ? child.id : f.rule.id, rule.id);
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
    // Without a tree (streaming) the loop nodes are never filled: the root stands in for them.
    const node = this.build ? newNode(child.id, child.name) : this.root;
    if (this.build) {
      f.node.loops.push(node);
      node.segments.push(s);
    }
    const inner = this.frame(child, node, 0, (f.plan.inner[idx] ??= planOf(child)));
    this.stack.push(inner);
    this.checkSegment(s, rule, inner.plan, 0, where);
    if (inner.fired) this.fire(inner, 0, s);
  }

  /** Records where a situational rule's trigger (child `idx` of the frame's loop) holds. */
  private fire(f: Frame, idx: number, s: Segment): void {
    const rules = f.plan.situational;
    const fired = f.fired as (Trigger | undefined)[];
    for (let k = 0; k < rules.length; k++) {
      const r = rules[k] as Situational;
      if (r.trigger !== idx || !this.holds(s, r.el, r.comp, r.list)) continue;
      fired[k] = { segmentId: s.id, positionInSet: this.pos, loop: f.rule.id, element: r.element };
    }
  }

  /** Situational segments whose trigger held in this loop instance but that never came. */
  private situationalMissing(f: Frame, at: Segment | undefined, pos: number): void {
    const rules = f.plan.situational;
    for (let k = 0; k < rules.length; k++) {
      const r = rules[k] as Situational;
      const trigger = f.fired?.[k];
      if (!trigger || (f.counts[r.required] ?? 0) > 0) continue;
      const k2 = f.rule.children[r.required] as SegmentRule;
      const q = k2.match ? `*${k2.match.values.join('/')}` : '';
      this.problems.add(
        'X12_SITUATIONAL_MISSING',
        `${k2.name} (${k2.id}${q}) is required in loop ${f.rule.id} when ${r.element} is ${r.values.join(' or ')} (TR3 situational rule), but it is missing.`,
        { ...(at ? this.where(at, f.rule.id) : {}), positionInSet: pos, segmentId: k2.id, trigger },
      );
    }
  }

  /** Checks s as `rule`, child `index` of the loop `plan` belongs to (its compiled checks are kept there). */
  private checkSegment(s: Segment, rule: SegmentRule, plan: LoopPlan, index: number, where: Where): void {
    if (rule.usage === 'N')
      this.problems.add('X12_SEGMENT_NOT_USED', `${rule.name} (${s.id}) is Not Used in this guide.`, where);
    let c = plan.checks[index];
    if (c === undefined) c = plan.checks[index] = compiled(rule.id, rule);
    if (c !== null) checkScanned(s, this.text, this.n, c, this.d, this.problems, where);
    if (rule.id !== 'HL') return;
    const { text, n } = this;
    if (s.raw === undefined) this.hl.push(s, { ...where });
    else
      this.hl.pushValues(scannedValue(text, n, 1), scannedValue(text, n, 2), scannedValue(text, n, 4), {
        ...where,
      });
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
    // Children are matched in order (the cursor only moves forward): counts past the cursor are still 0.
    const counts = f.counts;
    for (let i = 0; i <= f.cursor; i++) counts[i] = 0;
    if (f.fired) f.fired.fill(undefined);
    f.plan.spare = f;
    if (f.rule.id === this.map.businessUnit?.loop) this.unit = undefined;
    // the closing loop is its parent's last child: no sibling opens while it is open
    const parent = this.stack[this.stack.length - 1]?.node;
    if (
      this.build &&
      this.loopClosed &&
      parent &&
      parent.loops.at(-1) === f.node &&
      this.loopClosed(f.node, parent)
    )
      parent.loops.pop();
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
  private where(s: Segment, loop: string, id = s.id): Where {
    const w = this.at;
    w.segmentNumber = s.n;
    w.positionInSet = this.pos;
    w.line = s.line;
    w.segmentId = id;
    w.loop = loop;
    w.businessUnit = this.unit;
    return w;
  }
}
