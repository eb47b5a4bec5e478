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

export interface SegmentRule {
  kind: 'segment';
  id: string;
  name: string;
  usage: Usage;
  max: number;
  match?: Qualifier;
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
}

type SegOpts = { match?: [string, ...string[]]; el?: Record<string, ElementRule> };

/** Builder: a segment use. `match: ['01', '85']` means NM101 must be 85. */
export function seg(id: string, name: string, usage: Usage, max: number, opts: SegOpts = {}): SegmentRule {
  const rule: SegmentRule = { kind: 'segment', id, name, usage, max };
  if (opts.match) {
    const [at, ...values] = opts.match;
    const [e, c] = at.split('-');
    rule.match = { at, values, el: Number(e), comp: c === undefined ? 0 : Number(c) };
    rule.elements = { [at]: { codes: values }, ...opts.el };
  } else if (opts.el) rule.elements = opts.el;
  return rule;
}

export function loop(id: string, name: string, usage: Usage, max: number, children: MapNode[]): LoopRule {
  return { kind: 'loop', id, name, usage, max, children };
}

/** Element rule shorthand: codes list. */
export const codes = (...values: string[]): ElementRule => ({ codes: values });
export const notUsed: ElementRule = { usage: 'N' };
export const required: ElementRule = { usage: 'R' };
