/**
 * Thin edge: stream an official file into a lookup table. Rows with problems are left out and
 * reported; the caller decides whether a file with error problems may be used (a truncated file
 * should not be: its table is incomplete).
 */
import { importMues } from './mueFile.ts';
import type { MueRecord, MueSetting } from './mueFile.ts';
import { addMueQuarter, emptyMueTable } from './mueTable.ts';
import type { MueTable } from './mueTable.ts';
import type { NcciProblem } from './problems.ts';
import { importPtpEdits } from './ptpFile.ts';
import { ptpTableBuilder } from './ptpTable.ts';
import type { PtpSetting, PtpTable } from './ptpTable.ts';
import type { Source } from './read/lines.ts';
import type { ImportOptions } from './read/tabFile.ts';

export interface Loaded<T> {
  table: T;
  rowsLoaded: number;
  problems: NcciProblem[];
  /** true when no problem is an error: the table holds the whole file */
  complete: boolean;
}

/**
 * One table from one file or several: CMS splits the practitioner PTP edits into parts
 * (ccipra-vNNNr0-f1 … f4); pass them all, in order.
 */
export async function loadPtpTable(
  sources: Source | readonly Source[],
  options: ImportOptions & { setting: PtpSetting; expectedRows?: number },
): Promise<Loaded<PtpTable>> {
  const builder = ptpTableBuilder(options.setting, options.expectedRows);
  const problems: NcciProblem[] = [];
  let rowsLoaded = 0;
  for (const source of Array.isArray(sources) ? (sources as readonly Source[]) : [sources as Source]) {
    for await (const batch of importPtpEdits(source, options)) {
      for (const edit of batch.rows) builder.add(edit);
      rowsLoaded += batch.rows.length;
      problems.push(...batch.problems);
    }
  }
  return {
    table: builder.build(),
    rowsLoaded,
    problems,
    complete: !problems.some((p) => p.severity === 'error'),
  };
}

/** Adds one quarter's MUE file to a table (a new one when none is given). */
export async function loadMueQuarter(
  source: Source,
  options: ImportOptions & { setting: MueSetting; quarter: string; table?: MueTable },
): Promise<Loaded<MueTable>> {
  const records: MueRecord[] = [];
  const problems: NcciProblem[] = [];
  for await (const batch of importMues(source, options)) {
    records.push(...batch.rows);
    problems.push(...batch.problems);
  }
  const table = addMueQuarter(options.table ?? emptyMueTable(options.setting), options.quarter, records);
  return {
    table,
    rowsLoaded: records.length,
    problems,
    complete: !problems.some((p) => p.severity === 'error'),
  };
}
