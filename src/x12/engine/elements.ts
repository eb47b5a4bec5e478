import { segmentDef, type SegmentDef, type SimpleElementDef } from '../dictionary/index.ts';
import { checkConditions, checkPeriodAt, periodOf, syntaxConditions, type Condition } from './syntax.ts';
import type { ProblemCode, ProblemList, X12Problem } from '../problems.ts';
import type { ElementRule, SegmentRule } from '../maps/types.ts';
import { FORMAT, formatOf, isDateAt, isDecimalAt, isIntegerAt, isTimeAt } from './formats.ts';
import { allValid } from './element-fast.ts';
import type { Delimiters, Segment } from './types.ts';
import { pad2 } from './values.ts';
import { codeList, END, isOneOf, LAST, scanElements, scannedRepeats, START, type CodeList } from './scan.ts';

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;

/** FILLED[p] is 1 when element p has a value (for the X12.6 relational conditions); reused like START/END. */
const FILLED = new Uint8Array(LAST + 1);

/** One value position (element or component) with its dictionary definition and guide rule resolved. */
export interface Slot {
  name: string;
  def: SimpleElementDef;
  rule: ElementRule | undefined;
  required: boolean;
  notUsed: boolean;
  format: number;
  /** def.min / def.max, at hand for the per-value check. */
  min: number;
  max: number;
  /** The guide's code list (null: any value of the right type), compared in place. */
  codes: readonly string[] | null;
  /** `codes` ready for in-place lookups. */
  codeList: CodeList | null;
}

export interface CompiledElement {
  name: string;
  elementName: string;
  /** Simple element: one slot; composite: one slot per component. */
  slots: Slot[];
  /** slots[0]: a simple element's one slot. */
  first: Slot;
  composite: boolean;
  required: boolean;
  notUsed: boolean;
}

/** Everything the check of one segment use needs, resolved once (keeps the per-segment check table-driven). */
export interface CompiledSegment {
  def: SegmentDef;
  elements: CompiledElement[];
  /** Highest element position the checks read (defined elements or a relational condition), at most 255. */
  width: number;
  /** Indices of the elements that are required (the only absent ones to report). */
  required: number[];
  /** Highest index in `required` (-1: none): a segment with fewer elements lacks a required one. */
  lastRequired: number;
  conditions: readonly Condition[];
  period: [number, number] | undefined;
}

const byRule = new WeakMap<SegmentRule, CompiledSegment>();
const byId = new Map<string, CompiledSegment | null>();

const isRequired = (req: string, rule: ElementRule | undefined): boolean =>
  rule?.usage ? rule.usage === 'R' : req === 'M';

function slot(name: string, def: SimpleElementDef, rule: ElementRule | undefined): Slot {
  return {
    name,
    def,
    rule,
    required: isRequired(def.req, rule),
    notUsed: rule?.usage === 'N',
    format: formatOf(def.type),
    min: def.min,
    max: def.max,
    codes: rule?.codes ?? null,
    codeList: rule?.codes ? codeList(rule.codes) : null,
  };
}

function compile(def: SegmentDef, segRule: SegmentRule | undefined): CompiledSegment {
  const elements = def.elements.map((ed, i): CompiledElement => {
    const k = pad2(i + 1);
    const rule = segRule?.elements?.[k];
    const name = `${def.id}${k}`;
    if (ed.kind === 'simple') {
      const only = slot(name, ed, rule);
      return {
        name,
        elementName: rule?.name ?? ed.name,
        slots: [only],
        first: only,
        composite: false,
        required: only.required,
        notUsed: only.notUsed,
      };
    }
    const slots = ed.components.map((cd, j) =>
      slot(`${name}-${j + 1}`, cd, segRule?.elements?.[`${k}-${j + 1}`]),
    );
    // A composite is required when the guide requires it or any of its components (e.g. CLM05-1).
    const required = isRequired(ed.req, rule) || slots.some((s) => s.rule?.usage === 'R');
    const notUsed = rule?.usage === 'N';
    const first = slots[0] as Slot;
    return { name, elementName: ed.name, slots, first, composite: true, required, notUsed };
  });
  const required = elements.flatMap((e, i) => (e.required ? [i] : []));
  const conditions = syntaxConditions(def.id);
  const period = periodOf(def.id);
  const width = Math.min(
    LAST,
    Math.max(elements.length, ...conditions.flatMap((k) => k.positions), ...(period ?? [])),
  );
  const lastRequired = required.length > 0 ? (required[required.length - 1] as number) : -1;
  return { def, elements, width, required, lastRequired, conditions, period };
}

/** The compiled check for segment `id` under `segRule` (a guide use) or the bare dictionary. */
export function compiled(id: string, segRule: SegmentRule | undefined): CompiledSegment | null {
  if (segRule && segRule.id === id) {
    let c = byRule.get(segRule);
    if (c === undefined) {
      const def = segmentDef(id);
      if (!def) return null;
      c = compile(def, segRule);
      byRule.set(segRule, c);
    }
    return c;
  }
  let c = byId.get(id);
  if (c === undefined) {
    const def = segmentDef(id);
    c = def ? compile(def, segRule) : null;
    // Only known ids are cached (junk ids from the input must not grow the cache).
    if (!segRule && c !== null) byId.set(id, c);
  }
  return c;
}

/**
 * Checks one segment's elements against the dictionary (type, length, requirement) and the guide's
 * element rules (usage R/S/N, code lists). Returns true when no problem was found.
 */
export function checkElements(
  s: Segment,
  segRule: SegmentRule | undefined,
  d: Delimiters,
  out: ProblemList,
  where: Where,
): boolean {
  return checkCompiled(s, compiled(s.id, segRule), d, out, where);
}

/** checkElements with the segment use already compiled (the walker keeps it per guide position). */
export function checkCompiled(
  s: Segment,
  c: CompiledSegment | null,
  d: Delimiters,
  out: ProblemList,
  where: Where,
): boolean {
  if (c === null) return true;
  const text = s.raw ?? s.el.join(d.element);
  const rep = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
  return checkScanned(s, text, scanElements(text, d.element.charCodeAt(0), rep), c, d, out, where);
}

/**
 * checkCompiled for a segment whose text was just scanned (`n` from `scanElements`): the walker
 * scans once to place the segment and checks from the same bounds.
 */
export function checkScanned(
  s: Segment,
  text: string,
  n: number,
  c: CompiledSegment,
  d: Delimiters,
  out: ProblemList,
  where: Where,
): boolean {
  // Most segments are valid: a check that only answers yes or no comes first, and a segment it
  // does not pass is checked again, where each problem is found and reported.
  if (!repeatsIn(c) && allValid(text, n, c, d.component.charCodeAt(0))) return true;
  return reportScanned(s, text, n, c, d, out, where);
}

/** X12.5 repetition separator (ISA11) in the scanned segment; ISA11 is the separator itself, so not in the ISA. */
const repeatsIn = (c: CompiledSegment): boolean => scannedRepeats && c.def.id !== 'ISA';

/** checkScanned without the yes/no pass: finds and reports every problem. True when none was found. */
export function reportScanned(
  s: Segment,
  text: string,
  n: number,
  c: CompiledSegment,
  d: Delimiters,
  out: ProblemList,
  where: Where,
): boolean {
  const repeats = repeatsIn(c);
  const before = out.items.length + out.droppedCount;
  const els = c.elements;
  const width = c.width;
  if (n > els.length) {
    out.add('X12_TOO_MANY_ELEMENTS', `${c.def.name} has ${n} elements; at most ${els.length} are defined.`, {
      ...where,
      element: `${s.id}${pad2(els.length + 1)}`,
    });
  }
  // Repeated elements are checked one repeat at a time.
  const rep = d.repetition as string;
  const present = n < els.length ? n : els.length;
  for (let i = 0; i < present; i++) {
    const ce = els[i] as CompiledElement;
    const a = START[i + 1] as number;
    const b = END[i + 1] as number;
    if (repeats && a < b) {
      const r = text.indexOf(rep, a);
      if (r >= 0 && r < b) {
        for (const v of text.slice(a, b).split(rep)) checkElement(ce, v, 0, v.length, d, out, where);
        continue;
      }
    }
    checkElement(ce, text, a, b, d, out, where);
  }
  // Elements after the last one written are empty: only the required ones can be wrong.
  const required = c.required;
  for (let r = 0; r < required.length; r++) {
    const i = required[r] as number;
    if (i >= present) checkElement(els[i] as CompiledElement, '', 0, 0, d, out, where);
  }
  if (c.conditions.length > 0) {
    for (let p = 1; p <= width; p++) FILLED[p] = p <= n && (END[p] as number) > (START[p] as number) ? 1 : 0;
    checkConditions(c.def.id, c.conditions, FILLED, out, where);
  }
  if (c.period !== undefined) checkPeriodAt(c.def.id, c.period, text, n, out, where);
  return out.items.length + out.droppedCount === before;
}

/** Checks element `ce` whose value is text[a, b). */
function checkElement(
  ce: CompiledElement,
  text: string,
  a: number,
  b: number,
  d: Delimiters,
  out: ProblemList,
  where: Where,
): void {
  if (!ce.composite) return checkValue(text, a, b, ce.slots[0] as Slot, ce.elementName, out, where);
  if (a === b) {
    if (ce.required) missing(out, where, ce.name, ce.elementName);
    return;
  }
  if (ce.notUsed) return notUsed(out, where, ce.name, ce.elementName, text.slice(a, b));
  // Components are checked in place, text[p, e) each, as element values are.
  const sep = d.component.charCodeAt(0);
  const slots = ce.slots;
  let parts = 1;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === sep) parts++;
  if (parts > slots.length) {
    out.add('X12_TOO_MANY_ELEMENTS', `${ce.elementName} has ${parts} components; at most ${slots.length}.`, {
      ...where,
      element: ce.name,
    });
  }
  let p = a;
  for (let j = 0; j < slots.length; j++) {
    let e = p;
    while (e < b && text.charCodeAt(e) !== sep) e++;
    if (p > b) checkValue(text, 0, 0, slots[j] as Slot, undefined, out, where);
    else checkValue(text, p, e, slots[j] as Slot, undefined, out, where);
    p = e + 1;
  }
}

function missing(out: ProblemList, where: Where, element: string, elementName: string): void {
  out.add('X12_ELEMENT_MISSING', `${element} (${elementName}) is required but empty.`, {
    ...where,
    element,
    elementName,
  });
}

function notUsed(out: ProblemList, where: Where, element: string, elementName: string, value: string): void {
  out.add(
    'X12_ELEMENT_NOT_USED',
    `${element} (${elementName}) is marked Not Used in the guide but has a value.`,
    {
      ...where,
      element,
      elementName,
      value: value.slice(0, 99),
    },
  );
}

/** Checks one value, text[a, b), against its slot; the value is cut out only for a code list or a problem. */
function checkValue(
  text: string,
  a: number,
  b: number,
  slot: Slot,
  name: string | undefined,
  out: ProblemList,
  where: Where,
): void {
  if (a === b) {
    if (slot.required) missing(out, where, slot.name, name ?? slot.rule?.name ?? slot.def.name);
    return;
  }
  if (slot.notUsed) return notUsed(out, where, slot.name, name ?? slot.def.name, text.slice(a, b));
  const def = slot.def;
  let bad: ProblemCode | null = null;
  // Length as X12.6 counts it: numerics exclude sign and decimal point.
  let len = b - a;
  switch (slot.format) {
    case FORMAT.integer:
      if (!isIntegerAt(text, a, b)) bad = 'X12_BAD_NUMBER';
      else if (text.charCodeAt(a) === 45) len--;
      break;
    case FORMAT.decimal:
      if (!isDecimalAt(text, a, b)) bad = 'X12_BAD_NUMBER';
      else {
        if (text.charCodeAt(a) === 45) len--;
        const point = text.indexOf('.', a);
        if (point >= 0 && point < b) len--;
      }
      break;
    case FORMAT.date:
      if (!isDateAt(text, a, b)) bad = 'X12_BAD_DATE';
      break;
    case FORMAT.time:
      if (!isTimeAt(text, a, b)) bad = 'X12_BAD_TIME';
      break;
  }
  const badLen = bad === null && (len < def.min || len > def.max);
  const badCode = slot.codes !== null && !isOneOf(text, a, b, slot.codes);
  if (bad === null && !badLen && !badCode) return;
  report(text.slice(a, b), slot, name, bad, bad === null ? len : 0, badCode, out, where);
}

function report(
  v: string,
  slot: Slot,
  name: string | undefined,
  bad: ProblemCode | null,
  len: number,
  badCode: boolean,
  out: ProblemList,
  where: Where,
): void {
  const { def, rule } = slot;
  const elementName = name ?? rule?.name ?? def.name;
  const at = { ...where, element: slot.name, elementName, value: v.slice(0, 99) };
  const label = `${slot.name} (${elementName})`;
  if (bad) return out.add(bad, `${label} value "${v.slice(0, 40)}" is not valid ${def.type}.`, at);
  if (len < def.min) out.add('X12_TOO_SHORT', `${label} is ${len} long; minimum ${def.min}.`, at);
  else if (len > def.max) out.add('X12_TOO_LONG', `${label} is ${len} long; maximum ${def.max}.`, at);
  if (badCode)
    out.add(
      'X12_BAD_CODE',
      `${label} "${v}" is not one of ${(rule?.codes ?? []).slice(0, 12).join(', ')}.`,
      at,
    );
}
