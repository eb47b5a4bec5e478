/** The one format for every guide map (TR3): loops, segments and element rules as data. */
export type Usage = 'R' | 'S' | 'N';

/** Unbounded repeat (TR3 ">1"). */
export const UNBOUNDED = 1_000_000;

export interface ElementRule {
  usage?: Usage;
  /** Allowed code values; omitted means any value of the right type. */
  codes?: readonly string[];
  /** TR3 name, when the guide renames the dictionary element (e.g. "Billing Provider Last or Organizational Name"). */
  name?: string;
}

/** Which use of a segment this is: the value of a qualifier element, e.g. NM101 = 85. */
export interface Qualifier {
  /** Element position, "01", or component position, "01-1". */
  at: string;
  values: readonly string[];
  /** `at` read once: element number and component number (0 = whole element). */
  el: number;
  comp: number;
}

/** A TR3 situational rule "Required when <segment><at> is one of <values>" (the trigger segment is an earlier use in the same loop). */
export interface SituationalTrigger {
  segment: string;
  /** Element position "05" or component "05-3", read once into el/comp. */
  at: string;
  values: readonly string[];
  el: number;
  comp: number;
}

export interface SegmentRule {
  kind: 'segment';
  id: string;
  name: string;
  usage: Usage;
  max: number;
  match?: Qualifier;
  /** Situational segment the TR3 requires when its trigger holds (999 IK304 I6 with a CTX segment context). */
  requiredWhen?: SituationalTrigger;
  /** Keyed by position, "05-1". */
  elements?: Readonly<Record<string, ElementRule>>;
}

export interface LoopRule {
  kind: 'loop';
  id: string;
  name: string;
  usage: Usage;
  max: number;
  /** The first child is the loop's trigger segment. */
  children: readonly MapNode[];
}

export type MapNode = SegmentRule | LoopRule;

export interface TransactionMap {
  /** Guide id as in GS08/ST03, e.g. 005010X222A1. */
  guide: string;
  /** ST01. */
  setId: string;
  /** GS01. */
  functionalId: string;
  name: string;
  /** Segments between ST and SE (ST/SE themselves are envelope). */
  body: readonly MapNode[];
  /**
   * X231A1 2100 CTX Business Unit Identifier: the loop that is one business unit and the element of
   * its trigger segment that names it (837: loop 2300, CLM01 patient control number).
   */
  businessUnit?: { loop: string; name: string; el: number };
}

type SegOpts = {
  match?: [string, ...string[]];
  el?: Record<string, ElementRule>;
  /** [trigger segment id, position, ...values]: Required when that element has one of the values. */
  requiredWhen?: [string, string, ...string[]];
};

const position = (at: string): { el: number; comp: number } => {
  const [e, c] = at.split('-');
  return { el: Number(e), comp: c === undefined ? 0 : Number(c) };
};

/** Builder: a segment use. `match: ['01', '85']` means NM101 must be 85. */
export function seg(id: string, name: string, usage: Usage, max: number, opts: SegOpts = {}): SegmentRule {
  const rule: SegmentRule = { kind: 'segment', id, name, usage, max };
  if (opts.match) {
    const [at, ...values] = opts.match;
    rule.match = { at, values, ...position(at) };
    rule.elements = { [at]: { codes: values }, ...opts.el };
  } else if (opts.el) rule.elements = opts.el;
  if (opts.requiredWhen) {
    const [segment, at, ...values] = opts.requiredWhen;
    rule.requiredWhen = { segment, at, values, ...position(at) };
  }
  return rule;
}

export function loop(id: string, name: string, usage: Usage, max: number, children: MapNode[]): LoopRule {
  return { kind: 'loop', id, name, usage, max, children };
}

/** Element rule shorthand: codes list. */
export const codes = (...values: string[]): ElementRule => ({ codes: values });
export const notUsed: ElementRule = { usage: 'N' };
export const required: ElementRule = { usage: 'R' };
