import { parse } from 'csv-parse/sync';

// Global surgery days from CMS's Medicare Physician Fee Schedule relative value file (PPRRVUyy_Qtr.csv
// in the RVUyyX.zip): a few title rows, a header spread over several rows whose first cell is HCPCS,
// then one row per code and modifier. The GLOB DAYS column holds 000, 010 or 090 for global
// surgery; XXX, YYY, ZZZ and MMM mean the concept does not apply (or the carrier decides).

export interface GlobalDaysProblem {
  file: string;
  line: number;
  field?: string;
  message: string;
}

export interface GlobalDaysFile {
  /** Global period in days by procedure code, for codes with a 0-, 10- or 90-day global. */
  days: Map<string, number>;
  rows: number;
  problems: GlobalDaysProblem[];
}

const CODE = /^([0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$/;
const GLOBAL = /^(000|010|090|XXX|YYY|ZZZ|MMM)$/;

/** Finds the header rows and the HCPCS, MOD and GLOB DAYS columns by name. */
function columnsOf(rows: string[][]) {
  const start = rows.findIndex((r) => r[0]?.trim().toUpperCase() === 'HCPCS');
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < rows.length && !CODE.test(rows[end]![0]?.trim() ?? '')) end++;
  const names = rows[start]!.map((_, c) =>
    rows
      .slice(start, end)
      .map((r) => r[c]?.trim() ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toUpperCase(),
  );
  const glob = names.findIndex((n) => n.startsWith('GLOB'));
  const mod = names.findIndex((n) => n === 'MOD');
  return glob < 0 ? undefined : { first: end, glob, mod };
}

/** Parses a PPRRVU CSV; every malformed row is named by line, and a file without its columns is refused. */
export function parseGlobalDays(text: string, file: string): GlobalDaysFile {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { days: new Map(), rows: 0, problems: [{ file, line: err.lines ?? 1, message: err.message }] };
  }
  const columns = columnsOf(rows);
  if (!columns)
    return {
      days: new Map(),
      rows: 0,
      problems: [
        { file, line: 1, message: 'no header row with HCPCS and GLOB DAYS columns: not a PPRRVU file' },
      ],
    };
  const days = new Map<string, number>();
  const problems: GlobalDaysProblem[] = [];
  let count = 0;
  for (let i = columns.first; i < rows.length; i++) {
    const row = rows[i]!;
    const code = row[0]?.trim() ?? '';
    if (!code && row.every((c) => !c.trim())) continue;
    const line = i + 1;
    if (!CODE.test(code)) {
      problems.push({ file, line, field: 'HCPCS', message: `"${code}" is not a CPT or HCPCS code` });
      continue;
    }
    const glob = row[columns.glob]?.trim() ?? '';
    if (!GLOBAL.test(glob)) {
      problems.push({
        file,
        line,
        field: 'GLOB DAYS',
        message: `"${glob}" is not 000, 010, 090, XXX, YYY, ZZZ or MMM`,
      });
      continue;
    }
    count++;
    // The global of the code itself (no modifier) governs; -26/-TC rows repeat it.
    const modifier = columns.mod >= 0 ? (row[columns.mod]?.trim() ?? '') : '';
    if (/^\d{3}$/.test(glob) && (!modifier || !days.has(code))) days.set(code, Number(glob));
  }
  if (count === 0)
    problems.push({ file, line: rows.length, message: 'the file holds no code rows (truncated?)' });
  return { days, rows: count, problems };
}
