/**
 * NUCC Health Care Provider Taxonomy CSV (nucc_taxonomy_NNN.csv): RFC 4180 CSV with a header
 * row Code, Grouping, Classification, Specialization, Definition, Notes, Display Name, Section.
 * Quoted fields may hold commas, doubled quotes and line breaks.
 */
import { fileError } from '../problems.ts';
import { displayName, readLines } from '../read/lines.ts';

export interface TaxonomyRecord {
  code: string;
  grouping: string;
  classification: string;
  specialization: string;
  definition: string;
  notes: string;
  displayName: string;
  section: string;
}

const HEADER = [
  'Code',
  'Grouping',
  'Classification',
  'Specialization',
  'Definition',
  'Notes',
  'Display Name',
  'Section',
];

/** Pure: split CSV text that may continue a quoted field from earlier lines. Returns undefined while a quote is open. */
export function splitCsv(text: string): string[] | undefined {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return undefined;
  out.push(field);
  return out;
}

export async function* importNuccTaxonomy(file: string): AsyncGenerator<TaxonomyRecord> {
  const name = displayName(file);
  let pending = '';
  let startLine = 0;
  let header = false;
  let count = 0;
  for await (const l of readLines(file)) {
    if (pending === '') startLine = l.line;
    pending = pending === '' ? l.text : `${pending}\n${l.text}`;
    const fields = splitCsv(pending);
    const where = { file: name, line: startLine };
    if (!fields) {
      if (!l.terminated)
        throw fileError('FILE_TRUNCATED', where, 'a quoted field is never closed: the file was cut short');
      continue;
    }
    pending = '';
    if (!l.terminated)
      throw fileError('FILE_TRUNCATED', where, 'last record has no line break: the file was cut short');
    if (!header) {
      if (fields.map((f) => f.trim()).join() !== HEADER.join())
        throw fileError('RECORD_MALFORMED', where, `header is not ${HEADER.join(',')}`);
      header = true;
      continue;
    }
    if (fields.length !== HEADER.length)
      throw fileError('RECORD_MALFORMED', where, `${fields.length} fields, expected ${HEADER.length}`);
    const [code, grouping, classification, specialization, definition, notes, display, section] = fields.map(
      (f) => f.trim(),
    ) as [string, string, string, string, string, string, string, string];
    if (!/^[0-9A-Z]{9}X$/.test(code))
      throw fileError('RECORD_MALFORMED', where, `"${code}" is not a 10-character taxonomy code`);
    count++;
    yield {
      code,
      grouping,
      classification,
      specialization,
      definition,
      notes,
      displayName: display,
      section,
    };
  }
  if (pending !== '')
    throw fileError(
      'FILE_TRUNCATED',
      { file: name, line: startLine },
      'a quoted field is never closed: the file was cut short',
    );
  if (count === 0) throw fileError('FILE_TRUNCATED', { file: name, line: 1 }, 'no taxonomy codes');
}
