// Pure: the X12 RARC list as exported from its web page (a table of Code and Description, each
// description ending in notes "Start: MM/DD/YYYY | Last Modified: MM/DD/YYYY | Stop: MM/DD/YYYY")
// → remark codes. Separate Start / Last Modified / Stop columns are read too. Every error names its
// row (1 is the header) and column; a file with any error is refused whole.
import { parse } from 'csv-parse/sync';
import type { FieldError } from '../shared/problem.ts';

export interface RemarkCodeRecord {
  code: string;
  text: string;
  startDate: string | null;
  lastModified: string | null;
  stopDate: string | null;
}

type Column = 'code' | 'description' | 'start' | 'lastModified' | 'stop';
const COLUMNS: Record<string, Column> = {
  code: 'code',
  rarc: 'code',
  remarkcode: 'code',
  description: 'description',
  text: 'description',
  start: 'start',
  startdate: 'start',
  lastmodified: 'lastModified',
  modified: 'lastModified',
  stop: 'stop',
  stopdate: 'stop',
};
const NOTE = {
  start: /\bStart:\s*([^|\n]*)/i,
  lastModified: /\bLast Modified:\s*([^|\n]*)/i,
  stop: /\bStop:\s*([^|\n]*)/i,
} as const;
const MAX_ROWS = 5000;

const key = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');
const at = (row: number, column: string) => `/csv/row ${row}/${column}`;

/** MM/DD/YYYY (or an ISO date) → YYYY-MM-DD; '' → null; anything else → undefined (an error). */
function usDate(v: string): string | null | undefined {
  const t = v.trim();
  if (!t) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!y || !m || !d) return undefined;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${out}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== out ? undefined : out;
}

/** The description without its trailing notes, and the notes' dates. */
function splitNotes(description: string): {
  text: string;
  notes: Partial<Record<keyof typeof NOTE, string>>;
} {
  const cut = description.search(/\s*\bStart:\s*/i);
  const text = (cut >= 0 ? description.slice(0, cut) : description).replace(/\s+/g, ' ').trim();
  const notes: Partial<Record<keyof typeof NOTE, string>> = {};
  if (cut < 0) return { text, notes };
  const tail = description.slice(cut);
  for (const k of Object.keys(NOTE) as (keyof typeof NOTE)[]) {
    const m = NOTE[k].exec(tail);
    if (m) notes[k] = m[1]!.trim();
  }
  return { text, notes };
}

export function readRarcCsv(text: string): { records: RemarkCodeRecord[]; errors: FieldError[] } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as never;
  } catch (e) {
    const err = e as Error & { lines?: number };
    const where = err.lines ? `row ${err.lines}` : 'the file';
    return { records: [], errors: [{ pointer: `/csv/${where}`, detail: `not CSV: ${err.message}` }] };
  }
  const [head, ...body] = rows;
  if (!head) return { records: [], errors: [{ pointer: '/csv', detail: 'the file is empty' }] };
  const header = head.record.map((h) => h.trim());
  const fields = header.map((h) => COLUMNS[key(h)]);
  const errors: FieldError[] = [];
  for (const need of ['code', 'description'] as const)
    if (!fields.includes(need))
      errors.push({
        pointer: at(1, need),
        detail: `the column ${need === 'code' ? 'Code' : 'Description'} is missing`,
      });
  if (body.length > MAX_ROWS)
    errors.push({ pointer: '/csv', detail: `${body.length} rows: at most ${MAX_ROWS}` });
  if (errors.length) return { records: [], errors };
  if (body.length === 0)
    return { records: [], errors: [{ pointer: '/csv', detail: 'no rows under the header' }] };
  const records: RemarkCodeRecord[] = [];
  const seen = new Map<string, number>();
  for (const { record: cells, info } of body) {
    // The row as the file numbers it: the line the record ends on (a description may span lines).
    const row = info.lines;
    const cell = (f: Column) => {
      const i = fields.indexOf(f);
      return i < 0 ? undefined : (cells[i] ?? '').trim();
    };
    if (cells.length < header.length) {
      errors.push({
        pointer: at(row, header[cells.length] ?? `column ${cells.length + 1}`),
        detail: `${cells.length} cells of ${header.length}: the row is cut short`,
      });
      continue;
    }
    const code = (cell('code') ?? '').toUpperCase();
    if (!/^[A-Z]{1,2}\d{1,4}$/.test(code)) {
      errors.push({
        pointer: at(row, 'Code'),
        detail: code ? `"${code}" is not a remark code (like N290 or MA130)` : 'the code is empty',
      });
      continue;
    }
    const first = seen.get(code);
    if (first)
      errors.push({ pointer: at(row, 'Code'), detail: `${code} is listed twice (first at row ${first})` });
    seen.set(code, row);
    const { text: words, notes } = splitNotes(cell('description') ?? '');
    if (!words) errors.push({ pointer: at(row, 'Description'), detail: `${code} has no description` });
    const dates: Partial<Record<'start' | 'lastModified' | 'stop', string | null>> = {};
    for (const k of ['start', 'lastModified', 'stop'] as const) {
      const raw = cell(k) || notes[k] || '';
      const d = usDate(raw);
      if (d === undefined)
        errors.push({
          pointer: at(row, cell(k) ? header[fields.indexOf(k)]! : 'Description'),
          detail: `${k === 'lastModified' ? 'Last Modified' : k === 'start' ? 'Start' : 'Stop'} "${raw}" is not a date MM/DD/YYYY`,
        });
      else dates[k] = d;
    }
    records.push({
      code,
      text: words,
      startDate: dates.start ?? null,
      lastModified: dates.lastModified ?? null,
      stopDate: dates.stop ?? null,
    });
  }
  return errors.length ? { records: [], errors } : { records, errors: [] };
}

/**
 * The remarks the seed mapping refines on, and others billers meet often, in our own short words
 * (not X12's text): stored as release 'seed' until the X12 list is imported over them.
 */
export const SEED_REMARKS: readonly { code: string; text: string }[] = [
  { code: 'M15', text: 'Separately billed services or tests were bundled: paid as part of another service.' },
  { code: 'M20', text: 'The HCPCS code is missing or invalid.' },
  { code: 'M51', text: 'The procedure code is missing, incomplete or invalid.' },
  { code: 'M76', text: 'The diagnosis is missing, incomplete or invalid.' },
  { code: 'M77', text: 'The place of service is missing, incomplete or invalid.' },
  { code: 'M80', text: 'Not covered when performed during the same session or date as another service.' },
  {
    code: 'M86',
    text: 'Denied because the service was paid on another claim (a duplicate or bundled service).',
  },
  { code: 'M119', text: 'The NDC (national drug code) is missing, incomplete or invalid.' },
  { code: 'MA04', text: 'Secondary payment cannot be considered without the primary payer’s information.' },
  {
    code: 'MA13',
    text: 'The claim was sent to the patient’s other insurer first: wait for or send its decision.',
  },
  { code: 'MA63', text: 'The principal diagnosis is missing or invalid.' },
  {
    code: 'MA130',
    text: 'The claim is incomplete or has invalid information and no appeal rights: correct it and send it again.',
  },
  { code: 'N4', text: 'The prior insurer’s payment or denial information is missing or invalid.' },
  { code: 'N20', text: 'Not paid separately.' },
  { code: 'N30', text: 'The patient is not eligible for this service.' },
  { code: 'N56', text: 'The procedure does not match the diagnosis under the payer’s coverage policy.' },
  { code: 'N95', text: 'The payer’s policy limits or excludes this provider type or specialty.' },
  { code: 'N115', text: 'Decided under a local coverage determination (LCD).' },
  { code: 'N130', text: 'Review the plan’s benefit limits and exclusions.' },
  { code: 'N179', text: 'The payer asked for more information and it did not arrive.' },
  { code: 'N290', text: 'The rendering provider’s identifier is missing or invalid.' },
  { code: 'N382', text: 'The patient’s identifiers are missing or invalid.' },
  { code: 'N386', text: 'Decided under a national coverage determination (NCD).' },
  { code: 'N479', text: 'The explanation of benefits (or payment) from the other payer is missing.' },
  { code: 'N522', text: 'A duplicate of a claim already processed.' },
  { code: 'N657', text: 'The service should be billed with the appropriate code for these services.' },
];
