// The demo practice's team: two coders, two billers and a manager with credentials (one expiring
// soon, one short of CEUs, so the reminders show) and their days worked for the last eight weeks
// (weekdays of 7½ to 9 hours, and a Saturday in some weeks, so some weeks pass 40 hours). The
// coders and billers are linked to the demo logins the demo seeding gives them (src/demo/team.ts).
import type { AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { addDays } from '../shared/dates.ts';
import type { CredentialDraft, StaffDraft } from './staff.ts';
import { addCredential, createStaff, enterTime, listStaff, type DayWorked } from './staff-store.ts';

interface DemoPerson {
  staff: Omit<StaffDraft, 'hireDate'> & { yearsHere: number };
  credentials: (Omit<CredentialDraft, 'expiresOn'> & { expiresInDays: number })[];
  /** Minutes a weekday, and whether a Saturday is worked every third week. */
  day: number;
  saturdays: boolean;
}

const PEOPLE: DemoPerson[] = [
  {
    staff: {
      name: 'Alex Rivera',
      role: 'coder',
      jobTitle: 'Senior coder',
      payType: 'hourly',
      exempt: false,
      rateCents: 3150,
      state: 'OH',
      workSetting: '621100',
      yearsHere: 6,
    },
    credentials: [
      { credential: 'CPC', number: '01987654', ceuRequired: 36, ceuEarned: 30, expiresInDays: 45 },
    ],
    day: 480,
    saturdays: true,
  },
  {
    staff: {
      name: 'Jordan Lee',
      role: 'coder',
      payType: 'hourly',
      exempt: false,
      rateCents: 2475,
      state: 'KY',
      remote: true,
      workSetting: '621100',
      yearsHere: 2,
    },
    credentials: [
      { credential: 'COC', number: '02233445', ceuRequired: 36, ceuEarned: 36, expiresInDays: 400 },
      { credential: 'CRC', number: '02233446', ceuRequired: 36, ceuEarned: 12, expiresInDays: 80 },
    ],
    day: 465,
    saturdays: false,
  },
  {
    staff: {
      name: 'Morgan Patel',
      role: 'biller',
      jobTitle: 'Billing specialist',
      payType: 'hourly',
      exempt: false,
      rateCents: 2300,
      state: 'OH',
      workSetting: '621100',
      yearsHere: 4,
    },
    credentials: [
      { credential: 'CPB', number: '03456789', ceuRequired: 36, ceuEarned: 24, expiresInDays: 300 },
    ],
    day: 480,
    saturdays: false,
  },
  {
    staff: {
      name: 'Casey Nguyen',
      role: 'biller',
      payType: 'salaried',
      exempt: false,
      annualSalaryCents: 4_950_000,
      salariedHoursPerWeek: 37,
      state: 'OH',
      workSetting: '621100',
      yearsHere: 3,
    },
    credentials: [],
    day: 450,
    saturdays: true,
  },
  {
    staff: {
      name: 'Taylor Brooks',
      role: 'manager',
      jobTitle: 'Revenue cycle manager',
      payType: 'salaried',
      exempt: true,
      annualSalaryCents: 8_200_000,
      state: 'OH',
      workSetting: '621100',
      yearsHere: 8,
    },
    credentials: [
      { credential: 'CPC', number: '00765432', ceuRequired: 36, ceuEarned: 36, expiresInDays: 600 },
      { credential: 'CPMA', number: '00765433', ceuRequired: 0, ceuEarned: 0, expiresInDays: 600 },
    ],
    day: 510,
    saturdays: false,
  },
];

/** The days a person worked in the eight weeks before today's week and this week up to yesterday. */
export function demoDays(
  person: Pick<DemoPerson, 'day' | 'saturdays'>,
  index: number,
  today: string,
): DayWorked[] {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const firstMonday = addDays(today, -weekday - 7 * 8);
  const days: DayWorked[] = [];
  for (let d = firstMonday, n = 0; d < today; d = addDays(d, 1), n++) {
    const dow = n % 7;
    const week = Math.floor(n / 7);
    // A little variation by person, week and day (no randomness: the demo is the same each time).
    const wobble = ((index * 7 + week * 3 + dow * 5) % 5) * 15 - 30;
    if (dow < 5) days.push({ workDate: d, minutes: person.day + wobble });
    else if (dow === 5 && person.saturdays && week % 3 === 1)
      days.push({ workDate: d, minutes: 300, note: 'month-end catch-up' });
  }
  return days;
}

/** Who is on the demo team (the demo gives its coders and billers logins). */
export const demoTeam = (): { name: string; role: string }[] =>
  PEOPLE.map((p) => ({ name: p.staff.name, role: p.staff.role }));

/**
 * Loads the demo team into a practice that has none, each person linked to their login in
 * `logins` (by name) if there; returns how many people were added.
 */
export async function seedDemoStaff(
  db: Executor,
  practiceId: number,
  actor: AuditActor,
  today: string,
  logins: ReadonlyMap<string, number> = new Map(),
): Promise<number> {
  if ((await listStaff(db, practiceId)).length > 0) return 0;
  for (const [i, p] of PEOPLE.entries()) {
    const { yearsHere, ...staff } = p.staff;
    const member = await createStaff(
      db,
      practiceId,
      {
        ...staff,
        userId: logins.get(staff.name) ?? null,
        hireDate: addDays(today, -365 * yearsHere - 40 * i),
      },
      actor,
    );
    for (const { expiresInDays, ...c } of p.credentials)
      await addCredential(
        db,
        practiceId,
        member.id,
        { ...c, issuedOn: addDays(today, expiresInDays - 730), expiresOn: addDays(today, expiresInDays) },
        actor,
      );
    await enterTime(db, practiceId, member.id, demoDays(p, i, today), actor);
  }
  return PEOPLE.length;
}
