import { describe, expect, it } from 'vitest';
import {
  checkCredential,
  checkStaff,
  credentialReminders,
  isoWeek,
  minutesByWeek,
  readTimeCsv,
} from './staff.ts';

const hourly = {
  name: 'Dana Coder',
  role: 'coder',
  payType: 'hourly',
  exempt: false,
  rateCents: 2800,
  state: 'OH',
  workSetting: '621100',
  hireDate: '2024-03-04',
};

describe('staff records', () => {
  it('keeps a record that holds together', () => {
    expect(checkStaff(hourly)).toEqual([]);
    expect(
      checkStaff({
        ...hourly,
        payType: 'salaried',
        rateCents: null,
        annualSalaryCents: 5_000_000,
        salariedHoursPerWeek: 37,
      }),
    ).toEqual([]);
  });

  it('refuses pay that does not hold together, each error at its field', () => {
    const pointers = (d: Parameters<typeof checkStaff>[0]) => checkStaff(d).map((e) => e.pointer);
    expect(pointers({ ...hourly, exempt: true })).toEqual(['/exempt']);
    expect(pointers({ ...hourly, rateCents: 0 })).toEqual(['/rateCents']);
    // A non-exempt salary must say the hours it covers (29 CFR 778.113).
    expect(
      pointers({ ...hourly, payType: 'salaried', rateCents: null, annualSalaryCents: 5_000_000 }),
    ).toEqual(['/salariedHoursPerWeek']);
    expect(
      pointers({ ...hourly, role: 'wizard', state: 'XX', workSetting: '62', endDate: '2024-01-01' }),
    ).toEqual(['/role', '/state', '/workSetting', '/endDate']);
  });

  it('refuses a credential that expires before it was issued', () => {
    expect(checkCredential({ credential: 'CPC', issuedOn: '2026-01-01', expiresOn: '2025-12-31' })).toEqual([
      { pointer: '/expiresOn', detail: 'before the date issued' },
    ]);
    expect(checkCredential({ credential: 'cpc' })[0]?.pointer).toBe('/credential');
  });
});

describe('workweeks', () => {
  it('names ISO weeks: Monday to Sunday, in the year of their Thursday', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // its Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('adds the days of a week, typed and imported alike', () => {
    expect(
      minutesByWeek([
        { workDate: '2026-11-30', minutes: 60 },
        { workDate: '2026-11-23', minutes: 480 },
        { workDate: '2026-11-23', minutes: 30 },
      ]),
    ).toEqual([
      { week: '2026-W48', minutes: 510 },
      { week: '2026-W49', minutes: 60 },
    ]);
  });
});

describe('credential reminders', () => {
  const base = { staffId: 1, staffName: 'Dana', credential: 'CPC', ceuRequired: 36, ceuEarned: 36 };
  const today = '2026-12-04';

  it('lists expired and expiring within 90 days, and CEUs short when the expiry is near or unknown', () => {
    const r = credentialReminders(
      [
        { ...base, credentialId: 1, expiresOn: '2026-12-01' },
        { ...base, credentialId: 2, expiresOn: '2027-03-04' }, // day 90: still listed
        { ...base, credentialId: 3, expiresOn: '2027-03-05' }, // day 91: not yet
        { ...base, credentialId: 4, expiresOn: '2027-02-01', ceuEarned: 20 },
        { ...base, credentialId: 5, expiresOn: '2028-01-01', ceuEarned: 0 }, // short but a year away
        { ...base, credentialId: 6, expiresOn: null, ceuEarned: 10 },
      ],
      today,
    );
    expect(r.map((x) => `${x.credentialId} ${x.kind} ${x.daysLeft}`)).toEqual([
      '1 expired -3',
      '4 expiring 59',
      '4 ceu-short 59',
      '2 expiring 90',
      '6 ceu-short null',
    ]);
    expect(r[2]!.message).toBe('CPC: 20 of 36 CEUs earned before 2027-02-01');
  });
});

describe('time sheets', () => {
  it('reads hours or minutes, by name or id', () => {
    const { rows, errors } = readTimeCsv(
      'Staff,Date,Hours,Note\nDana Coder,2026-11-23,7.25,\n"Lee, Jo",2026-11-23,8,late\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, staffName: 'Dana Coder', workDate: '2026-11-23', minutes: 435 },
      { row: 3, staffName: 'Lee, Jo', workDate: '2026-11-23', minutes: 480, note: 'late' },
    ]);
    expect(readTimeCsv('staffId,date,minutes\n7,2026-11-24,450\n').rows).toEqual([
      { row: 2, staffId: 7, workDate: '2026-11-24', minutes: 450 },
    ]);
  });

  it('refuses the whole sheet, each error at its row and column', () => {
    const { rows, errors } = readTimeCsv(
      [
        'staff,date,hours',
        'Dana,2026-11-23,8',
        'Dana,2026-11-23,7', // the same person and day twice
        ',2026-11-24,8',
        'Dana,2026-02-30,8',
        'Dana,2026-11-25,25',
        'Dana,2026-11-26,8,extra',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => `${e.pointer}: ${e.detail}`)).toEqual([
      '/csv/row 3/date: the same person and day as row 2',
      '/csv/row 4/staff: no staff id or name',
      '/csv/row 5/date: "2026-02-30" is not a date YYYY-MM-DD',
      '/csv/row 6/hours: more than 24 hours in a day',
      '/csv/row 7/column 4: more cells than columns',
    ]);
  });

  it('refuses a sheet without the columns it needs', () => {
    expect(readTimeCsv('who,date\nDana,2026-11-23\n').errors.map((e) => e.detail)).toEqual([
      'unknown column "who"',
      'a column staffId or staff (name) is needed',
      'one column hours or minutes is needed (not both)',
    ]);
    expect(readTimeCsv('').errors).toEqual([{ pointer: '/csv', detail: 'the file is empty' }]);
  });
});
