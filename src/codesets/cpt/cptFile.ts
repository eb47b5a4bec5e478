/**
 * AMA CPT data files, which a licensed user imports (CPT descriptions are AMA copyright and are
 * never shipped). Three layouts of the AMA "CPT data files" are read, told apart by the first
 * code line:
 *  - tab-delimited (LONGULT.txt, LONGUT.txt): code, a tab, the description;
 *  - fixed (SHORTU.txt, MEDU.txt): code in cols 1-5, a blank in col 6, the description from col 7;
 *  - fixed with a sequence (LONGULF.txt, LONGUF.txt): code cols 1-5, a 2-digit sequence in cols
 *    6-7, a blank in col 8, the description from col 9; a description longer than one record
 *    continues on lines with the same code and the next sequence number.
 * The AMA copyright notice may come first; lines before the first code line are skipped (at most
 * HEADER_LIMIT). After it every line must follow the layout. Pure: text in, records and every
 * problem out, each with the file and line.
 */
import { problem, type CodesetProblem } from '../problems.ts';

export interface CptRecord {
  code: string;
  description: string;
}

/** A CPT code as a code-list entry (what validation and search read). */
export const cptConcept = (r: CptRecord) => ({ code: r.code, display: r.description });

export type CptLayout = 'tab' | 'fixed' | 'sequenced';

export interface CptParse {
  layout?: CptLayout;
  records: CptRecord[];
  /** lines before the first code (the copyright notice) */
  headerLines: number;
  problems: CodesetProblem[];
}

/** Category I: 5 digits; Category II ends in F, Category III in T, PLA codes in U. */
export const CPT_CODE = /^\d{4}[0-9FTU]$/;
const HEADER_LIMIT = 200;

function layoutOf(text: string): CptLayout | undefined {
  if (!CPT_CODE.test(text.slice(0, 5))) return undefined;
  if (text[5] === '\t') return 'tab';
  if (/^\d\d $/.test(text.slice(5, 8))) return 'sequenced';
  return text[5] === ' ' ? 'fixed' : undefined;
}

const LAYOUT_WHY: Record<CptLayout, string> = {
  tab: 'code, a tab, then the description',
  fixed: 'code in cols 1-5, a blank in col 6, the description from col 7',
  sequenced: 'code in cols 1-5, sequence in cols 6-7, a blank in col 8, the description from col 9',
};

interface Field {
  code: string;
  sequence?: number;
  description: string;
}

function fields(text: string, layout: CptLayout): Field | undefined {
  if (layoutOf(text) !== layout) return undefined;
  const code = text.slice(0, 5);
  if (layout === 'tab') {
    const parts = text.split('\t');
    return parts.length === 2 ? { code, description: parts[1]!.trim() } : undefined;
  }
  if (layout === 'fixed') return { code, description: text.slice(6).trim() };
  return { code, sequence: Number(text.slice(5, 7)), description: text.slice(8).trim() };
}

interface State extends CptParse {
  file: string;
  firstLine: Map<string, number>;
  last?: { record: CptRecord; sequence: number };
}

const fail = (s: State, line: number, why: string) =>
  s.problems.push(problem('RECORD_MALFORMED', { file: s.file, line }, why));
const seq = (n: number) => String(n).padStart(2, '0');

/** A sequenced line numbered 02, 03 … continues the description of the line before it. */
function continueDescription(s: State, f: Field, line: number): void {
  const last = s.last;
  if (last?.record.code !== f.code || last.sequence !== f.sequence! - 1)
    return void fail(
      s,
      line,
      `${f.code} ${seq(f.sequence!)} does not follow ${f.code} ${seq(f.sequence! - 1)}`,
    );
  last.record.description = `${last.record.description} ${f.description}`.trim();
  last.sequence = f.sequence!;
}

function readLine(s: State, raw: string, line: number): void {
  s.layout ??= layoutOf(raw);
  if (!s.layout) {
    s.headerLines = line;
    if (line === HEADER_LIMIT)
      fail(s, line, `no CPT code line in the first ${HEADER_LIMIT} lines: not an AMA CPT data file`);
    return;
  }
  const f = fields(raw, s.layout);
  if (!f) return void fail(s, line, `not a CPT record (${LAYOUT_WHY[s.layout]}): "${raw.slice(0, 40)}"`);
  if (f.sequence !== undefined && f.sequence !== 1) return continueDescription(s, f, line);
  if (f.description === '') return void fail(s, line, `CPT ${f.code} has no description`);
  const seen = s.firstLine.get(f.code);
  if (seen !== undefined) return void fail(s, line, `CPT ${f.code} appears again (first on line ${seen})`);
  s.firstLine.set(f.code, line);
  const record = { code: f.code, description: f.description };
  s.last = { record, sequence: 1 };
  s.records.push(record);
}

export function parseCptText(text: string, file: string): CptParse {
  const s: State = { file, records: [], headerLines: 0, problems: [], firstLine: new Map() };
  const lines = text.split(/\r?\n/);
  const cutShort = lines[lines.length - 1] !== '';
  if (!cutShort) lines.pop();
  lines.forEach((raw, i) => raw.trim() !== '' && readLine(s, raw, i + 1));
  const end = { file, line: Math.max(1, lines.length) };
  if (cutShort && s.records.length > 0)
    s.problems.push(
      problem('FILE_TRUNCATED', end, 'the last line has no line break: the file was cut short'),
    );
  if (s.records.length === 0 && s.problems.length === 0)
    s.problems.push(problem('FILE_TRUNCATED', end, 'the file holds no CPT codes'));
  const { layout, records, headerLines, problems } = s;
  return { ...(layout ? { layout } : {}), records, headerLines, problems };
}

/** Windows-1252 bytes 0x80-0x9F (the rest of the code page is Latin-1); undefined slots stay as they are. */
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** AMA files are ASCII or UTF-8; older copies are Windows-1252 (a ® or an en dash in a description). */
export function decodeCptBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let text = '';
    for (const b of bytes) text += b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b);
    return text;
  }
}
