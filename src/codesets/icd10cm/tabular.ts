/**
 * ICD-10-CM tabular XML (icd10cm_tabular_YYYY.xml per icd10cm_tabular.xsd): chapters hold
 * sections, sections hold diag elements, and diags nest (category → subcategory → code). Each
 * level may carry instructional notes. Records are emitted when their element closes, so a
 * category comes after its codes and knows which codes its 7th-character definition applies to.
 */
import { readXmlEvents, schemaError } from '../read/xml.ts';
import type { XmlEvent } from '../read/xml.ts';
import { fileError } from '../problems.ts';
import { displayName } from '../read/lines.ts';
import { NOTE_KINDS } from './tabularNotes.ts';
import type { NoteKind, Notes, SeventhCharacter } from './tabularNotes.ts';

export interface TabularChapter {
  kind: 'chapter';
  number: string;
  description: string;
  /** category range from the chapter title "(A00-B99)" */
  first?: string;
  last?: string;
  notes: Notes;
}

export interface TabularSection {
  kind: 'section';
  /** section id as in the file, e.g. "A00-A09" */
  id: string;
  first: string;
  last: string;
  description: string;
  notes: Notes;
}

export interface TabularDiag {
  kind: 'diag';
  /** code without the dot */
  code: string;
  description: string;
  notes: Notes;
  /** enclosing diag code, when nested */
  parent?: string;
  /** sevenChrDef written at this level */
  sevenChrDef?: SeventhCharacter[];
  /** the codes (deepest tabular entries, no dot) the 7th-character definition applies to */
  sevenChrAppliesTo?: string[];
}

export type TabularRecord = TabularChapter | TabularSection | TabularDiag;

interface Frame {
  name: string;
  rec?: TabularRecord;
  notes: Notes;
  leaves: string[];
  sevenChr?: SeventhCharacter[];
}

const NOTE_SET = new Set<string>(NOTE_KINDS);

export async function* importTabular(file: string): AsyncGenerator<TabularRecord> {
  const name = displayName(file);
  const stack: Frame[] = [];
  let text = '';
  let noteKind: NoteKind | undefined;
  let extChar: string | undefined;
  let sevenChr: SeventhCharacter[] | undefined;
  let seenRoot = false;
  let count = 0;
  const owner = () => stack[stack.length - 1];
  const handle = (e: XmlEvent): TabularRecord | undefined => {
    if (e.kind === 'text') {
      text += e.text;
      return undefined;
    }
    if (e.kind === 'open') {
      text = '';
      if (e.name === 'ICD10CM.tabular') seenRoot = true;
      else if (e.name === 'chapter' || e.name === 'section' || e.name === 'diag') {
        if (!seenRoot) throw schemaError(file, e.line, e.column, 'the root element is not ICD10CM.tabular');
        stack.push({ name: e.name, notes: {}, leaves: [] });
        if (e.name === 'section') {
          const id = e.attrs.id ?? '';
          const [first, last] = id.split('-');
          owner()!.rec = {
            kind: 'section',
            id,
            first: first ?? id,
            last: last ?? first ?? id,
            description: '',
            notes: {},
          };
        }
      } else if (NOTE_SET.has(e.name) && stack.length > 0) noteKind = e.name as NoteKind;
      else if (e.name === 'sevenChrDef') sevenChr = [];
      else if (e.name === 'extension') extChar = e.attrs.char;
      return undefined;
    }
    const value = text.replace(/\s+/g, ' ').trim();
    text = '';
    const f = owner();
    switch (e.name) {
      case 'name':
        if (f?.name === 'diag') {
          if (!/^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(value))
            throw schemaError(file, e.line, e.column, `diag name "${value}" is not an ICD-10-CM code`);
          const parent = [...stack].reverse().find((s) => s !== f && s.rec?.kind === 'diag')?.rec as
            TabularDiag | undefined;
          f.rec = { kind: 'diag', code: value.replace('.', ''), description: '', notes: f.notes };
          if (parent) f.rec.parent = parent.code;
        } else if (f?.name === 'chapter')
          f.rec = { kind: 'chapter', number: value, description: '', notes: f.notes };
        break;
      case 'desc':
        if (f?.rec && f.rec.description === '') {
          f.rec.description = value;
          const m = /\(([A-Z][0-9A-Z][0-9A-Z])-([A-Z][0-9A-Z][0-9A-Z])\)\s*$/.exec(value);
          if (m && f.rec.kind === 'chapter') Object.assign(f.rec, { first: m[1], last: m[2] });
        }
        break;
      case 'note':
        if (noteKind && f) (f.notes[noteKind] ??= []).push(value);
        break;
      case 'extension':
        if (sevenChr && extChar) sevenChr.push({ char: extChar, description: value });
        extChar = undefined;
        break;
      case 'sevenChrDef':
        if (f && sevenChr) f.sevenChr = sevenChr;
        sevenChr = undefined;
        break;
      case 'chapter':
      case 'section':
      case 'diag':
        return close(e);
      default:
        if (NOTE_SET.has(e.name)) noteKind = undefined;
    }
    return undefined;
  };
  const close = (e: XmlEvent & { kind: 'close' }): TabularRecord => {
    const f = stack.pop();
    if (!f?.rec) throw schemaError(file, e.line, e.column, `${e.name} without a name or id`);
    f.rec.notes = f.notes;
    if (f.rec.kind === 'diag') {
      const leaves = f.leaves.length > 0 ? f.leaves : [f.rec.code];
      if (f.sevenChr) Object.assign(f.rec, { sevenChrDef: f.sevenChr, sevenChrAppliesTo: leaves });
      const up = owner();
      if (up?.name === 'diag') up.leaves.push(...leaves);
    }
    count++;
    return f.rec;
  };
  for await (const batch of readXmlEvents(file)) {
    for (const e of batch) {
      const r = handle(e);
      if (r) yield r;
    }
  }
  if (!seenRoot || count === 0)
    throw fileError('XML_UNEXPECTED', { file: name }, 'no ICD10CM.tabular root with chapters');
}
