// One table per segment use drives both reading and writing it, so a typed field and its element can
// never drift apart between parse837 and generate837 (STYLE §2: data, not code).
import { fromX12Date, toX12Date } from '../engine/dates.ts';
import { formatCents, parseCents } from '../engine/money.ts';
import type { Delimiters, Segment } from '../engine/types.ts';
import { elementOf } from '../engine/segment.ts';
import { componentOf, pad2 } from '../engine/values.ts';
import type { SegmentFields } from '../engine/writer.ts';
import type { ProblemList } from '../problems.ts';

/**
 * How a field is stored: `text` as is, `cents` an R amount ↔ integer cents, `date` CCYYMMDD ↔ ISO,
 * `flag` "Y" ↔ true, `list` several positions ↔ string[] (trailing empty positions dropped).
 */
export type Kind = 'text' | 'cents' | 'date' | 'flag' | 'list';

/** [object field, position ("05", component "05-2", or for `list` several), kind (default text)]. */
export type Field<T> = readonly [key: keyof T & string, at: string | readonly string[], kind?: Kind];

/** A fixed qualifier value, written when the named field is present (or always): PWK05 AC, CR105 DH. */
export type Fixed<T> = readonly [at: string, value: string, when?: keyof T & string];

/** A segment use's fields with their positions read once: [key, [element, component] per position, kind]. */
export interface Codec<T> {
  id: string;
  fixed?: readonly Fixed<T>[];
  compiled: readonly (readonly [string, readonly (readonly [number, number])[], Kind])[];
}

const positionOf = (at: string): readonly [number, number] => {
  const [e, c] = at.split('-');
  return [Number(e), c === undefined ? 0 : Number(c)];
};

export function codec<T>(id: string, fields: readonly Field<T>[], fixed?: readonly Fixed<T>[]): Codec<T> {
  const compiled = fields.map(
    ([key, at, kind = 'text']) => [key, (typeof at === 'string' ? [at] : at).map(positionOf), kind] as const,
  );
  return fixed ? { id, fixed, compiled } : { id, compiled };
}

/** Where reading happens: the separators and the problem list bad amounts go to. */
export interface ReadContext {
  d: Delimiters;
  problems?: ProblemList;
  /** ST02 of the set being read (for problem locations). */
  transaction?: string;
}

/** Reads an R amount exactly; a malformed one is an X12_BAD_AMOUNT problem and reads as 0. */
export function readCents(s: Segment, at: string, v: string, ctx: ReadContext): number {
  const c = parseCents(v);
  if (c !== null) return c;
  const element = `${s.id}${at}`;
  ctx.problems?.add('X12_BAD_AMOUNT', `${element} "${v.slice(0, 30)}" is not an exact amount in cents.`, {
    segmentNumber: s.n,
    line: s.line,
    segmentId: s.id,
    element,
    value: v.slice(0, 99),
    ...(ctx.transaction !== undefined ? { transaction: ctx.transaction } : {}),
  });
  return 0;
}

/** Element e (component c, 0 = whole element) of a segment. */
function valueOf(s: Segment, e: number, c: number, ctx: ReadContext): string {
  const v = elementOf(s, e);
  return c === 0 ? v : componentOf(v, c, ctx.d.component);
}

/** The typed object a segment holds (only present values are set, so round trips compare equal). */
export function decode<T>(c: Codec<T>, s: Segment, ctx: ReadContext): T {
  const o: Record<string, unknown> = {};
  for (const [key, positions, kind] of c.compiled) {
    if (kind === 'list') {
      const list = positions.map(([e, k]) => valueOf(s, e, k, ctx));
      while (list.length > 0 && list[list.length - 1] === '') list.pop();
      if (list.length > 0) o[key] = list;
      continue;
    }
    const [e, k] = positions[0] as readonly [number, number];
    const v = valueOf(s, e, k, ctx);
    if (v === '') continue;
    o[key] =
      kind === 'cents'
        ? readCents(s, k === 0 ? pad2(e) : `${pad2(e)}-${k}`, v, ctx)
        : kind === 'date'
          ? fromX12Date(v)
          : kind === 'flag'
            ? v === 'Y'
            : v;
  }
  return o as T;
}

/** Puts value v at element n (component c, 0 = whole element) of a segment being built. */
function put(els: (string | string[])[], n: number, c: number, v: string): void {
  while (els.length <= n) els.push('');
  if (c === 0) {
    els[n] = v;
    return;
  }
  const cur = els[n] ?? '';
  const comps: string[] = Array.isArray(cur) ? cur : cur === '' ? [] : [cur];
  const k = c - 1;
  while (comps.length <= k) comps.push('');
  comps[k] = v;
  els[n] = comps;
}

function text(v: unknown, kind: Kind): string {
  if (v === undefined || v === null) return '';
  if (kind === 'cents') return formatCents(v as number);
  if (kind === 'date') return toX12Date(v as string);
  if (kind === 'flag') return v === true ? 'Y' : '';
  return String(v);
}

/** The segment for a typed object (trailing empty elements are dropped by the writer). */
export function encode<T>(c: Codec<T>, o: T): SegmentFields {
  const els: (string | string[])[] = [c.id];
  const rec = o as Record<string, unknown>;
  for (const [at, value, when] of c.fixed ?? []) {
    if (when === undefined || (rec[when] !== undefined && rec[when] !== ''))
      put(els, ...positionOf(at), value);
  }
  for (const [key, positions, kind] of c.compiled) {
    const v = rec[key];
    if (kind === 'list') {
      const list = (v as string[] | undefined) ?? [];
      positions.forEach(([e, k], i) => {
        if (list[i]) put(els, e, k, list[i]);
      });
      continue;
    }
    const t = text(v, kind);
    const [e, k] = positions[0] as readonly [number, number];
    if (t !== '') put(els, e, k, t);
  }
  return els as unknown as SegmentFields;
}
