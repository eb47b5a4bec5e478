/**
 * X12.6 value formats checked on character codes (no regular expression, no substring, no Number()),
 * since every element of every segment goes through here during validation.
 */

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

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** CCYYMMDD (or YYMMDD for the ISA, read as 20YY), calendar-checked. */
export function isDate(v: string): boolean {
  return isDateAt(v, 0, v.length);
}

/** isDate on v[a, b). */
export function isDateAt(v: string, a: number, b: number): boolean {
  const len = b - a;
  if ((len !== 8 && len !== 6) || !allDigits(v, a, b)) return false;
  const y = len === 8 ? digits(v, a, a + 4) : 2000 + digits(v, a, a + 2);
  const at = len === 8 ? a + 4 : a + 2;
  const m = digits(v, at, at + 2);
  const day = digits(v, at + 2, at + 4);
  if (m < 1 || m > 12 || day < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= (DAYS[m - 1] ?? 0) + (leap ? 1 : 0);
}

/** RD8: CCYYMMDD-CCYYMMDD, both dates valid, from ≤ to. */
export function isDateRange(v: string): boolean {
  if (v.length !== 17 || v.charCodeAt(8) !== 45) return false;
  return isDateAt(v, 0, 8) && isDateAt(v, 9, 17) && v.slice(0, 8) <= v.slice(9);
}

/** HHMM, HHMMSS, HHMMSSD, HHMMSSDD on v[a, b). */
export function isTimeAt(v: string, a: number, b: number): boolean {
  const len = b - a;
  if ((len !== 4 && len < 6) || len > 8 || !allDigits(v, a, b)) return false;
  const s = len >= 6 ? digits(v, a + 4, a + 6) : 0;
  return digits(v, a, a + 2) < 24 && digits(v, a + 2, a + 4) < 60 && s < 60;
}
