/**
 * ICD-10-PCS Index XML (icd10pcs_index_YYYY.xml, root ICD10PCS.index): main terms and nested
 * terms that point to a full code (<code>), a code prefix to complete in the tables (<codes>,
 * 3-6 characters), a table (<see>…<tab>), another term (<see>) or a body-part/device value
 * (<use>). Held for FY2025 only.
 */
import { readXmlEvents, schemaError } from '../read/xml.ts';
import type { XmlEvent } from '../read/xml.ts';
import { fileError } from '../problems.ts';
import { displayName } from '../read/lines.ts';

export interface PcsIndexTerm {
  letter: string;
  level: number;
  title: string;
  path: string[];
  /** a complete 7-character code */
  code?: string;
  /** a code prefix to complete from the table */
  codePrefix?: string;
  see?: string;
  /** table (3 characters) named by a see reference */
  seeTable?: string;
  use?: string;
}

interface Frame {
  t: PcsIndexTerm;
  emitted: boolean;
}

export async function* importPcsIndex(file: string): AsyncGenerator<PcsIndexTerm> {
  const name = displayName(file);
  const stack: Frame[] = [];
  const ready: PcsIndexTerm[] = [];
  let letter = '';
  let text = '';
  let seeText = '';
  let inSee = false;
  let inCodes = false;
  let codesText = '';
  let root = false;
  let count = 0;
  const flush = (f: Frame | undefined) => {
    if (f && !f.emitted) {
      f.emitted = true;
      ready.push(f.t);
      count++;
    }
  };
  const handle = (e: XmlEvent) => {
    const top = stack[stack.length - 1];
    if (e.kind === 'text') {
      if (inCodes) codesText += e.text;
      else text += e.text;
      if (inSee && !inCodes) seeText += e.text;
      return;
    }
    if (e.kind === 'open') {
      if (e.name === 'tab' || e.name === 'codes') {
        [inCodes, codesText] = [true, ''];
        return;
      }
      text = '';
      if (e.name === 'ICD10PCS.index') root = true;
      else if (e.name === 'see') [inSee, seeText] = [true, ''];
      else if (e.name === 'mainTerm' || e.name === 'term') {
        if (!root || !letter)
          throw schemaError(file, e.line, e.column, `${e.name} outside a letter of ICD10PCS.index`);
        flush(top);
        const level = e.name === 'mainTerm' ? 0 : Number(e.attrs.level);
        stack.push({ t: { letter, level, title: '', path: [...(top?.t.path ?? [])] }, emitted: false });
      }
      return;
    }
    const value = text.replace(/\s+/g, ' ').trim();
    if (e.name === 'tab' || e.name === 'codes') {
      inCodes = false;
      const ref = codesText.trim();
      if (!/^[0-9A-HJ-NP-Z]{3,7}$/.test(ref))
        throw schemaError(file, e.line, e.column, `"${ref}" is not an ICD-10-PCS table or code prefix`);
      if (top && e.name === 'tab') top.t.seeTable = ref;
      if (top && e.name === 'codes') top.t.codePrefix = ref;
      return;
    }
    switch (e.name) {
      case 'title':
        if (top) {
          top.t.title = value;
          top.t.path.push(value);
        } else if (stack.length === 0) letter = value;
        break;
      case 'code':
        if (!/^[0-9A-HJ-NP-Z]{7}$/.test(value))
          throw schemaError(file, e.line, e.column, `"${value}" is not an ICD-10-PCS code`);
        if (top) top.t.code = value;
        break;
      case 'see':
        inSee = false;
        if (top) top.t.see = seeText.replace(/\s+/g, ' ').trim();
        break;
      case 'use':
        if (top) top.t.use = value;
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
    throw fileError('XML_UNEXPECTED', { file: name }, 'no ICD10PCS.index root with terms');
}
