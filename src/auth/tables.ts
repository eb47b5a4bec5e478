import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';

export const appUser = pgTable('app_user', {
  id: id(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  active: boolean().notNull().default(true),
  /** May create practices (the installation's first administrator, a billing company's owner). */
  installationAdmin: boolean().notNull().default(false),
  createdAt: createdAt(),
  lastLoginAt: timestamp({ withTimezone: true }),
});

/** A role held by a user in one practice: access is always granted per practice. */
export const practiceGrant = pgTable(
  'practice_grant',
  {
    userId: integer()
      .notNull()
      .references(() => appUser.id),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.practiceId, t.role] })],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => appUser.id),
    csrfToken: text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId)],
);
