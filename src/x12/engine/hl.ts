import type { ProblemList, X12Problem } from '../problems.ts';
import type { Segment } from './types.ts';

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;

interface Open {
  id: string;
  childCode: string;
  hasChild: boolean;
  where: Where;
}

/**
 * HL hierarchy checks (X12.6 HL): HL02 must name an earlier HL01, and HL04 must say whether children
 * follow (1) or not (0). Memory stays O(depth): sequential ids need no set, and only the open path of
 * the hierarchy is kept.
 */
export class HlChecker {
  private sequential = true;
  private count = 0;
  private seen: Set<string> | null = null;
  private path: Open[] = [];

  constructor(private readonly problems: ProblemList) {}

  push(s: Segment, where: Where): void {
    this.pushValues(s.el[1] ?? '', s.el[2] ?? '', s.el[4] ?? '', where);
  }

  /** push with HL01 (id), HL02 (parent) and HL04 (child code) already read; `where` is kept. */
  pushValues(id: string, parent: string, childCode: string, where: Where): void {
    if (parent !== '' && !this.known(parent)) {
      this.problems.add('X12_HL_PARENT', `HL02 parent "${parent}" is not an earlier HL01.`, {
        ...where,
        element: 'HL02',
      });
    }
    this.remember(id);
    // Close every open level that is not the new HL's parent.
    while (this.path.length > 0 && (this.path[this.path.length - 1] as Open).id !== parent)
      this.close(this.path.pop() as Open);
    const top = this.path[this.path.length - 1];
    if (top) top.hasChild = true;
    this.path.push({ id, childCode, hasChild: false, where });
  }

  end(): void {
    while (this.path.length > 0) this.close(this.path.pop() as Open);
  }

  private known(id: string): boolean {
    if (this.sequential) {
      const v = digitsValue(id);
      return v >= 1 && v <= this.count;
    }
    return this.seen?.has(id) ?? false;
  }

  private remember(id: string): void {
    this.count++;
    // id === String(count): its digits give count and it has no leading zero.
    if (this.sequential && id.charCodeAt(0) !== 48 && digitsValue(id) === this.count) return;
    if (this.sequential) {
      this.sequential = false;
      this.seen = new Set(Array.from({ length: this.count - 1 }, (_, i) => String(i + 1)));
    }
    this.seen?.add(id);
  }

  private close(o: Open): void {
    if (o.childCode === '1' && !o.hasChild) {
      this.problems.add(
        'X12_HL_CHILD_CODE',
        `HL ${o.id} says it has subordinate levels (HL04 = 1) but none follow.`,
        { ...o.where, element: 'HL04', value: '1' },
      );
    } else if (o.childCode === '0' && o.hasChild) {
      this.problems.add(
        'X12_HL_CHILD_CODE',
        `HL ${o.id} says it has no subordinate levels (HL04 = 0) but some follow.`,
        { ...o.where, element: 'HL04', value: '0' },
      );
    }
  }
}

/** The number an all-digit string spells (as Number(id)); -1 when it is empty or has another character. */
function digitsValue(id: string): number {
  if (id.length === 0 || id.length > 15) return id.length > 15 && /^\d+$/.test(id) ? Number(id) : -1;
  let v = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}
