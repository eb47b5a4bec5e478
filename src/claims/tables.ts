import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { encounter, serviceLine } from '../encounters/tables.ts';
import type { InstitutionalData } from '../encounters/institutional.ts';
import type { ClaimCob } from './cob.ts';
import { serviceLineColumns } from '../encounters/service-line-columns.ts';
import { coverage, patient } from '../patients/tables.ts';
import { payer } from '../payers/tables.ts';
import { facility, practice, provider } from '../practices/tables.ts';

/** A claim to one payer for one encounter: the document that leaves as an 837. */
export const claim = pgTable(
  'claim',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    encounterId: integer()
      .notNull()
      .references(() => encounter.id),
    patientId: integer()
      .notNull()
      .references(() => patient.id),
    coverageId: integer()
      .notNull()
      .references(() => coverage.id),
    payerId: integer()
      .notNull()
      .references(() => payer.id),
    renderingProviderId: integer()
      .notNull()
      .references(() => provider.id),
    referringProviderId: integer().references(() => provider.id),
    facilityId: integer().references(() => facility.id),
    /** professional (837P / CMS-1500) or institutional (837I / UB-04). */
    type: text().notNull(),
    /** SBR01: P primary, S secondary, T tertiary. */
    payerResponsibility: text().notNull(),
    /** CLM01, unique in the practice. */
    patientControlNumber: text().notNull(),
    /** CLM05-3: 1 original, 7 replacement, 8 void. */
    frequencyCode: text().notNull().default('1'),
    /** The claim this one corrects or voids. */
    originalClaimId: integer(),
    /** REF*F8: the payer's claim number, required on frequency 7 and 8. */
    payerClaimNumber: text(),
    placeOfService: text().notNull(),
    priorAuthorization: text(),
    diagnoses: text().array().notNull(),
    /** UB-04 data of an institutional claim (bill type, admission, codes; the frequency code column wins over the bill type's last digit); null on professional claims. */
    institutional: jsonb().$type<InstitutionalData>(),
    /** A secondary (tertiary) claim's prior payers' adjudication from their 835s: loops 2320/2330/2430. */
    cob: jsonb().$type<ClaimCob>(),
    totalChargeCents: bigint({ mode: 'number' }).notNull(),
    state: text().notNull().default('draft'),
    scrubbedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.practiceId, t.patientControlNumber),
    index().on(t.practiceId, t.state),
    // a patient's claims: the scrubber's duplicate and global-period reads, the patient's account
    index().on(t.practiceId, t.patientId),
    index().on(t.encounterId),
  ],
);

export const claimLine = pgTable(
  'claim_line',
  {
    id: id(),
    claimId: integer()
      .notNull()
      .references(() => claim.id, { onDelete: 'cascade' }),
    /** The encounter line this claim line bills: the ledger charges and posts against it. */
    serviceLineId: integer().references(() => serviceLine.id, { onDelete: 'set null' }),
    ...serviceLineColumns(),
    placeOfService: text(),
  },
  (t) => [index().on(t.claimId), index().on(t.serviceLineId)],
);

/** The claim's history: every state change with who, when and why. */
export const claimEvent = pgTable(
  'claim_event',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer(),
    fromState: text(),
    toState: text().notNull(),
    reason: text().notNull(),
    detail: jsonb(),
  },
  (t) => [index().on(t.claimId, t.at)],
);

/** The scrubber's findings from the last scrub; warnings carry their override. */
export const claimFinding = pgTable(
  'claim_finding',
  {
    id: id(),
    claimId: integer()
      .notNull()
      .references(() => claim.id, { onDelete: 'cascade' }),
    /** The finding's code: the scrubber's rule id (the column keeps its first name, rule_id). */
    code: text('rule_id').notNull(),
    severity: text().notNull(),
    field: text().notNull(),
    lines: integer().array().notNull(),
    message: text().notNull(),
    fixHint: text().notNull(),
    fix: jsonb(),
    overridden: boolean().notNull().default(false),
    overrideReason: text(),
    overriddenBy: integer(),
    overriddenAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.claimId)],
);
