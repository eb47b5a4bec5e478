import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { encounter } from './tables.ts';

// What other domains ask of encounters without reaching into their tables.

/** An encounter's dates of service: the statement period of an institutional claim (UB-04 FL6). */
export async function visitDates(
  db: Executor,
  encounterId: number,
): Promise<{ from: string; to: string } | undefined> {
  const [row] = await db
    .select({ from: encounter.serviceDateFrom, to: encounter.serviceDateTo })
    .from(encounter)
    .where(eq(encounter.id, encounterId));
  return row;
}

/** Every encounter of these practices, oldest first (the clean-claim report scrubs each). */
export async function encounterIdsOf(db: Executor, practiceIds: readonly number[]): Promise<number[]> {
  if (practiceIds.length === 0) return [];
  const rows = await db
    .select({ id: encounter.id })
    .from(encounter)
    .where(inArray(encounter.practiceId, [...practiceIds]))
    .orderBy(asc(encounter.id));
  return rows.map((r) => r.id);
}

/** A practice's encounters whose date of service starts on a date (the day's schedule an eligibility batch asks about). */
export async function encountersOn(
  db: Executor,
  practiceId: number,
  date: string,
): Promise<{ id: number; patientId: number }[]> {
  return db
    .select({ id: encounter.id, patientId: encounter.patientId })
    .from(encounter)
    .where(and(eq(encounter.practiceId, practiceId), eq(encounter.serviceDateFrom, date)))
    .orderBy(asc(encounter.id));
}
