import { date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { address, createdAt, id, updatedAt } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';
import { payer } from '../payers/tables.ts';

export const patient = pgTable(
  'patient',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    accountNumber: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    middleName: text(),
    dateOfBirth: date({ mode: 'string' }).notNull(),
    sex: text().notNull(),
    ...address(),
    phone: text(),
    email: text(),
    guarantorRelationship: text().notNull().default('self'),
    guarantorFirstName: text(),
    guarantorLastName: text(),
    guarantorPhone: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.practiceId, t.accountNumber),
    index().on(t.practiceId, t.lastName, t.firstName),
    // what a ledger entry's (practice, patient) key names: the patient is the practice's
    unique('patient_practice_id_id_unique').on(t.practiceId, t.id),
  ],
);

/** A patient's insurance: the subscriber (2010BA), their relationship (SBR02/PAT01) and the payer (2010BB). */
export const coverage = pgTable(
  'coverage',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    patientId: integer()
      .notNull()
      .references(() => patient.id),
    payerId: integer()
      .notNull()
      .references(() => payer.id),
    priority: text().notNull(),
    memberId: text().notNull(),
    groupNumber: text(),
    planName: text(),
    relationship: text().notNull(),
    subscriberFirstName: text().notNull(),
    subscriberLastName: text().notNull(),
    subscriberDateOfBirth: date({ mode: 'string' }),
    subscriberSex: text(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    terminationDate: date({ mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.patientId), index().on(t.practiceId, t.memberId)],
);
