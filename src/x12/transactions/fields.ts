import { parseCents, type Cents } from '../engine/money.ts';
import type { ProblemList } from '../problems.ts';
import type { Segment } from '../engine/types.ts';
import { pad2 } from '../engine/values.ts';

/** Copies only present values, so parsed objects carry no empty fields (round trips compare equal). */
export function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | '' | undefined): void {
  if (v !== '' && v !== undefined) o[k] = v as T[K];
}

/** Reads amounts exactly into cents; a malformed amount becomes a problem and reads as 0. */
export class AmountReader {
  constructor(private readonly problems?: ProblemList) {}

  at(s: Segment, n: number): Cents {
    const v = s.el[n] ?? '';
    if (v === '') return 0;
    const c = parseCents(v);
    if (c !== null) return c;
    this.problems?.add(
      'X12_BAD_AMOUNT',
      `${s.id}${pad2(n)} "${v.slice(0, 30)}" is not an exact amount in cents.`,
      {
        segmentNumber: s.n,
        line: s.line,
        segmentId: s.id,
        element: `${s.id}${pad2(n)}`,
        value: v.slice(0, 99),
      },
    );
    return 0;
  }

  /** Undefined when the element is empty. */
  opt(s: Segment, n: number): Cents | undefined {
    return (s.el[n] ?? '') === '' ? undefined : this.at(s, n);
  }
}
