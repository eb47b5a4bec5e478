/**
 * ICD-10-CM Alphabetic Index XML (icd10cm_index.xsd): the Index to Diseases and Injuries, the
 * External Cause index, and the Table of Drugs and Chemicals and Neoplasm Table
 * (icd10cm_drug_neoplasm.xsd, where each term has one <cell> per table column). Terms nest by
 * level; each record carries the path of titles from its main term. Codes may be partial
 * (ending in "-": the coder must complete them from the tabular list).
 */
import { readXmlEvents, schemaError } from '../read/xml.ts';
import type { XmlEvent } from '../read/xml.ts';
import { fileError } from '../problems.ts';
import { displayName } from '../read/lines.ts';

export type IndexKind = 'index' | 'external-cause' | 'drug' | 'neoplasm';

export interface IndexCode {
  /** without the dot or trailing dash */
  code: string;
  /** true when the index gives the code with a trailing "-" */
  partial: boolean;
}

export interface IndexCell extends IndexCode {
  /** the table column heading, e.g. "Poisoning Accidental (unintentional)" or "Malignant Primary" */
  column: string;
}

export interface IndexTerm {
  kind: IndexKind;
  letter: string;
  /** 0 for a main term, then the term's level attribute */
  level: number;
  title: string;
  /** nonessential modifiers (in parentheses in the printed index) */
  nonessential: string[];
  /** titles from the main term down to this term */
  path: string[];
  code?: IndexCode;
  /** manifestation code, printed in brackets after the etiology code */
  manifestation?: IndexCode;
  /** text of a neoplasm-table <manif> that is not a code (e.g. "ventral surface of tongue") */
  siteNote?: string;
  see?: string;
  seeAlso?: string;
  seeCategory?: string;
  cells?: IndexCell[];
}

export function parseIndexCode(raw: string): IndexCode | undefined {
  const t = raw.trim();
  if (!/^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{0,4})?-?$/.test(t)) return undefined;
  return { code: t.replace('.', '').replace(/-$/, ''), partial: t.endsWith('-') };
}

interface Frame {
  term: IndexTerm;
  emitted: boolean;
}

export async function* importAlphabeticIndex(file: string): AsyncGenerator<IndexTerm> {
  const name = displayName(file);
  const heads = new Map<string, string>();
  const stack: Frame[] = [];
  let kind: IndexKind = 'index';
  let letter = '';
  let text = '';
  let nemod = '';
  let inNemod = false;
  let cellCol = '';
  let root = false;
  let count = 0;
  const ready: IndexTerm[] = [];
  const flush = (f: Frame | undefined) => {
    if (f && !f.emitted) {
      f.emitted = true;
      ready.push(f.term);
      count++;
    }
  };
  const handle = (e: XmlEvent) => {
    if (e.kind === 'text') {
      if (inNemod) nemod += e.text;
      else text += e.text;
      return;
    }
    const top = stack[stack.length - 1];
    if (e.kind === 'open') {
      if (e.name === 'nemod') {
        inNemod = true;
        nemod = '';
        return;
      }
      text = '';
      if (e.name === 'ICD10CM.index') root = true;
      else if (e.name === 'mainTerm' || e.name === 'term') {
        if (!root || !letter)
          throw schemaError(file, e.line, e.column, `${e.name} outside a letter of ICD10CM.index`);
        flush(top);
        const level = e.name === 'mainTerm' ? 0 : Number(e.attrs.level);
        if (!Number.isInteger(level) || level < 0)
          throw schemaError(file, e.line, e.column, `term level "${e.attrs.level}" is not a number`);
        stack.push({
          term: { kind, letter, level, title: '', nonessential: [], path: [...(top?.term.path ?? [])] },
          emitted: false,
        });
      } else if (e.name === 'cell') cellCol = e.attrs.col ?? '';
      else if (e.name === 'head') cellCol = e.attrs.col ?? '';
      return;
    }
    const value = text.replace(/\s+/g, ' ').trim();
    switch (e.name) {
      case 'nemod':
        inNemod = false;
        if (top) top.term.nonessential.push(nemod.replace(/\s+/g, ' ').trim());
        return;
      case 'head':
        heads.set(cellCol, value);
        if (cellCol === '1')
          kind = /substance/i.test(value) ? 'drug' : /neoplasm/i.test(value) ? 'neoplasm' : kind;
        break;
      case 'title':
        if (top) {
          top.term.title = value;
          top.term.path.push(value);
        } else if (stack.length === 0 && /EXTERNAL CAUSE/i.test(value)) kind = 'external-cause';
        else if (stack.length === 0) letter = value;
        break;
      case 'code': {
        const c = parseIndexCode(value);
        if (!c) throw schemaError(file, e.line, e.column, `"${value}" is not an ICD-10-CM code`);
        if (top) top.term.code = c;
        break;
      }
      case 'manif': {
        // in the index a manifestation code; in the neoplasm table sometimes a site phrase
        const c = parseIndexCode(value);
        if (top && c) top.term.manifestation = c;
        else if (top) top.term.siteNote = value;
        break;
      }
      case 'cell': {
        if (!top || /^-*$/.test(value)) break; // "--" and "-" mark an empty table cell
        const c = parseIndexCode(value);
        if (!c) throw schemaError(file, e.line, e.column, `table cell "${value}" is not an ICD-10-CM code`);
        (top.term.cells ??= []).push({ ...c, column: heads.get(cellCol) ?? `column ${cellCol}` });
        break;
      }
      case 'see':
        if (top) top.term.see = value;
        break;
      case 'seeAlso':
        if (top) top.term.seeAlso = value;
        break;
      case 'seecat':
      case 'subcat':
        if (top) top.term.seeCategory = value;
        break;
      case 'mainTerm':
      case 'term':
        flush(stack.pop());
        break;
      case 'letter':
        letter = '';
        break;
    }
    text = '';
  };
  for await (const batch of readXmlEvents(file)) {
    for (const e of batch) handle(e);
    yield* ready;
    ready.length = 0;
  }
  if (!root || count === 0)
    throw fileError('XML_UNEXPECTED', { file: name }, 'no ICD10CM.index root with terms');
}
