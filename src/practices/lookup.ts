import { and, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import type { FeeEntry } from './fee-schedule.ts';
import { feeScheduleEntry, practice } from './tables.ts';

// What other domains and the wiring ask of the practices without reaching into their tables.
export async function allPracticeIds(db: Executor): Promise<number[]> {
  return (await db.select({ id: practice.id }).from(practice)).map((r) => r.id);
}

export async function countPractices(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(practice);
  return row!.n;
}

/** A practice's fee schedule entries for these procedure codes (every date; chargeFor picks one). */
export async function feeEntriesFor(db: Executor, practiceId: number, codes: string[]): Promise<FeeEntry[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(feeScheduleEntry)
    .where(and(eq(feeScheduleEntry.practiceId, practiceId), inArray(feeScheduleEntry.procedureCode, codes)));
}

/** A practice's whole fee schedule (the scrubber compares charges against it). */
export async function feeScheduleOf(db: Executor, practiceId: number): Promise<FeeEntry[]> {
  return db.select().from(feeScheduleEntry).where(eq(feeScheduleEntry.practiceId, practiceId));
}

export type PracticeRow = typeof practice.$inferSelect;

/** One practice (its name, address and phone head a statement or a receipt). */
export async function practiceById(db: Executor, id: number): Promise<PracticeRow | undefined> {
  const [row] = await db.select().from(practice).where(eq(practice.id, id));
  return row;
}
