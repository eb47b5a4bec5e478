import type { Executor } from '../db/connection.ts';
import { submitterSettings } from './batch-tables.ts';

export type SubmitterSettingsRow = typeof submitterSettings.$inferSelect;

/** Gives a practice its submitter settings and clearinghouse connection (the demo's outbox); the caller audits it. */
export async function addSubmitterSettings(
  db: Executor,
  values: typeof submitterSettings.$inferInsert,
): Promise<SubmitterSettingsRow> {
  const [row] = await db.insert(submitterSettings).values(values).returning();
  return row!;
}
