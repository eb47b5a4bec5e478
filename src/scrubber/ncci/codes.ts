/**
 * HCPCS/CPT code shapes and the compact encodings the lookup tables use. A procedure code is five
 * characters: CPT Category I (99213), Category II (0001F), Category III (0591T), PLA (0001U),
 * vaccine product codes (0001A) and HCPCS Level II (J1100). Encoded base 36 a code fits in 26
 * bits, so a table can hold codes in a Uint32Array instead of one string per pair.
 */
export const PROCEDURE_CODE = /^(?:\d{5}|\d{4}[A-Z]|[A-Z]\d{4})$/;

export function isProcedureCode(code: string): boolean {
  return PROCEDURE_CODE.test(code);
}

function digit36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 90) return c - 55; // A-Z
  return -1;
}

/** A five-character code as an integer below 36^5, or -1 when it is not five of [0-9A-Z]. */
export function encodeCode(code: string): number {
  if (code.length !== 5) return -1;
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const d = digit36(code.charCodeAt(i));
    if (d < 0) return -1;
    n = n * 36 + d;
  }
  return n;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export function decodeCode(n: number): string {
  let s = '';
  for (let i = 0; i < 5; i++) {
    s = ALPHABET[n % 36] + s;
    n = Math.floor(n / 36);
  }
  return s;
}

/**
 * A calendar date as the integer YYYYMMDD, so dates compare as numbers. Accepts the file form
 * (YYYYMMDD) and the claim form (YYYY-MM-DD); returns -1 for anything that is not a real date.
 */
export function dateNumber(value: string): number {
  // A PTP file repeats a few hundred dates over millions of rows: remember the checked ones.
  const known = dateCache.get(value);
  if (known !== undefined) return known;
  const n = checkDate(value);
  if (n > 0 && dateCache.size < 4096) dateCache.set(value, n);
  return n;
}

const dateCache = new Map<string, number>();

function checkDate(value: string): number {
  const s =
    value.length === 10 && value[4] === '-' && value[7] === '-'
      ? value.slice(0, 4) + value.slice(5, 7) + value.slice(8)
      : value;
  if (!/^\d{8}$/.test(s)) return -1;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return -1;
  if (y < 1900 || y > 2199) return -1;
  return y * 10000 + m * 100 + d;
}

/** YYYYMMDD integer to the ISO date string the rest of cleanclaim uses. */
export function isoFromNumber(n: number): string {
  const s = String(n);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** A file quarter ("2026Q4") to its first day ("2026-10-01"), or undefined if not a quarter. */
export function quarterStart(quarter: string): string | undefined {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) return undefined;
  const month = (Number(m[2]) - 1) * 3 + 1;
  return `${m[1]}-${String(month).padStart(2, '0')}-01`;
}
