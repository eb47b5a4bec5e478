import { date, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { facility, practice, provider } from '../practices/tables.ts';
import { patient } from '../patients/tables.ts';
import type { InstitutionalData } from './institutional.ts';
import { serviceLineColumns } from './service-line-columns.ts';

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
    /** The EHR's visit number (FHIR Encounter id, HL7 PV1-19): a chart imported again finds this encounter. */
    externalId: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.practiceId, t.serviceDateFrom),
    index().on(t.patientId),
    uniqueIndex().on(t.practiceId, t.externalId),
  ],
);

/** A service line (loop 2400, SV1/SV2, and its 2410 drug): one procedure with its modifiers, units, charge and pointers. */
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
    ...serviceLineColumns(),
  },
  (t) => [
    index().on(t.encounterId),
    // what a ledger entry's (line, encounter) key names: the entry's visit is its line's
    unique('service_line_id_encounter_id_unique').on(t.id, t.encounterId),
  ],
);
