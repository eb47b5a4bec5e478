import type { Cents } from '../engine/money.ts';
import { readCents } from './codec.ts';
import type { ProblemList } from '../problems.ts';
import { all, first, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Segment } from '../engine/types.ts';
import { pad2 } from '../engine/values.ts';

/** Copies only present values (no '', undefined or empty list), so parsed objects carry no empty fields (round trips compare equal). */
export function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | '' | undefined): void {
  if (v !== '' && v !== undefined && !(Array.isArray(v) && v.length === 0)) o[k] = v as T[K];
}

/** o[k] = read(the loop's first `id` segment), when it has one. */
export function fromFirst<T, K extends keyof T>(
  o: T,
  k: K,
  node: LoopNode,
  id: string,
  read: (s: Segment) => T[K],
): void {
  const s = first(node, id);
  if (s) o[k] = read(s);
}

/** o[k] = every `id` segment of the loop read, when it has any. */
export function fromAll<T extends object, K extends keyof T>(
  o: T,
  k: K,
  node: LoopNode,
  id: string,
  read: (s: Segment) => unknown,
): void {
  set(o, k, all(node, id).map(read) as T[K]);
}

/** Reads amounts exactly into cents; a malformed amount becomes a problem and reads as 0. */
export class AmountReader {
  constructor(private readonly problems?: ProblemList) {}

  at(s: Segment, n: number): Cents {
    const v = s.el[n] ?? '';
    return v === '' ? 0 : readCents(s, pad2(n), v, { d: DEFAULT_DELIMITERS, problems: this.problems });
  }

  /** Undefined when the element is empty. */
  opt(s: Segment, n: number): Cents | undefined {
    return (s.el[n] ?? '') === '' ? undefined : this.at(s, n);
  }
}
