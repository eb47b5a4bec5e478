import type { Delimiters, Segment } from './types.ts';

/** Element n of a segment ("" when absent). */
export const element = (s: Segment, n: number): string => s.el[n] ?? '';

/** Component c (1-based) of element n. */
export const component = (s: Segment, n: number, c: number, d: Delimiters): string =>
  componentOf(s.el[n] ?? '', c, d.component);

/** Component c (1-based) of an element value v (scanned in place: no array per call). */
export function componentOf(v: string, c: number, separator: string): string {
  let a = 0;
  for (let i = 1; i < c; i++) {
    const k = v.indexOf(separator, a);
    if (k < 0) return '';
    a = k + 1;
  }
  const b = v.indexOf(separator, a);
  if (b < 0) return a === 0 ? v : v.slice(a);
  return v.slice(a, b);
}

/** All components of element n (one entry when not a composite). */
export const components = (s: Segment, n: number, d: Delimiters): string[] =>
  (s.el[n] ?? '').split(d.component);

/** Reads a position key "05" or "05-1". */
export function parsePosition(at: string): { el: number; comp: number } {
  const [e, c] = at.split('-');
  return { el: Number(e), comp: c === undefined ? 0 : Number(c) };
}

export function valueAt(s: Segment, at: string, d: Delimiters): string {
  const { el, comp } = parsePosition(at);
  return comp === 0 ? element(s, el) : component(s, el, comp, d);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
