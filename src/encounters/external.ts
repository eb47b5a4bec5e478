import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { encounter } from './tables.ts';

export type EncounterRow = typeof encounter.$inferSelect;

/** A practice's encounters with these EHR visit numbers (a chart imported again finds its encounter). */
export async function encountersByExternalIds(
  db: Executor,
  practiceId: number,
  externalIds: readonly string[],
): Promise<EncounterRow[]> {
  if (externalIds.length === 0) return [];
  return db
    .select()
    .from(encounter)
    .where(and(eq(encounter.practiceId, practiceId), inArray(encounter.externalId, [...externalIds])));
}

/** A practice's encounter by id, or undefined when it is not the practice's. */
export async function encounterOfPractice(
  db: Executor,
  practiceId: number,
  id: number,
): Promise<EncounterRow | undefined> {
  const [row] = await db
    .select()
    .from(encounter)
    .where(and(eq(encounter.practiceId, practiceId), eq(encounter.id, id)));
  return row;
}

/** Changes an encounter's fields in the caller's transaction, which records the audit event. */
export async function updateEncounter(
  db: Executor,
  id: number,
  fields: Partial<typeof encounter.$inferInsert>,
): Promise<void> {
  await db
    .update(encounter)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(encounter.id, id));
}
