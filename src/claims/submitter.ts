import { eq } from 'drizzle-orm';
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

/**
 * The ISA sender and receiver and the usage of a practice's files to its clearinghouse: the other
 * transactions (270 eligibility inquiries) go out under the same ids as its 837s.
 */
export async function submitterEnvelope(
  db: Executor,
  practiceId: number,
): Promise<{ senderId: string; receiverId: string; usage: 'P' | 'T' } | null> {
  const [row] = await db.select().from(submitterSettings).where(eq(submitterSettings.practiceId, practiceId));
  if (!row) return null;
  return { senderId: row.submitterId, receiverId: row.receiverId, usage: row.usage === 'P' ? 'P' : 'T' };
}
