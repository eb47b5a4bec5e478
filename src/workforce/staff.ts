// Pure: staff records checked, hours grouped into workweeks, credential reminders found, and a
// time sheet read from CSV. No I/O; "today" is given.
import { ROLES } from '../auth/roles.ts';
import { cellPointer as cellAt, columnKey as headerKey, csvRecords } from '../shared/csv-records.ts';
import { addDays, isIsoDate } from '../shared/dates.ts';
import type { FieldError } from '../shared/problem.ts';
import { CREDENTIALS } from './staff-schema.ts';

export const PAY_TYPES = ['hourly', 'salaried'] as const;
export type PayType = (typeof PAY_TYPES)[number];

/** A credential expiring within this many days is listed as a reminder. */
export const REMINDER_DAYS = 90;

/** A staff record as entered (new or changed). */
export interface StaffDraft {
  userId?: number | null;
  name: string;
  role: string;
  jobTitle?: string | null;
  payType: string;
  exempt: boolean;
  rateCents?: number | null;
  annualSalaryCents?: number | null;
  salariedHoursPerWeek?: number | null;
  state: string;
  remote?: boolean;
  workSetting?: string | null;
  hireDate: string;
  endDate?: string | null;
}

export interface CredentialDraft {
  credential: string;
  specialty?: string | null;
  number?: string | null;
  issuedOn?: string | null;
  expiresOn?: string | null;
  ceuRequired?: number;
  ceuEarned?: number;
}

const STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI'.split(
    ' ',
  ),
);

/** What is wrong with a staff record, each error at its field; none when it can be kept. */
export function checkStaff(d: StaffDraft): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, detail: string) => errors.push({ pointer: `/${field}`, detail });
  if (!d.name.trim()) err('name', 'a name is needed');
  if (!(ROLES as readonly string[]).includes(d.role)) err('role', `the role is one of ${ROLES.join(', ')}`);
  if (!(PAY_TYPES as readonly string[]).includes(d.payType)) err('payType', 'hourly or salaried');
  if (d.payType === 'hourly') {
    if (!d.rateCents || d.rateCents <= 0) err('rateCents', 'an hourly rate (cents) is needed');
    if (d.exempt) err('exempt', 'hourly pay is never exempt from overtime');
    if (d.annualSalaryCents != null) err('annualSalaryCents', 'hourly pay has no salary');
  }
  if (d.payType === 'salaried') {
    if (!d.annualSalaryCents || d.annualSalaryCents <= 0)
      err('annualSalaryCents', 'an annual salary (cents) is needed');
    if (d.rateCents != null) err('rateCents', 'salaried pay has no hourly rate');
    if (!d.exempt && !d.salariedHoursPerWeek)
      err('salariedHoursPerWeek', 'a non-exempt salary covers a set number of hours a week');
    if (d.salariedHoursPerWeek != null && (d.salariedHoursPerWeek < 1 || d.salariedHoursPerWeek > 40))
      err('salariedHoursPerWeek', 'between 1 and 40 hours');
  }
  if (!STATES.has(d.state)) err('state', 'a two-letter state (postal code)');
  if (d.workSetting != null && !/^\d{6}$/.test(d.workSetting))
    err('workSetting', 'a six-digit industry (NAICS) code of the wage tables, e.g. 621100');
  if (!isIsoDate(d.hireDate)) err('hireDate', 'a date YYYY-MM-DD');
  if (d.endDate != null) {
    if (!isIsoDate(d.endDate)) err('endDate', 'a date YYYY-MM-DD');
    else if (isIsoDate(d.hireDate) && d.endDate < d.hireDate) err('endDate', 'before the hire date');
  }
  return errors;
}

export function checkCredential(d: CredentialDraft): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, detail: string) => errors.push({ pointer: `/${field}`, detail });
  if (!/^[A-Z][A-Z0-9-]{1,15}$/.test(d.credential))
    err('credential', `a credential's letters, e.g. ${CREDENTIALS.slice(0, 5).join(', ')}`);
  for (const f of ['issuedOn', 'expiresOn'] as const) {
    const v = d[f];
    if (v != null && !isIsoDate(v)) err(f, 'a date YYYY-MM-DD');
  }
  if (
    d.issuedOn &&
    d.expiresOn &&
    isIsoDate(d.issuedOn) &&
    isIsoDate(d.expiresOn) &&
    d.expiresOn < d.issuedOn
  )
    err('expiresOn', 'before the date issued');
  for (const f of ['ceuRequired', 'ceuEarned'] as const) {
    const v = d[f];
    if (v != null && (!Number.isInteger(v) || v < 0 || v > 1000)) err(f, 'a whole number of CEUs, 0 to 1000');
  }
  return errors;
}

/**
 * The ISO-8601 week of a day ("2026-W48"): weeks run Monday to Sunday and belong to the year of
 * their Thursday. It is the practice's workweek for overtime (FLSA lets an employer fix any
 * 168-hour week; this one is Monday 00:00 to Sunday 24:00).
 */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Minutes by workweek, weeks in order; days of one week from any source add up. */
export function minutesByWeek(
  days: readonly { workDate: string; minutes: number }[],
): { week: string; minutes: number }[] {
  const weeks = new Map<string, number>();
  for (const d of days) {
    const w = isoWeek(d.workDate);
    weeks.set(w, (weeks.get(w) ?? 0) + d.minutes);
  }
  return [...weeks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, minutes]) => ({ week, minutes }));
}

export interface CredentialFacts {
  credentialId: number;
  staffId: number;
  staffName: string;
  credential: string;
  expiresOn: string | null;
  ceuRequired: number;
  ceuEarned: number;
}

export interface Reminder extends CredentialFacts {
  kind: 'expiring' | 'expired' | 'ceu-short';
  /** Days until expiry (negative once expired), null without an expiry date. */
  daysLeft: number | null;
  message: string;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * What a manager should act on today: a credential expired or expiring within 90 days, and one
 * whose CEUs fall short of the cycle's requirement (with its expiry, if any, within the window or
 * none known — a short count a year away is not yet news). Soonest first.
 */
export function credentialReminders(credentials: readonly CredentialFacts[], today: string): Reminder[] {
  const horizon = addDays(today, REMINDER_DAYS);
  const out: Reminder[] = [];
  for (const c of credentials) {
    const daysLeft = c.expiresOn ? daysBetween(today, c.expiresOn) : null;
    const soon = c.expiresOn !== null && c.expiresOn <= horizon;
    if (c.expiresOn !== null && c.expiresOn < today)
      out.push({ ...c, kind: 'expired', daysLeft, message: `${c.credential} expired on ${c.expiresOn}` });
    else if (soon)
      out.push({
        ...c,
        kind: 'expiring',
        daysLeft,
        message: `${c.credential} expires on ${c.expiresOn} (in ${daysLeft} days)`,
      });
    if (c.ceuEarned < c.ceuRequired && (soon || c.expiresOn === null))
      out.push({
        ...c,
        kind: 'ceu-short',
        daysLeft,
        message: `${c.credential}: ${c.ceuEarned} of ${c.ceuRequired} CEUs earned${c.expiresOn ? ` before ${c.expiresOn}` : ''}`,
      });
  }
  return out.sort(
    (a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.staffName.localeCompare(b.staffName),
  );
}

/** One day of a time sheet as read from CSV. */
export interface TimeRow {
  /** 1-based line (the header is 1). */
  row: number;
  /** The staff member, by id or by exact name as on the team page. */
  staffId?: number;
  staffName?: string;
  workDate: string;
  minutes: number;
  note?: string;
}

const TIME_COLUMNS: Record<string, 'staffId' | 'staffName' | 'workDate' | 'hours' | 'minutes' | 'note'> = {
  staffid: 'staffId',
  staff: 'staffName',
  name: 'staffName',
  staffname: 'staffName',
  date: 'workDate',
  workdate: 'workDate',
  hours: 'hours',
  minutes: 'minutes',
  note: 'note',
};
const MAX_TIME_ROWS = 10_000;
/** A day's work is at most 24 hours. */
const DAY_MINUTES = 24 * 60;

/**
 * A time sheet: columns staffId or staff (name), date, and hours (decimal, e.g. 7.5) or minutes;
 * an optional note. Every error names its row (1 is the header) and column; a sheet with any error
 * is refused whole. The same person and day twice in one sheet is an error (which one is right?).
 */
export function readTimeCsv(text: string): { rows: TimeRow[]; errors: FieldError[] } {
  const read = csvRecords(text);
  if (!('header' in read)) return { rows: [], errors: read.errors };
  const { header, body } = read;
  const fields = header.map((h) => TIME_COLUMNS[headerKey(h)]);
  const errors: FieldError[] = [];
  header.forEach((h, i) => {
    if (!fields[i]) errors.push({ pointer: cellAt(1, h), detail: `unknown column "${h}"` });
  });
  if (!fields.includes('staffId') && !fields.includes('staffName'))
    errors.push({ pointer: cellAt(1, 'staff'), detail: 'a column staffId or staff (name) is needed' });
  if (!fields.includes('workDate'))
    errors.push({ pointer: cellAt(1, 'date'), detail: 'the column date is missing' });
  if (fields.includes('hours') === fields.includes('minutes'))
    errors.push({ pointer: cellAt(1, 'hours'), detail: 'one column hours or minutes is needed (not both)' });
  if (body.length > MAX_TIME_ROWS)
    errors.push({ pointer: '/csv', detail: `${body.length} rows: at most ${MAX_TIME_ROWS} in one sheet` });
  if (errors.length) return { rows: [], errors };
  if (body.length === 0)
    return { rows: [], errors: [{ pointer: '/csv', detail: 'no rows under the header' }] };

  const rows: TimeRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const before = errors.length;
    const cell = (f: string) => {
      const c = fields.indexOf(f as never);
      return c < 0 ? '' : (cells[c] ?? '');
    };
    if (cells.length > header.length)
      errors.push({ pointer: cellAt(row, `column ${header.length + 1}`), detail: 'more cells than columns' });
    const r: TimeRow = { row, workDate: cell('workDate'), minutes: 0 };
    const id = cell('staffId');
    const name = cell('staffName');
    if (id) {
      if (/^\d{1,9}$/.test(id) && Number(id) > 0) r.staffId = Number(id);
      else errors.push({ pointer: cellAt(row, 'staffId'), detail: `"${id}" is not a staff id` });
    }
    if (name) r.staffName = name;
    if (!id && !name) errors.push({ pointer: cellAt(row, 'staff'), detail: 'no staff id or name' });
    if (!isIsoDate(r.workDate))
      errors.push({ pointer: cellAt(row, 'date'), detail: `"${r.workDate}" is not a date YYYY-MM-DD` });
    if (fields.includes('hours')) {
      const h = cell('hours');
      if (!/^\d{1,2}(\.\d{1,2})?$/.test(h))
        errors.push({ pointer: cellAt(row, 'hours'), detail: `"${h}" is not a number of hours like 7.5` });
      // Hours to the minute: 7.25 h is 435 minutes; 7.33 h rounds to 440 (half up).
      else r.minutes = Math.round(Number(h) * 60);
    } else {
      const m = cell('minutes');
      if (!/^\d{1,4}$/.test(m))
        errors.push({ pointer: cellAt(row, 'minutes'), detail: `"${m}" is not whole minutes` });
      else r.minutes = Number(m);
    }
    if (r.minutes > DAY_MINUTES)
      errors.push({
        pointer: cellAt(row, fields.includes('hours') ? 'hours' : 'minutes'),
        detail: 'more than 24 hours in a day',
      });
    const note = cell('note');
    if (note) {
      if (note.length > 500)
        errors.push({ pointer: cellAt(row, 'note'), detail: 'a note of at most 500 characters' });
      r.note = note;
    }
    if (errors.length > before) return;
    const who = `${r.staffId ?? ''}|${r.staffName ?? ''}|${r.workDate}`;
    const first = seen.get(who);
    if (first !== undefined)
      errors.push({ pointer: cellAt(row, 'date'), detail: `the same person and day as row ${first}` });
    else seen.set(who, row);
    rows.push(r);
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}
