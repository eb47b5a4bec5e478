/** X12 data element types (X12.6): AN string, ID code, DT date, TM time, N0/N2 implied-decimal numbers, R decimal. */
export type ElementType = 'AN' | 'ID' | 'DT' | 'TM' | 'N0' | 'N2' | 'R' | 'B';

/** Base-standard requirement: Mandatory, Optional, or conditional (X, relational). */
export type Requirement = 'M' | 'O' | 'X';

export interface SimpleElementDef {
  kind: 'simple';
  name: string;
  type: ElementType;
  min: number;
  max: number;
  req: Requirement;
}

export interface CompositeElementDef {
  kind: 'composite';
  id: string;
  name: string;
  req: Requirement;
  components: readonly SimpleElementDef[];
}

export type ElementDef = SimpleElementDef | CompositeElementDef;

export interface SegmentDef {
  id: string;
  name: string;
  elements: readonly ElementDef[];
}

/** Parses the dictionary shorthand "M ID 2/3 Entity Identifier Code". */
export function simple(spec: string): SimpleElementDef {
  const m = /^([MOX]) (AN|ID|DT|TM|N0|N2|R|B) (\d+)\/(\d+) (.+)$/.exec(spec);
  if (!m) throw new Error(`bad element spec: ${spec}`);
  return {
    kind: 'simple',
    req: m[1] as Requirement,
    type: m[2] as ElementType,
    min: Number(m[3]),
    max: Number(m[4]),
    name: m[5] as string,
  };
}
