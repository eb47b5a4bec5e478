import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { patient } from './tables.ts';

export type PatientRow = typeof patient.$inferSelect;

/** A practice's patients with these ids (statements and A/R name and address them); unknown ids are left out. */
export async function patientsByIds(
  db: Executor,
  practiceId: number,
  ids: readonly number[],
): Promise<PatientRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(patient)
    .where(and(eq(patient.practiceId, practiceId), inArray(patient.id, [...ids])));
}
