import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * HIPAA audit controls (45 CFR 164.312(b)): who read or changed what, when, with before/after.
 * Append-only: a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer(),
    userEmail: text(),
    practiceId: integer(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    detail: jsonb(),
    ip: text(),
  },
  (t) => [index().on(t.practiceId, t.at), index().on(t.entity, t.entityId), index().on(t.userId, t.at)],
);
