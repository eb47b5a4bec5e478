/**
 * Tabular instructional notes (ICD-10-CM Official Guidelines Section I.A) in memory, keyed by the
 * code, section or chapter they are written under. Notes under a category apply to every code
 * beneath it (I.A.12-13), so lookups walk up the code's ancestors and the ranges containing it.
 */
export type NoteKind =
  | 'inclusionTerm'
  | 'includes'
  | 'excludes1'
  | 'excludes2'
  | 'codeFirst'
  | 'useAdditionalCode'
  | 'codeAlso'
  | 'notes'
  | 'sevenChrNote';

export const NOTE_KINDS: readonly NoteKind[] = [
  'inclusionTerm',
  'includes',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
];

export type Notes = Partial<Record<NoteKind, string[]>>;

export interface SeventhCharacter {
  char: string;
  description: string;
}

export interface RangeNotes {
  /** first and last category of a chapter or section, e.g. E08 and E13 */
  first: string;
  last: string;
  notes: Notes;
}

export interface TabularNotes {
  byCode: Map<string, Notes>;
  sevenChr: Map<string, SeventhCharacter[]>;
  ranges: RangeNotes[];
}

export function emptyTabularNotes(): TabularNotes {
  return { byCode: new Map(), sevenChr: new Map(), ranges: [] };
}

/** A code reference inside a note: a prefix (E11.- → E11), one code, or a category range. */
export interface CodeRef {
  from: string;
  to: string;
  prefix: boolean;
}

const REF =
  /\b([A-Z][0-9A-Z][0-9A-Z](?:\.[0-9A-Z]{0,4})?)(-?)(?:-([A-Z][0-9A-Z][0-9A-Z](?:\.[0-9A-Z]{0,4})?)-?)?(?=[\s,;)]|$)/g;

/** Pure: the code references in a note's text, e.g. "type 2 diabetes mellitus (E11.-)". */
export function codeRefs(text: string): CodeRef[] {
  const out: CodeRef[] = [];
  for (const paren of text.matchAll(/\(([^()]*)\)/g)) {
    for (const m of (paren[1] ?? '').matchAll(REF)) {
      const from = (m[1] as string).replace('.', '');
      const to = m[3]?.replace('.', '');
      out.push(
        to
          ? { from, to, prefix: true }
          : { from, to: from, prefix: m[2] === '-' || m[1]?.endsWith('.') === true },
      );
    }
  }
  return out;
}

/** Pure: does a code (no dot) fall under a reference? A bare code also covers codes beneath it. */
export function refMatches(ref: CodeRef, code: string): boolean {
  if (ref.from === ref.to) return code.startsWith(ref.from);
  const n = ref.from.length;
  const head = code.slice(0, n);
  return head >= ref.from && code.slice(0, ref.to.length) <= ref.to;
}

/** Pure: every note of one kind that applies to a code (its own, its ancestors', its ranges'). */
export function notesFor(
  tab: TabularNotes,
  code: string,
  kind: NoteKind,
): { source: string; text: string }[] {
  const out: { source: string; text: string }[] = [];
  for (let n = code.length; n >= 3; n--) {
    const at = code.slice(0, n);
    for (const text of tab.byCode.get(at)?.[kind] ?? []) out.push({ source: at, text });
  }
  const cat = code.slice(0, 3);
  for (const r of tab.ranges) {
    if (cat >= r.first && cat <= r.last)
      for (const text of r.notes[kind] ?? []) out.push({ source: `${r.first}-${r.last}`, text });
  }
  return out;
}

/** Pure: the 7th characters defined for a code or its nearest ancestor. */
export function seventhCharactersFor(tab: TabularNotes, code: string): SeventhCharacter[] | undefined {
  for (let n = Math.min(code.length, 6); n >= 3; n--) {
    const defs = tab.sevenChr.get(code.slice(0, n));
    if (defs) return defs;
  }
  return undefined;
}

/** Pure: gather imported tabular records into lookup maps. */
export function buildTabularNotes(
  records: Iterable<
    | { kind: 'diag'; code: string; notes: Notes; sevenChrDef?: SeventhCharacter[] }
    | { kind: 'section' | 'chapter'; first?: string; last?: string; notes: Notes }
  >,
): TabularNotes {
  const tab = emptyTabularNotes();
  for (const r of records) {
    if (r.kind === 'diag') {
      if (Object.keys(r.notes).length > 0) tab.byCode.set(r.code, r.notes);
      if (r.sevenChrDef) tab.sevenChr.set(r.code, r.sevenChrDef);
    } else if (r.first && r.last && Object.keys(r.notes).length > 0) {
      tab.ranges.push({ first: r.first, last: r.last, notes: r.notes });
    }
  }
  return tab;
}
