/**
 * Element bounds of the segment being checked, found in one pass over its text: element p is
 * text[START[p], END[p]) for p ≤ LAST (element 0 is the segment id). Shared, reused tables: the
 * validator scans a segment once, then places it in the guide (qualifiers such as NM101 = 85) and
 * checks its elements from the same bounds, synchronously, before the next segment is scanned. No
 * array is made per segment and no element string is cut unless a problem needs it.
 */
export const START = new Int32Array(256);
export const END = new Int32Array(256);
/** Highest element position whose bounds are kept. */
export const LAST = 255;

/** Whether the last scanned segment contains the repetition separator (set by `scanElements`). */
export let scannedRepeats = false;

/**
 * Records the element bounds of `text` (separator `sepCode`) and returns the number of separators,
 * which is the position of its last element. `repCode` is the repetition separator (-1: none).
 */
export function scanElements(text: string, sepCode: number, repCode: number): number {
  let repeats = false;
  let n = 0;
  START[0] = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === sepCode) {
      if (n <= LAST) END[n] = i;
      if (++n <= LAST) START[n] = i + 1;
    } else if (ch === repCode) repeats = true;
  }
  if (n <= LAST) END[n] = text.length;
  scannedRepeats = repeats;
  return n;
}

/**
 * Whether element `el` (component `comp`, 1-based; 0 = the whole element) of the scanned segment
 * (`n` from `scanElements`) is one of `values`: `values.codes.includes(componentOf(elementOf(s, el),
 * …))` without cutting the value out. An absent element or component is ''.
 */
export function scannedIn(
  text: string,
  n: number,
  el: number,
  comp: number,
  compCode: number,
  values: CodeList,
): boolean {
  let a = 0;
  let b = 0;
  if (el <= n) {
    a = START[el] as number;
    b = END[el] as number;
  }
  if (comp > 0 && a < b) {
    // Component comp runs from just after the element's (comp - 1)th component separator to the next one.
    for (let i = 1; i < comp; i++) {
      let k = a;
      while (k < b && text.charCodeAt(k) !== compCode) k++;
      if (k >= b) {
        a = b;
        break;
      }
      a = k + 1;
    }
    let e = a;
    while (e < b && text.charCodeAt(e) !== compCode) e++;
    b = e;
  }
  return inList(text, a, b, values);
}

/** Whether text[a, b) is one of `codes` (guide code lists are short: at most a few dozen). */
export function isOneOf(text: string, a: number, b: number, codes: readonly string[]): boolean {
  const len = b - a;
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k] as string;
    if (code.length === len && sameAt(text, a, code)) return true;
  }
  return false;
}

/** text.startsWith(code, a), as a loop (codes are a few characters: cheaper than the builtin call). */
function sameAt(text: string, a: number, code: string): boolean {
  for (let i = 0; i < code.length; i++) if (text.charCodeAt(a + i) !== code.charCodeAt(i)) return false;
  return true;
}

/** The value of element p of the scanned segment ('' when absent). */
export const scannedValue = (text: string, n: number, p: number): string =>
  p <= n ? text.slice(START[p] as number, END[p] as number) : '';

/**
 * Segment ids as numbers (X12.6: 2–3 upper-case letters/digits), so an id is looked up by table
 * index straight from the segment text, without cutting it out. -1 for anything else.
 */
export function idKey(text: string, a: number, b: number): number {
  const len = b - a;
  if (len < 2 || len > 3) return -1;
  let k = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 47 : c >= 65 && c <= 90 ? c - 54 : -1;
    if (d < 0) return -1;
    k = k * 37 + d;
  }
  return len === 2 ? k * 37 : k;
}

/** Number of distinct `idKey` values (keys are below this). */
export const ID_KEYS = 37 * 37 * 37;

/**
 * A guide code list made ready for in-place lookups. Codes are mostly 1–3 characters (qualifiers
 * such as NM101 85, DTP01 472): each such code is packed with its length into one integer, so a
 * value is compared as one number per code rather than character by character.
 */
export interface CodeList {
  codes: readonly string[];
  /** Every code packed (`pack`), or null when some code has more than 3 characters. */
  packed: Int32Array | null;
}

const lists = new WeakMap<readonly string[], CodeList>();

/** The code list for `codes`, made once per array (guide maps are module data). */
export function codeList(codes: readonly string[]): CodeList {
  let list = lists.get(codes);
  if (list === undefined) {
    const keys = codes.map((c) => pack(c, 0, c.length));
    list = { codes, packed: keys.every((k) => k >= 0) ? Int32Array.from(keys) : null };
    lists.set(codes, list);
  }
  return list;
}

/** text[a, b) as one integer (length in the high byte, then one byte per character); -1 if it cannot be. */
function pack(text: string, a: number, b: number): number {
  if (b - a > 3) return -1;
  let k = b - a;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c > 255) return -1;
    k = (k << 8) | c;
  }
  return k;
}

/** Whether text[a, b) is one of the list's codes. */
export function inList(text: string, a: number, b: number, list: CodeList): boolean {
  const packed = list.packed;
  if (packed === null) return isOneOf(text, a, b, list.codes);
  // Every code packs, so a value that does not (too long, or a character above 255) is none of them.
  const k = pack(text, a, b);
  if (k < 0) return false;
  for (let j = 0; j < packed.length; j++) if (packed[j] === k) return true;
  return false;
}
