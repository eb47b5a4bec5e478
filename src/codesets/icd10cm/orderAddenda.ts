/**
 * ICD-10-CM and ICD-10-PCS order-file addenda (icd10cm_order_addenda_YYYY.txt,
 * order_addenda_YYYY.txt): one change per line, action label in cols 1-13 ("Add:", "Delete:",
 * "Revise from:", "Revise to:"), then the order-file columns without the order number (CM
 * carries the header/billable flag, PCS does not). A trailer gives header and code counts; it
 * is checked against the lines read, so a file cut at a line boundary is still caught.
 */
import { fileError } from '../problems.ts';
import { displayName, readLines } from '../read/lines.ts';

export type AddendaAction = 'add' | 'delete' | 'revise-from' | 'revise-to';

export interface OrderAddendaRecord {
  action: AddendaAction;
  code: string;
  /** present in ICD-10-CM addenda only */
  billable?: boolean;
  shortDescription: string;
  longDescription: string;
}

const ACTIONS: Record<string, AddendaAction> = {
  'Add:': 'add',
  'Delete:': 'delete',
  'Revise from:': 'revise-from',
  'Revise to:': 'revise-to',
};

/**
 * Pure: one change line to a record, or a reason it is bad. Order addenda carry the order-file
 * columns (CM with the flag, PCS without); codes addenda (icd10cm_codes_addenda_YYYY.txt) carry
 * the code and one title, returned as both short and long description.
 */
export function parseAddendaLine(
  text: string,
  layout: 'order' | 'codes' = 'order',
): OrderAddendaRecord | string {
  const action = ACTIONS[text.slice(0, 13).trim()];
  if (!action) return `unknown action "${text.slice(0, 13).trim()}"`;
  const hasFlag = /^[01] /.test(text.slice(13, 15));
  const at = hasFlag ? 15 : 13;
  const code = text.slice(at, at + 7).trimEnd();
  if (!/^[0-9A-Z]{3,7}$/.test(code) || text[at + 7] !== ' ') return 'no code in the code columns';
  if (layout === 'codes') {
    const title = text.slice(at + 8).trim();
    return title === ''
      ? 'the title is missing'
      : { action, code, shortDescription: title, longDescription: title };
  }
  if (text.length < at + 69) return 'the line is shorter than the fixed layout';
  const rec: OrderAddendaRecord = {
    action,
    code,
    shortDescription: text.slice(at + 8, at + 68).trimEnd(),
    longDescription: text.slice(at + 69).trimEnd(),
  };
  if (hasFlag) rec.billable = text[13] === '1';
  return rec;
}

interface Tally {
  add: number;
  delete: number;
  revise: number;
}

export function importOrderAddenda(file: string): AsyncGenerator<OrderAddendaRecord> {
  return importAddenda(file, 'order');
}

export function importCodesAddenda(file: string): AsyncGenerator<OrderAddendaRecord> {
  return importAddenda(file, 'codes');
}

async function* importAddenda(file: string, layout: 'order' | 'codes'): AsyncGenerator<OrderAddendaRecord> {
  const name = displayName(file);
  const seen: Tally = { add: 0, delete: 0, revise: 0 };
  const stated: Tally = { add: 0, delete: 0, revise: 0 };
  let inTrailer = false;
  let sections = 0;
  for await (const l of readLines(file)) {
    if (!l.terminated)
      throw fileError(
        'FILE_TRUNCATED',
        { file: name, line: l.line },
        'last line has no line break: the file was cut short',
      );
    if (l.text.trim() === '') continue;
    if (!inTrailer && /^(Headers|Codes)\s*$/.test(l.text)) inTrailer = true;
    if (inTrailer) {
      if (/^(Headers|Codes)\s*$/.test(l.text)) sections++;
      const m = /^\s*(\d+) (additions|deletions|revisions)\s*$/.exec(l.text);
      if (m)
        stated[m[2] === 'additions' ? 'add' : m[2] === 'deletions' ? 'delete' : 'revise'] += Number(m[1]);
      continue;
    }
    const r = parseAddendaLine(l.text, layout);
    if (typeof r === 'string') throw fileError('RECORD_MALFORMED', { file: name, line: l.line }, r);
    if (r.action === 'add') seen.add++;
    else if (r.action === 'delete') seen.delete++;
    else if (r.action === 'revise-to') seen.revise++;
    yield r;
  }
  // order addenda end with a Headers and a Codes section, codes addenda with a Codes section
  if (sections < (layout === 'order' ? 2 : 1))
    throw fileError(
      'FILE_TRUNCATED',
      { file: name },
      'the trailer with header and code counts is missing: the file was cut short',
    );
  for (const k of ['add', 'delete', 'revise'] as const) {
    if (seen[k] !== stated[k]) {
      throw fileError(
        'TRAILER_MISMATCH',
        { file: name },
        `trailer states ${stated[k]} ${k} changes, the file lists ${seen[k]}`,
      );
    }
  }
}
