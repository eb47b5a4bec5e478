/**
 * One reader for both official layouts: CMS ships PTP and MUE files as tab-delimited .txt with a
 * few copyright/notice lines before the column header row. The reader skips lines until the
 * layout's header row, skips up to three header continuation lines (the date-format row some
 * releases print under the header), then parses every row with the layout's pure `parseRow`.
 * A bad row becomes a problem naming file, line, column and field, and reading goes on; problems
 * past `maxProblems` are counted in one closing problem, so no bad row vanishes unreported.
 */
import { ncciProblem } from '../problems.ts';
import type { NcciProblem } from '../problems.ts';
import { ReadFault, readLineBatches, sourceName } from './lines.ts';
import type { Line, Source } from './lines.ts';

/** A rejected row: the 1-based column at fault and why. */
export interface RowFault {
  fault: true;
  column: number;
  why: string;
}

export function rowFault(column: number, why: string): RowFault {
  return { fault: true, column, why };
}

export interface TabLayout<T> {
  /** what the file is, for messages: "NCCI PTP edit file" */
  title: string;
  /** field names as the CMS header prints them, in column order */
  fields: readonly string[];
  /** true for the column header row (cells trimmed, quotes removed) */
  isHeaderRow(cells: readonly string[]): boolean;
  /** checks the header row once found; a string is why it does not fit */
  checkHeader?(cells: readonly string[]): string | undefined;
  parseRow(cells: readonly string[]): T | RowFault;
}

export interface ImportOptions {
  /** name to report in problems (default: the file's base name) */
  file?: string;
  /** problems listed before the rest are only counted (default 100) */
  maxProblems?: number;
}

/** One chunk of the file: the rows read and the problems found in it. */
export interface ImportBatch<T> {
  rows: T[];
  problems: NcciProblem[];
}

const HEADER_SEARCH_LINES = 50;
const MAX_CONTINUATION_LINES = 3;

export function splitCells(text: string): string[] {
  const cells = text.split('\t');
  // Exports from the .xlsx add trailing empty cells; they carry nothing.
  while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
}

export function headerCell(cell: string): string {
  return cell.trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ').toLowerCase();
}

function isFault(x: unknown): x is RowFault {
  return (x as Partial<RowFault>).fault === true;
}

/** Where a reading stands: which part of the file, and what was counted. */
interface Reading<T> {
  file: string;
  layout: TabLayout<T>;
  max: number;
  listed: number;
  unlisted: number;
  part: 'preamble' | 'afterHeader' | 'rows';
  continuation: number;
  rowCount: number;
  lastLine: number;
}

function report<T>(r: Reading<T>, out: NcciProblem[], p: NcciProblem): void {
  if (r.listed < r.max) {
    out.push(p);
    r.listed++;
  } else r.unlisted++;
}

function notThisLayout<T>(r: Reading<T>, line: number, within: string): NcciProblem {
  const { fields, title } = r.layout;
  return ncciProblem(
    'NCCI-HEADER',
    { file: r.file, line },
    `no ${fields[0]} / ${fields[1]} header row${within}: this is not a ${title} in the CMS layout`,
  );
}

/** Reads one line into the batch; 'stop' when the file cannot be read as this layout. */
function readLine<T>(r: Reading<T>, l: Line, batch: ImportBatch<T>): 'stop' | undefined {
  r.lastLine = l.line;
  const where = { file: r.file, line: l.line };
  if (!l.terminated) {
    const why = `the last line has no line break: the file was cut short, so line ${l.line} ("${l.text.slice(0, 40)}") was not loaded`;
    report(r, batch.problems, ncciProblem('NCCI-FILE-TRUNCATED', where, why));
    return undefined;
  }
  if (l.text.trim() === '') return undefined;
  const cells = splitCells(l.text);
  if (r.part === 'preamble') {
    if (r.layout.isHeaderRow(cells.map(headerCell))) {
      const bad = r.layout.checkHeader?.(cells.map(headerCell));
      if (bad !== undefined) batch.problems.push(ncciProblem('NCCI-HEADER', where, bad));
      r.part = 'afterHeader';
      return bad === undefined ? undefined : 'stop';
    }
    if (l.line <= HEADER_SEARCH_LINES) return undefined;
    batch.problems.push(notThisLayout(r, l.line, ` in the first ${HEADER_SEARCH_LINES} lines`));
    return 'stop';
  }
  // The header may go on over a few lines ("prior to 1996", "Date", "*=no data", "0=not allowed"):
  // they have an empty first cell and no code.
  if (r.part === 'afterHeader') {
    const more = r.continuation < MAX_CONTINUATION_LINES && (cells[0] ?? '').trim() === '';
    if (more && !/\d{5}/.test(l.text)) {
      r.continuation++;
      return undefined;
    }
    r.part = 'rows';
  }
  const row = r.layout.parseRow(cells);
  if (!isFault(row)) {
    batch.rows.push(row);
    r.rowCount++;
    return undefined;
  }
  const field = r.layout.fields[row.column - 1] ?? `column ${row.column}`;
  const p = ncciProblem(
    'NCCI-ROW-MALFORMED',
    { ...where, column: row.column, field },
    `${row.why}; the row was not loaded`,
  );
  report(r, batch.problems, p);
  return undefined;
}

/** What the end of the file says: a read failure, a missing header or rows, and the uncounted rest. */
function closingProblems<T>(r: Reading<T>, fault: ReadFault | undefined): NcciProblem[] {
  const out: NcciProblem[] = [];
  const at = { file: r.file, line: r.lastLine + 1 };
  if (fault) {
    const line = fault.afterLine + 1;
    out.push(
      fault.truncated
        ? ncciProblem(
            'NCCI-FILE-TRUNCATED',
            { file: r.file, line },
            `the compressed file ends early (${fault.message}): rows after line ${fault.afterLine} are missing`,
          )
        : ncciProblem(
            'NCCI-FILE-UNREADABLE',
            { file: r.file, line },
            `cannot read past line ${fault.afterLine}: ${fault.message}`,
          ),
    );
  } else if (r.part === 'preamble' && r.lastLine === 0) {
    out.push(ncciProblem('NCCI-FILE-TRUNCATED', at, 'the file is empty'));
  } else if (r.part === 'preamble') {
    out.push(notThisLayout(r, at.line, ''));
  } else if (r.rowCount === 0 && r.listed + r.unlisted === 0) {
    out.push(ncciProblem('NCCI-FILE-TRUNCATED', at, 'the file has its header but no rows: it was cut short'));
  }
  if (r.unlisted > 0) {
    const why = `${r.unlisted} more problem(s) after the first ${r.max} are not listed; those rows were not loaded either`;
    out.push(ncciProblem('NCCI-TOO-MANY-PROBLEMS', { file: r.file }, why));
  }
  return out;
}

export async function* importTabFile<T>(
  source: Source,
  layout: TabLayout<T>,
  options: ImportOptions = {},
): AsyncGenerator<ImportBatch<T>> {
  const r: Reading<T> = {
    file: sourceName(source, options.file),
    layout,
    max: options.maxProblems ?? 100,
    listed: 0,
    unlisted: 0,
    part: 'preamble',
    continuation: 0,
    rowCount: 0,
    lastLine: 0,
  };
  let fault: ReadFault | undefined;
  try {
    for await (const lines of readLineBatches(source)) {
      const batch: ImportBatch<T> = { rows: [], problems: [] };
      for (const l of lines) {
        if (readLine(r, l, batch) === 'stop') {
          yield batch;
          return;
        }
      }
      if (batch.rows.length > 0 || batch.problems.length > 0) yield batch;
    }
  } catch (e) {
    if (!(e instanceof ReadFault)) throw e;
    fault = e;
  }
  const end = closingProblems(r, fault);
  if (end.length > 0) yield { rows: [], problems: end };
}
