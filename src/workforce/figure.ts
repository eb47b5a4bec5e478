// A BLS cell read as what it is: a number, one of BLS's special codes, or nothing. Codes stay codes
// (never 0, never a number): `*` no wage estimate, `**` no employment estimate, `#` at or above the
// top of the wage range, `~` too few establishments reporting to show. Money in integer cents.
import { parseDollars, type Cents } from '../shared/money.ts';

export const SPECIAL_CODES = {
  '*': 'wage estimate not available',
  '**': 'employment estimate not available',
  '#': 'wage at or above $115.00 an hour or $239,200 a year',
  '~': 'too few establishments reporting to show',
} as const;
export type SpecialCode = keyof typeof SPECIAL_CODES;

export type Figure =
  | { kind: 'value'; value: number }
  | { kind: 'code'; code: SpecialCode; meaning: string }
  | { kind: 'blank' }
  | { kind: 'unreadable'; text: string };

const isCode = (text: string): text is SpecialCode => Object.hasOwn(SPECIAL_CODES, text);

/** A money cell (wages: dollars, hourly with cents) as cents. */
export function moneyFigure(text: string | undefined): Figure {
  return read(text, (t) => (/^\d+(\.\d{1,2})?$/.test(t) ? parseDollars(t) : undefined));
}

/** A count cell (employment) as a whole number. */
export function countFigure(text: string | undefined): Figure {
  return read(text, (t) => (/^\d+$/.test(t) ? Number(t) : undefined));
}

function read(text: string | undefined, parse: (t: string) => number | undefined): Figure {
  const t = (text ?? '').trim().replace(/,/g, '');
  if (t === '') return { kind: 'blank' };
  if (isCode(t)) return { kind: 'code', code: t, meaning: SPECIAL_CODES[t] };
  const value = parse(t);
  return value === undefined ? { kind: 'unreadable', text: t } : { kind: 'value', value };
}

/** The number, or null for a code, a blank or an unreadable cell. */
export const valueOf = (f: Figure): number | null => (f.kind === 'value' ? f.value : null);

/** For a table cell: "$48,780", "**" with its meaning beside it, or "" (not in the file). */
export function figureText(f: Figure, format: (n: number) => string): string {
  if (f.kind === 'value') return format(f.value);
  if (f.kind === 'code') return `${f.code} (${f.meaning})`;
  return f.kind === 'unreadable' ? f.text : '';
}

export type { Cents };
