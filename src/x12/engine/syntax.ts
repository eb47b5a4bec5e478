import { SYNTAX } from '../dictionary/syntax.ts';
import type { ProblemList, X12Problem } from '../problems.ts';
import type { Segment } from './types.ts';

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;

interface Condition {
  kind: string;
  positions: number[];
  names: string[];
  label: string;
}

const parsed = new Map<string, Condition[]>();

function conditions(id: string): Condition[] {
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
  const list = conditions(s.id);
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as Condition;
    let count = 0;
    let firstAbsent = -1;
    let lastPresent = -1;
    for (let i = 0; i < c.positions.length; i++) {
      if ((s.el[c.positions[i] as number] ?? '') !== '') {
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
        `${c.names.join(', ')} exclude each other (${s.id} ${c.label}) but several are present.`,
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
        `${name} is required by ${s.id} condition ${c.label} (${c.names.join(', ')}).`,
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

/** A period value must match its format qualifier: D8 CCYYMMDD, RD8 CCYYMMDD-CCYYMMDD (X12.3 element 1250). */
export function checkPeriod(
  s: Segment,
  out: ProblemList,
  where: Where,
  isDate: (v: string) => boolean,
): void {
  const at = PERIODS[s.id];
  if (!at) return;
  const format = s.el[at[0]] ?? '';
  const value = s.el[at[1]] ?? '';
  if (value === '') return;
  const ok =
    format === 'D8'
      ? isDate(value)
      : format === 'RD8'
        ? /^\d{8}-\d{8}$/.test(value) && value.split('-').every(isDate) && value.slice(0, 8) <= value.slice(9)
        : true;
  if (!ok) {
    const element = `${s.id}${String(at[1]).padStart(2, '0')}`;
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
