import { boolean, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { appUser } from '../auth/tables.ts';
import { practice } from '../practices/tables.ts';

// The practice's team (issue 17): who works here, on what pay, with which credentials, and the
// hours they worked. Pay and hours are personal: only managers and the person see a record.

/** One person on the practice's staff. */
export const staffMember = pgTable(
  'staff_member',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    /** The person's login, when they have one: they may then see their own record. */
    userId: integer().references(() => appUser.id),
    name: text().notNull(),
    /** What they do here, as a role of src/auth/roles.ts (coder, biller, …). */
    role: text().notNull(),
    /** Their job title as the practice calls it ("Senior coder"), when it says more than the role. */
    jobTitle: text(),
    /** hourly or salaried. */
    payType: text().notNull(),
    /** Exempt from overtime (FLSA); an hourly person is never exempt. */
    exempt: boolean().notNull().default(false),
    /** Hourly rate in cents (hourly pay). */
    rateCents: integer(),
    /** Annual salary in cents (salaried pay). */
    annualSalaryCents: integer(),
    /** The weekly hours a non-exempt salary is meant to cover (29 CFR 778.113). */
    salariedHoursPerWeek: integer(),
    /** Where they work: two-letter state; remote workers are placed in their home state. */
    state: text().notNull(),
    remote: boolean().notNull().default(false),
    /** The BLS industry (NAICS code of the wage tables), e.g. 621100 physicians' offices. */
    workSetting: text(),
    hireDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.name), index().on(t.userId)],
);

/** A professional credential (CPC, CCS, RHIT, …) with its expiry and continuing education. */
export const staffCredential = pgTable(
  'staff_credential',
  {
    id: id(),
    staffId: integer()
      .notNull()
      .references(() => staffMember.id, { onDelete: 'cascade' }),
    /** CPC, COC, CCS, CPMA, CRC, CPB, RHIT, RHIA, … */
    credential: text().notNull(),
    /** A specialty credential's field (e.g. cardiology), when it has one. */
    specialty: text(),
    number: text(),
    issuedOn: date({ mode: 'string' }),
    expiresOn: date({ mode: 'string' }),
    /** Continuing education units required for the current cycle, and earned so far. */
    ceuRequired: integer().notNull().default(0),
    ceuEarned: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.staffId), index().on(t.expiresOn)],
);

/**
 * Minutes worked on one day, by source: 'entry' typed on the time page, 'import' from a CSV. One
 * row per person, day and source: entering the day again replaces it.
 */
export const timeEntry = pgTable(
  'time_entry',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    staffId: integer()
      .notNull()
      .references(() => staffMember.id, { onDelete: 'cascade' }),
    workDate: date({ mode: 'string' }).notNull(),
    minutes: integer().notNull(),
    source: text().notNull().default('entry'),
    note: text(),
    enteredBy: integer().references(() => appUser.id),
    enteredAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.staffId, t.workDate, t.source), index().on(t.practiceId, t.workDate)],
);

/**
 * A credential reminder the daily job opened (expiring within 90 days, or CEUs short of what the
 * cycle requires): once per credential, kind and expiry date, so renewing (a new expiry) can open
 * a new one and the same expiry never opens twice. Closed when the person renews or a manager
 * dismisses it.
 */
export const credentialReminder = pgTable(
  'credential_reminder',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    credentialId: integer()
      .notNull()
      .references(() => staffCredential.id, { onDelete: 'cascade' }),
    /** expiring or ceu-short. */
    kind: text().notNull(),
    /** The expiry the reminder is about ('' when the credential has none). */
    expiresOn: text().notNull(),
    openedOn: date({ mode: 'string' }).notNull(),
    closedOn: date({ mode: 'string' }),
    closedBy: integer().references(() => appUser.id),
  },
  (t) => [uniqueIndex().on(t.credentialId, t.kind, t.expiresOn), index().on(t.practiceId, t.closedOn)],
);
