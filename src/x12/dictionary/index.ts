import { COMPOSITES } from './composites.ts';
import { SEGMENT_DATA } from './segments-data.ts';
import { simple, type CompositeElementDef, type ElementDef, type SegmentDef } from './types.ts';

export type { SegmentDef, ElementDef, SimpleElementDef, CompositeElementDef, ElementType } from './types.ts';

function element(spec: string): ElementDef {
  const m = /^([MOX]) (C\d{3})$/.exec(spec);
  if (!m) return simple(spec);
  const id = m[2] as string;
  const [name, parts] = COMPOSITES[id] ?? [id, []];
  const def: CompositeElementDef = {
    kind: 'composite',
    id,
    name,
    req: m[1] as 'M',
    components: parts.map(simple),
  };
  return def;
}

const SEGMENTS = new Map<string, SegmentDef>(
  Object.entries(SEGMENT_DATA).map(([id, [name, els]]) => [id, { id, name, elements: els.map(element) }]),
);

/** The 005010 dictionary entry for a segment id, if we carry it. */
export function segmentDef(id: string): SegmentDef | undefined {
  return SEGMENTS.get(id);
}

/** X12 segment ids are 2–3 upper-case letters/digits starting with a letter (X12.6). */
export const isSegmentId = (id: string): boolean => /^[A-Z][A-Z0-9]{1,2}$/.test(id);
