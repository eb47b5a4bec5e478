import { date, index, integer, jsonb, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { facility, practice, provider } from '../practices/tables.ts';
import { patient } from '../patients/tables.ts';
import type { InstitutionalData } from './institutional.ts';

/** A visit: what was done for the patient on the dates of service, before it becomes a claim. */
export const encounter = pgTable(
  'encounter',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    patientId: integer()
      .notNull()
      .references(() => patient.id),
    serviceDateFrom: date({ mode: 'string' }).notNull(),
    serviceDateTo: date({ mode: 'string' }).notNull(),
    placeOfService: text().notNull(),
    renderingProviderId: integer()
      .notNull()
      .references(() => provider.id),
    referringProviderId: integer().references(() => provider.id),
    facilityId: integer().references(() => facility.id),
    priorAuthorization: text(),
    /** Ordered ICD-10-CM codes: position 1 is the principal diagnosis (HI01, ABK qualifier). */
    diagnoses: text().array().notNull(),
    /** UB-04 data when a facility bills the encounter (bill type, admission, condition/occurrence/value codes). */
    institutional: jsonb().$type<InstitutionalData>(),
    status: text().notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.serviceDateFrom), index().on(t.patientId)],
);

/** A service line (loop 2400, SV1): one procedure with its modifiers, units, charge and pointers. */
export const serviceLine = pgTable(
  'service_line',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    encounterId: integer()
      .notNull()
      .references(() => encounter.id, { onDelete: 'cascade' }),
    lineNumber: integer().notNull(),
    serviceDate: date({ mode: 'string' }).notNull(),
    /** Empty on an institutional line billed by revenue code alone (room and board). */
    procedureCode: text().notNull(),
    modifiers: text().array().notNull(),
    units: numeric({ precision: 9, scale: 3 }).notNull(),
    chargeCents: integer().notNull(),
    /** SV107: 1-based positions in the encounter's diagnosis list, at most four. */
    diagnosisPointers: integer().array().notNull(),
    ndc: text(),
    /** UB-04 FL42 revenue code (institutional lines). */
    revenueCode: text(),
  },
  (t) => [index().on(t.encounterId)],
);
