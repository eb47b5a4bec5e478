import { segmentDef, type SegmentDef, type SimpleElementDef } from '../dictionary/index.ts';
import { checkPeriod, checkSyntax } from './syntax.ts';
import type { ProblemCode, ProblemList, X12Problem } from '../problems.ts';
import type { ElementRule, SegmentRule } from '../maps/types.ts';
import type { Delimiters, Segment } from './types.ts';
import { pad2 } from './values.ts';

type Where = Omit<X12Problem, 'code' | 'message' | 'severity'>;

/** One value position (element or component) with its dictionary definition and guide rule resolved. */
interface Slot {
  name: string;
  def: SimpleElementDef;
  rule: ElementRule | undefined;
  required: boolean;
}

interface CompiledElement {
  name: string;
  elementName: string;
  /** Simple element: one slot; composite: one slot per component. */
  slots: Slot[];
  composite: boolean;
  required: boolean;
  notUsed: boolean;
}

/** Dictionary + guide rule, resolved once per segment use (keeps the per-segment check allocation-free). */
const compiled = new WeakMap<SegmentRule | SegmentDef, CompiledElement[]>();

const isRequired = (req: string, rule: ElementRule | undefined): boolean =>
  rule?.usage ? rule.usage === 'R' : req === 'M';

function compile(def: SegmentDef, segRule: SegmentRule | undefined): CompiledElement[] {
  const key = segRule ?? def;
  const hit = compiled.get(key);
  if (hit) return hit;
  const els = def.elements.map((ed, i): CompiledElement => {
    const k = pad2(i + 1);
    const rule = segRule?.elements?.[k];
    const name = `${def.id}${k}`;
    if (ed.kind === 'simple') {
      const slot = { name, def: ed, rule, required: isRequired(ed.req, rule) };
      return {
        name,
        elementName: rule?.name ?? ed.name,
        slots: [slot],
        composite: false,
        required: slot.required,
        notUsed: rule?.usage === 'N',
      };
    }
    const slots = ed.components.map((cd, j) => {
      const r = segRule?.elements?.[`${k}-${j + 1}`];
      return { name: `${name}-${j + 1}`, def: cd, rule: r, required: isRequired(cd.req, r) };
    });
    // A composite is required when the guide requires it or any of its components (e.g. CLM05-1).
    const required = isRequired(ed.req, rule) || slots.some((s) => s.rule?.usage === 'R');
    return { name, elementName: ed.name, slots, composite: true, required, notUsed: rule?.usage === 'N' };
  });
  compiled.set(key, els);
  return els;
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
  const def = segmentDef(s.id);
  if (!def) return true;
  const before = out.items.length + out.droppedCount;
  const els = compile(def, segRule);
  const n = s.el.length - 1;
  if (n > els.length) {
    out.add('X12_TOO_MANY_ELEMENTS', `${def.name} has ${n} elements; at most ${els.length} are defined.`, {
      ...where,
      element: `${s.id}${pad2(els.length + 1)}`,
    });
  }
  // Repeated elements (X12.5 repetition separator, ISA11) are checked one repeat at a time; ISA11 is the separator itself.
  const rep = s.id === 'ISA' ? null : d.repetition;
  for (let i = 0; i < els.length; i++) {
    const ce = els[i] as CompiledElement;
    const raw = s.el[i + 1] ?? '';
    if (rep !== null && raw.includes(rep)) for (const r of raw.split(rep)) checkElement(ce, r, d, out, where);
    else checkElement(ce, raw, d, out, where);
  }
  checkSyntax(s, out, where);
  checkPeriod(s, out, where, isDate);
  return out.items.length + out.droppedCount === before;
}

function checkElement(ce: CompiledElement, raw: string, d: Delimiters, out: ProblemList, where: Where): void {
  if (!ce.composite) return checkValue(raw, ce.slots[0] as Slot, ce.elementName, out, where);
  if (raw === '') {
    if (ce.required) missing(out, where, ce.name, ce.elementName);
    return;
  }
  if (ce.notUsed) return notUsed(out, where, ce.name, ce.elementName, raw);
  if (raw.indexOf(d.component) < 0) {
    checkValue(raw, ce.slots[0] as Slot, undefined, out, where);
    for (let j = 1; j < ce.slots.length; j++) checkValue('', ce.slots[j] as Slot, undefined, out, where);
    return;
  }
  const parts = raw.split(d.component);
  if (parts.length > ce.slots.length) {
    out.add(
      'X12_TOO_MANY_ELEMENTS',
      `${ce.elementName} has ${parts.length} components; at most ${ce.slots.length}.`,
      { ...where, element: ce.name },
    );
  }
  for (let j = 0; j < ce.slots.length; j++)
    checkValue(parts[j] ?? '', ce.slots[j] as Slot, undefined, out, where);
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

function checkValue(v: string, slot: Slot, name: string | undefined, out: ProblemList, where: Where): void {
  if (v === '') {
    if (slot.required) missing(out, where, slot.name, name ?? slot.rule?.name ?? slot.def.name);
    return;
  }
  const { def, rule } = slot;
  if (rule?.usage === 'N') return notUsed(out, where, slot.name, name ?? def.name, v);
  const bad = typeProblem(v, def);
  const len = bad ? 0 : measure(v, def.type);
  const badLen = !bad && (len < def.min || len > def.max);
  const badCode = rule?.codes !== undefined && !rule.codes.includes(v);
  if (!bad && !badLen && !badCode) return;
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

/** Length as X12.6 counts it: numerics exclude sign and decimal point. */
function measure(v: string, type: string): number {
  if (type !== 'R' && type !== 'N0' && type !== 'N2') return v.length;
  let n = v.length;
  if (v.charCodeAt(0) === 45) n--;
  if (type === 'R' && v.indexOf('.') >= 0) n--;
  return n;
}

const NUM = /^-?\d+$/;
const DEC = /^-?(\d+\.?\d*|\.\d+)$/;

function typeProblem(v: string, def: SimpleElementDef): ProblemCode | null {
  switch (def.type) {
    case 'N0':
    case 'N2':
      return NUM.test(v) ? null : 'X12_BAD_NUMBER';
    case 'R':
      return DEC.test(v) ? null : 'X12_BAD_NUMBER';
    case 'DT':
      return isDate(v) ? null : 'X12_BAD_DATE';
    case 'TM':
      return isTime(v) ? null : 'X12_BAD_TIME';
    default:
      return null;
  }
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** CCYYMMDD (or YYMMDD for the ISA), calendar-checked. */
export function isDate(v: string): boolean {
  if ((v.length !== 8 && v.length !== 6) || !NUM.test(v) || v.charCodeAt(0) === 45) return false;
  const full = v.length === 8 ? v : `20${v}`;
  const y = Number(full.slice(0, 4));
  const m = Number(full.slice(4, 6));
  const day = Number(full.slice(6, 8));
  if (m < 1 || m > 12 || day < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= (DAYS[m - 1] ?? 0) + (leap ? 1 : 0);
}

/** HHMM, HHMMSS, HHMMSSD, HHMMSSDD. */
export function isTime(v: string): boolean {
  if (!/^\d{4}(\d{2}\d{0,2})?$/.test(v)) return false;
  const h = Number(v.slice(0, 2));
  const m = Number(v.slice(2, 4));
  const s = v.length >= 6 ? Number(v.slice(4, 6)) : 0;
  return h < 24 && m < 60 && s < 60;
}
