import { conditionsHold, periodHolds } from './syntax.ts';
import type { CompiledSegment, Slot } from './elements.ts';
import { decimalLength, FORMAT, integerLength, isDateAt, isTimeAt } from './formats.ts';
import { END, inList, START } from './scan.ts';

/**
 * Whether the scanned segment (`n` from `scanElements`, bounds in START/END) passes every check of
 * its compiled segment use: element count, requirement, Not Used, type, length, code list,
 * components, X12.6 conditions and the date period. It answers only yes or no, on character codes,
 * cutting out no value; for a segment it does not pass, `checkScanned` finds and reports each
 * problem. It must never pass a segment that `checkScanned` would report something for.
 * The caller has made sure that no element repeats (those are checked one repeat at a time there).
 */
export function allValid(text: string, n: number, c: CompiledSegment, compCode: number): boolean {
  const els = c.elements;
  if (n > els.length || c.lastRequired >= n) return false;
  for (let i = 0; i < n; i++) {
    const ce = els[i] as CompiledSegment['elements'][number];
    const a = START[i + 1] as number;
    const b = END[i + 1] as number;
    if (!ce.composite) {
      if (!valueValid(text, a, b, ce.first)) return false;
      continue;
    }
    if (a === b) {
      if (ce.required) return false;
      continue;
    }
    if (ce.notUsed) return false;
    const slots = ce.slots;
    let p = a;
    for (let j = 0; j < slots.length; j++) {
      let e = p;
      while (e < b && text.charCodeAt(e) !== compCode) e++;
      if (p > b ? (slots[j] as Slot).required : !valueValid(text, p, e, slots[j] as Slot)) return false;
      p = e + 1;
    }
    // A component separator left after the last defined component: too many components.
    if (p <= b) return false;
  }
  if (c.conditions.length > 0 && !conditionsHold(c.conditions, n)) return false;
  return c.period === undefined || periodHolds(c.period, text, n);
}

/** Whether the value text[a, b) passes its slot's checks (checkValue reports nothing for it). */
function valueValid(text: string, a: number, b: number, slot: Slot): boolean {
  if (a === b) return !slot.required;
  if (slot.notUsed) return false;
  // Length as X12.6 counts it: numerics exclude sign and decimal point.
  let len = b - a;
  switch (slot.format) {
    case FORMAT.integer:
      len = integerLength(text, a, b);
      break;
    case FORMAT.decimal:
      len = decimalLength(text, a, b);
      break;
    case FORMAT.date:
      if (!isDateAt(text, a, b)) return false;
      break;
    case FORMAT.time:
      if (!isTimeAt(text, a, b)) return false;
      break;
  }
  if (len < slot.min || len > slot.max) return false;
  return slot.codeList === null || inList(text, a, b, slot.codeList);
}
