/**
 * In-memory ICD-10-PCS table for one release: order-file titles plus, when imported, the table
 * rows. Validity follows the tables (a code is valid only when one row of its table allows the
 * combination of axes 4-7); the order file supplies titles and is the fallback authority.
 */
import type { OrderFileRecord } from '../icd10cm/orderFile.ts';
import type { PcsTable } from '../icd10pcs/tables.ts';
import type { Release } from '../release/release.ts';
import { buildCodeTable } from './cmTable.ts';
import type { CodeEntry } from './cmTable.ts';

export interface PcsRowIndex {
  /** titles of axes 1-3 */
  header: string[];
  /** per row, the allowed characters of axes 4-7 (e.g. ["6", "034", "7JK", "012345678AB"]) */
  rows: string[][];
}

export interface PcsCodeTable {
  release: Release;
  codes: Map<string, CodeEntry>;
  sorted: string[];
  /** undefined when the tables XML was not imported */
  tables?: Map<string, PcsRowIndex>;
}

export function buildPcsTable(
  release: Release,
  records: Iterable<OrderFileRecord>,
  tables?: Iterable<PcsTable>,
): PcsCodeTable {
  const t: PcsCodeTable = buildCodeTable(release, records);
  if (tables) {
    t.tables = new Map();
    for (const table of tables) {
      t.tables.set(table.prefix, {
        header: table.header.map((a) => a.values[0]?.label ?? ''),
        rows: table.rows.map((r) => r.axes.map((a) => a.values.map((v) => v.code).join(''))),
      });
    }
  }
  return t;
}

/** Pure: does one row of the code's table allow it? Returns why not, or undefined when valid. */
export function pcsRowCheck(tables: Map<string, PcsRowIndex>, code: string): string | undefined {
  const t = tables.get(code.slice(0, 3));
  if (!t) return `there is no ICD-10-PCS table ${code.slice(0, 3)} (section, body system, root operation)`;
  for (const row of t.rows) {
    if (row.every((allowed, i) => allowed.includes(code[3 + i] as string))) return undefined;
  }
  const bodyPartRows = t.rows.filter((r) => r[0]?.includes(code[3] as string));
  const detail =
    bodyPartRows.length === 0
      ? `body part ${code[3]} is not in table ${code.slice(0, 3)}`
      : `no row with body part ${code[3]} allows approach ${code[4]}, device ${code[5]} and qualifier ${code[6]} together`;
  return `${detail} (${t.header.join(', ')})`;
}
