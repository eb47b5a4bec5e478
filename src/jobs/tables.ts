import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Progress reported by a running job; state, retries and output live in pg-boss's own tables. */
export const jobProgress = pgTable('job_progress', {
  jobId: uuid().primaryKey(),
  queue: text().notNull(),
  practiceId: integer(),
  requestedBy: integer(),
  done: integer().notNull().default(0),
  total: integer(),
  message: text(),
  /** When the request that started the job stopped waiting for it (timed out or hung up). */
  callerGaveUpAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
