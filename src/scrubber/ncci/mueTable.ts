/**
 * Pure MUE lookup by code and date of service. MUE files carry no dates: each quarter's file
 * replaces the previous one from the first day of its quarter, so the table keeps one Map per
 * loaded quarter and a date of service reads the latest quarter that has started by then. A code
 * missing from that quarter's file has no MUE on that date. Dates before the earliest loaded
 * quarter have no MUE (load the quarters the claims need).
 */
import { dateNumber } from './codes.ts';
import { mueQuarterStart } from './mueFile.ts';
import type { MueRecord, MueSetting } from './mueFile.ts';
import { dosNumber } from './ptpTable.ts';

export interface MueEdit extends MueRecord {
  /** first day of the quarter whose file holds this MUE (ISO) */
  effectiveDate: string;
}

export interface MueQuarter {
  /** "2026Q4" */
  quarter: string;
  /** YYYYMMDD of the quarter's first day */
  start: number;
  byCode: ReadonlyMap<string, MueEdit>;
}

export interface MueTable {
  readonly setting: MueSetting;
  /** ascending by start */
  readonly quarters: readonly MueQuarter[];
}

export function emptyMueTable(setting: MueSetting): MueTable {
  return { setting, quarters: [] };
}

/** Pure: a new table with one quarter's file added (replacing that quarter if already loaded). */
export function addMueQuarter(table: MueTable, quarter: string, records: Iterable<MueRecord>): MueTable {
  const effectiveDate = mueQuarterStart(quarter);
  const byCode = new Map<string, MueEdit>();
  for (const r of records) byCode.set(r.code, { ...r, effectiveDate });
  const q: MueQuarter = { quarter, start: dateNumber(effectiveDate), byCode };
  const quarters = [...table.quarters.filter((x) => x.quarter !== quarter), q].sort(
    (a, b) => a.start - b.start,
  );
  return { setting: table.setting, quarters };
}

export function buildMueTable(setting: MueSetting, quarter: string, records: Iterable<MueRecord>): MueTable {
  return addMueQuarter(emptyMueTable(setting), quarter, records);
}

/** Pure: the MUE for the code on the date of service ('YYYY-MM-DD'), if one applies. */
export function mueFor(table: MueTable, code: string, dateOfService: string): MueEdit | undefined {
  const dos = dosNumber(dateOfService);
  const qs = table.quarters;
  for (let i = qs.length - 1; i >= 0; i--) {
    const q = qs[i]!;
    if (q.start <= dos) return q.byCode.get(code);
  }
  return undefined;
}
