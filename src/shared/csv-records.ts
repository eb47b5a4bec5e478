// Pure: a CSV file's header and rows as text cells, or why it is not CSV. The readers of uploaded
// sheets (eligibility schedules, time sheets) build on it and name each later error by its row.
import { parse } from 'csv-parse/sync';
import type { FieldError } from './field-error.ts';

/** Header and body rows (cells trimmed, blank lines skipped), or one error saying where parsing stopped. */
export function csvRecords(
  text: string,
): { header: string[]; body: string[][]; errors: [] } | { errors: [FieldError] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as Error & { lines?: number };
    const where = err.lines ? `row ${err.lines}` : 'the file';
    return { errors: [{ pointer: `/csv/${where}`, detail: `not CSV: ${err.message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { errors: [{ pointer: '/csv', detail: 'the file is empty' }] };
  return { header, body, errors: [] };
}

/** A header matched case- and space-blind: "Date of Service" and "dateofservice" are one column. */
export const columnKey = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

/** Where a cell is, for an error: row (1 is the header) and column. */
export const cellPointer = (row: number, column: string) => `/csv/row ${row}/${column}`;
