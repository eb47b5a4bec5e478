// Pure: a schedule exported as CSV → the rows an eligibility batch asks about. Every error names its
// row (1 is the header) and column, and a file with any error is refused whole: nothing half-written.
import { cellPointer as at, columnKey as key, csvRecords } from '../shared/csv-records.ts';
import { isIsoDate } from '../shared/dates.ts';
import type { FieldError } from '../shared/problem.ts';

/** One visit to ask about. The patient is found by MRN (account number) or member ID. */
export interface ScheduleRow {
  /** 1-based line of the file (the header is 1). */
  row: number;
  accountNumber?: string;
  memberId?: string;
  lastName: string;
  firstName: string;
  dateOfBirth?: string;
  dateOfService: string;
  /** The payer's X12 payer ID: which of the patient's coverages, when they have more than one. */
  payerId?: string;
}

/** The columns, by header name (case and spaces ignored); `mrn` is the account number. */
const COLUMNS: Record<string, keyof Omit<ScheduleRow, 'row'>> = {
  mrn: 'accountNumber',
  accountnumber: 'accountNumber',
  memberid: 'memberId',
  lastname: 'lastName',
  firstname: 'firstName',
  dateofbirth: 'dateOfBirth',
  dob: 'dateOfBirth',
  dateofservice: 'dateOfService',
  dos: 'dateOfService',
  payerid: 'payerId',
};
const REQUIRED = ['lastName', 'firstName', 'dateOfService'] as const;
const MAX_ROWS = 5000;

export function readScheduleCsv(text: string): { rows: ScheduleRow[]; errors: FieldError[] } {
  const read = csvRecords(text);
  if (!('header' in read)) return { rows: [], errors: read.errors };
  const { header, body } = read;
  const errors: FieldError[] = [];
  const fields = header.map((h) => COLUMNS[key(h)]);
  header.forEach((h, i) => {
    if (!fields[i]) errors.push({ pointer: at(1, h), detail: `unknown column "${h}"` });
  });
  for (const need of REQUIRED)
    if (!fields.includes(need))
      errors.push({ pointer: at(1, need), detail: `the column ${need} is missing` });
  if (!fields.includes('accountNumber') && !fields.includes('memberId'))
    errors.push({ pointer: at(1, 'mrn'), detail: 'a column mrn (account number) or memberId is needed' });
  if (body.length > MAX_ROWS)
    errors.push({ pointer: '/csv', detail: `${body.length} rows: at most ${MAX_ROWS} in one batch` });
  if (errors.length) return { rows: [], errors };
  if (body.length === 0)
    return { rows: [], errors: [{ pointer: '/csv', detail: 'no rows under the header' }] };
  const rows: ScheduleRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length > header.length)
      errors.push({ pointer: at(row, `column ${header.length + 1}`), detail: 'more cells than columns' });
    const r: Partial<ScheduleRow> = { row };
    fields.forEach((f, c) => {
      const v = cells[c] ?? '';
      if (f && v !== '') r[f] = v;
    });
    for (const need of REQUIRED)
      if (!r[need]) errors.push({ pointer: at(row, need), detail: `${need} is empty` });
    if (!r.accountNumber && !r.memberId)
      errors.push({ pointer: at(row, 'mrn'), detail: 'neither an MRN nor a member ID' });
    for (const d of ['dateOfService', 'dateOfBirth'] as const)
      if (r[d] && !isIsoDate(r[d]))
        errors.push({ pointer: at(row, d), detail: `"${r[d]}" is not a date (YYYY-MM-DD)` });
    rows.push(r as ScheduleRow);
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}
