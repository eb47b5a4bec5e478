/**
 * X12.6 value formats checked on character codes (no regular expression, no substring, no Number()),
 * since every element of every segment goes through here during validation.
 */

/** Value formats, as small integers so the per-value check is a switch on a number. */
export const FORMAT = { text: 0, integer: 1, decimal: 2, date: 3, time: 4 } as const;

/** The format of an X12.6 element type. */
export const formatOf = (type: string): number =>
  type === 'N0' || type === 'N2'
    ? FORMAT.integer
    : type === 'R'
      ? FORMAT.decimal
      : type === 'DT'
        ? FORMAT.date
        : type === 'TM'
          ? FORMAT.time
          : FORMAT.text;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Digits from a to b as a number (caller has checked they are digits). */
function digits(v: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) n = n * 10 + v.charCodeAt(i) - 48;
  return n;
}

function allDigits(v: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

/** N0/N2 on v[a, b): optional minus sign, then one or more digits (implied decimal). */
export function isIntegerAt(v: string, a: number, b: number): boolean {
  if (v.charCodeAt(a) === 45) a++;
  return b > a && allDigits(v, a, b);
}

/** R on v[a, b): optional minus sign, digits with at most one decimal point, at least one digit ("5.", ".5"). */
export function isDecimalAt(v: string, a: number, b: number): boolean {
  let point = false;
  let seen = false;
  for (let i = v.charCodeAt(a) === 45 ? a + 1 : a; i < b; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c)) seen = true;
    else if (c === 46 && !point) point = true;
    else return false;
  }
  return seen;
}

/**
 * Length of an N0/N2 value v[a, b) as X12.6 counts it (digits only, no sign); -1 (below every
 * minimum length) when it is not one.
 */
export function integerLength(v: string, a: number, b: number): number {
  const from = v.charCodeAt(a) === 45 ? a + 1 : a;
  if (b <= from) return -1;
  for (let i = from; i < b; i++) if (!isDigit(v.charCodeAt(i))) return -1;
  return b - from;
}

/** Length of an R value v[a, b) as X12.6 counts it (no sign, no decimal point); -1 when it is not one. */
export function decimalLength(v: string, a: number, b: number): number {
  let point = false;
  let digits = 0;
  for (let i = v.charCodeAt(a) === 45 ? a + 1 : a; i < b; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 46 && !point) point = true;
    else return -1;
  }
  return digits > 0 ? digits : -1;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** CCYYMMDD (or YYMMDD for the ISA, read as 20YY), calendar-checked. */
export function isDate(v: string): boolean {
  return isDateAt(v, 0, v.length);
}

/** isDate on v[a, b). */
export function isDateAt(v: string, a: number, b: number): boolean {
  const len = b - a;
  if (len !== 8 && len !== 6) return false;
  // One pass: the digits as one number CCYYMMDD (or YYMMDD), at most 99,999,999 (small-integer math).
  let x = 0;
  for (let i = a; i < b; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    x = x * 10 + c;
  }
  const day = x % 100;
  const m = ((x / 100) | 0) % 100;
  const y = len === 8 ? (x / 10000) | 0 : 2000 + ((x / 10000) | 0);
  if (m < 1 || m > 12 || day < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= (DAYS[m - 1] ?? 0) + (leap ? 1 : 0);
}

/** RD8: CCYYMMDD-CCYYMMDD, both dates valid, from ≤ to. */
export function isDateRange(v: string): boolean {
  return isDateRangeAt(v, 0, v.length);
}

/** isDateRange on v[a, b). */
export function isDateRangeAt(v: string, a: number, b: number): boolean {
  if (b - a !== 17 || v.charCodeAt(a + 8) !== 45) return false;
  if (!isDateAt(v, a, a + 8) || !isDateAt(v, a + 9, b)) return false;
  // Same-length digit strings: the first differing digit decides from ≤ to.
  for (let i = 0; i < 8; i++) {
    const d = v.charCodeAt(a + i) - v.charCodeAt(a + 9 + i);
    if (d !== 0) return d < 0;
  }
  return true;
}

/** HHMM, HHMMSS, HHMMSSD, HHMMSSDD on v[a, b). */
export function isTimeAt(v: string, a: number, b: number): boolean {
  const len = b - a;
  if ((len !== 4 && len < 6) || len > 8 || !allDigits(v, a, b)) return false;
  const s = len >= 6 ? digits(v, a + 4, a + 6) : 0;
  return digits(v, a, a + 2) < 24 && digits(v, a + 2, a + 4) < 60 && s < 60;
}
