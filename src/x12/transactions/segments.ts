// Segments the 837 and 835 share (CAS adjustments, C003 procedures, DTP dates), read and written one way.
import { fromPeriod, fromX12Date, toPeriod, toX12Date, type DatePeriod } from '../engine/dates.ts';
import { formatCents } from '../engine/money.ts';
import type { Segment } from '../engine/types.ts';
import { components, element as el } from '../engine/values.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { readCents, type ReadContext } from './codec.ts';
import type { Adjustment, ClaimDate, Procedure } from './837-types.ts';
import { pad2 } from '../engine/values.ts';

/** CAS: a group code with up to six reason/amount/quantity triplets (CAS02–19), flattened in order. */
export function readAdjustments(segments: readonly Segment[], ctx: ReadContext): Adjustment[] {
  const out: Adjustment[] = [];
  for (const cas of segments) {
    for (let i = 2; i + 1 < cas.el.length; i += 3) {
      if (!el(cas, i)) continue;
      const a: Adjustment = {
        group: el(cas, 1),
        reason: el(cas, i),
        amountCents: readCents(cas, pad2(i + 1), el(cas, i + 1), ctx),
      };
      if (el(cas, i + 2)) a.quantity = el(cas, i + 2);
      out.push(a);
    }
  }
  return out;
}

/** CAS: consecutive adjustments of one group share a segment, at most six triplets each. */
export function casSegments(adjustments: readonly Adjustment[]): SegmentFields[] {
  const out: SegmentFields[] = [];
  let cur: string[] | null = null;
  for (const a of adjustments) {
    if (!cur || cur[1] !== a.group || cur.length >= 2 + 18) {
      cur = ['CAS', a.group];
      out.push(cur as unknown as SegmentFields);
    }
    cur.push(a.reason, formatCents(a.amountCents), a.quantity ?? '');
  }
  return out;
}

/** C003 Composite Medical Procedure Identifier at element n. */
export function readProcedure(s: Segment, n: number, ctx: ReadContext): Procedure {
  const c = components(s, n, ctx.d);
  const p: Procedure = {
    qualifier: c[0] ?? '',
    code: c[1] ?? '',
    modifiers: c.slice(2, 6).filter((m) => m !== ''),
  };
  if (c[6]) p.description = c[6];
  return p;
}

export function procedureComposite(p: Procedure): string[] {
  const m = p.modifiers;
  return [p.qualifier, p.code, m[0] ?? '', m[1] ?? '', m[2] ?? '', m[3] ?? '', p.description ?? ''];
}

/** DTP02/DTP03 as a period (D8, RD8) or, for DT and TM, a date and/or a time. */
export function readDate(s: Segment): ClaimDate {
  const format = el(s, 2);
  const v = el(s, 3);
  if (format === 'DT')
    return { qualifier: el(s, 1), period: { from: fromX12Date(v.slice(0, 8)) }, time: v.slice(8) };
  if (format === 'TM') return { qualifier: el(s, 1), period: { from: '' }, time: v };
  return { qualifier: el(s, 1), period: fromPeriod(format, v) };
}

export function dateSegment(qualifier: string, period: DatePeriod, time?: string): SegmentFields {
  if (time !== undefined && period.from === '') return ['DTP', qualifier, 'TM', time];
  if (time !== undefined) return ['DTP', qualifier, 'DT', toX12Date(period.from) + time];
  return ['DTP', qualifier, ...toPeriod(period)];
}
