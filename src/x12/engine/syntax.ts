import { SYNTAX } from '../dictionary/syntax.ts';
import type { ProblemList, X12Problem } from '../problems.ts';
import { isDate, isDateAt, isDateRange, isDateRangeAt } from './formats.ts';
import { END, START } from './scan.ts';
import type { Segment } from './types.ts';

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;

export interface Condition {
  kind: string;
  positions: number[];
  names: string[];
  label: string;
}

const parsed = new Map<string, Condition[]>();

/** The X12.6 relational conditions for a segment id, parsed once. */
export function syntaxConditions(id: string): Condition[] {
  let c = parsed.get(id);
  if (!c) {
    c = (SYNTAX[id] ?? []).map((r) => {
      const positions = (r.slice(1).match(/\d{2}/g) ?? []).map(Number);
      return {
        kind: r.charAt(0),
        positions,
        names: positions.map((p) => `${id}${String(p).padStart(2, '0')}`),
        label: r,
      };
    });
    parsed.set(id, c);
  }
  return c;
}

/** Checks X12.6 relational conditions (P, R, E, C, L) between a segment's elements. */
export function checkSyntax(s: Segment, out: ProblemList, where: Where): void {
  const filled = new Uint8Array(s.el.length);
  s.el.forEach((v, i) => (filled[i] = v === '' ? 0 : 1));
  checkConditions(s.id, syntaxConditions(s.id), filled, out, where);
}

/**
 * checkSyntax with the conditions already looked up (the validator compiles them per segment use) and
 * `filled[p] === 1` when element p has a value (the validator knows that from the element bounds).
 */
export function checkConditions(
  id: string,
  list: readonly Condition[],
  filled: Uint8Array,
  out: ProblemList,
  where: Where,
): void {
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as Condition;
    let count = 0;
    let firstAbsent = -1;
    let lastPresent = -1;
    for (let i = 0; i < c.positions.length; i++) {
      if (filled[c.positions[i] as number] === 1) {
        count++;
        lastPresent = i;
      } else if (firstAbsent < 0) firstAbsent = i;
    }
    if (count === 0 && c.kind !== 'R') continue;
    const first = firstAbsent !== 0;
    let missing = -1;
    if (c.kind === 'P' && count < c.positions.length) missing = firstAbsent;
    else if (c.kind === 'R' && count === 0) missing = 0;
    else if (c.kind === 'C' && first && count < c.positions.length) missing = firstAbsent;
    else if (c.kind === 'L' && first && count === 1) missing = 1;
    else if (c.kind === 'E' && count > 1) {
      out.add(
        'X12_EXCLUSION',
        `${c.names.join(', ')} exclude each other (${id} ${c.label}) but several are present.`,
        {
          ...where,
          element: c.names[lastPresent],
        },
      );
      continue;
    }
    if (missing >= 0) {
      const name = c.names[missing] as string;
      out.add(
        'X12_CONDITION_MISSING',
        `${name} is required by ${id} condition ${c.label} (${c.names.join(', ')}).`,
        {
          ...where,
          element: name,
        },
      );
    }
  }
}

/** Date Time Period Format Qualifier → the element it governs (DTP02/03, DMG01/02, PAT05/06, DTM05/06). */
const PERIODS: Record<string, [number, number]> = { DTP: [2, 3], DMG: [1, 2], PAT: [5, 6], DTM: [5, 6] };

/** [format qualifier position, value position] for segments that carry a period, else undefined. */
export const periodOf = (id: string): [number, number] | undefined => PERIODS[id];

/** A period value must match its format qualifier: D8 CCYYMMDD, RD8 CCYYMMDD-CCYYMMDD (X12.3 element 1250). */
export function checkPeriod(
  id: string,
  at: [number, number],
  format: string,
  value: string,
  out: ProblemList,
  where: Where,
): void {
  if (value === '') return;
  const ok = format === 'D8' ? isDate(value) : format === 'RD8' ? isDateRange(value) : true;
  if (!ok) {
    const element = `${id}${String(at[1]).padStart(2, '0')}`;
    out.add(
      'X12_BAD_DATE',
      `${element} "${value.slice(0, 40)}" is not a valid ${format} date${format === 'RD8' ? ' range' : ''}.`,
      {
        ...where,
        element,
        value: value.slice(0, 99),
      },
    );
  }
}

/**
 * checkPeriod on the scanned segment (`n` from `scanElements`): the format qualifier and the value are
 * read in place, and cut out only for a problem.
 */
export function checkPeriodAt(
  id: string,
  at: [number, number],
  text: string,
  n: number,
  out: ProblemList,
  where: Where,
): void {
  if (periodHolds(at, text, n)) return;
  const [f, v] = at;
  const format = f <= n ? text.slice(START[f] as number, END[f] as number) : '';
  checkPeriod(id, at, format, text.slice(START[v] as number, END[v] as number), out, where);
}

/** Whether checkPeriod finds nothing wrong with the scanned segment's period (`at` as periodOf gives). */
export function periodHolds(at: [number, number], text: string, n: number): boolean {
  const [f, v] = at;
  if (v > n) return true;
  const a = START[v] as number;
  const b = END[v] as number;
  if (a === b) return true;
  const fa = f <= n ? (START[f] as number) : 0;
  const flen = f <= n ? (END[f] as number) - fa : 0;
  if (flen === 2 && text.startsWith('D8', fa)) return isDateAt(text, a, b);
  if (flen === 3 && text.startsWith('RD8', fa)) return isDateRangeAt(text, a, b);
  return true;
}

/**
 * Whether checkConditions finds nothing wrong with the scanned segment (`n` from `scanElements`),
 * reading presence from the element bounds.
 */
export function conditionsHold(list: readonly Condition[], n: number): boolean {
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as Condition;
    const positions = c.positions;
    let count = 0;
    let firstAbsent = -1;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      if (p <= n && (END[p] as number) > (START[p] as number)) count++;
      else if (firstAbsent < 0) firstAbsent = i;
    }
    if (count === 0 && c.kind !== 'R') continue;
    const first = firstAbsent !== 0;
    if (c.kind === 'P' && count < positions.length) return false;
    if (c.kind === 'R' && count === 0) return false;
    if (c.kind === 'C' && first && count < positions.length) return false;
    if (c.kind === 'L' && first && count === 1) return false;
    if (c.kind === 'E' && count > 1) return false;
  }
  return true;
}
