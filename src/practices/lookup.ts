import { and, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import type { FeeEntry } from './fee-schedule.ts';
import { facility, feeScheduleEntry, practice, provider } from './tables.ts';

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

export type ProviderRow = typeof provider.$inferSelect;
export type FacilityRow = typeof facility.$inferSelect;

/** Providers with these ids (a claim's rendering, referring and operating providers). */
export async function providersByIds(db: Executor, ids: readonly number[]): Promise<ProviderRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(provider)
    .where(inArray(provider.id, [...ids]));
}

export async function providerById(db: Executor, id: number): Promise<ProviderRow | undefined> {
  return (await providersByIds(db, [id]))[0];
}

/** One service facility (loop 2310C / 2310E, UB-04 FL1). */
export async function facilityById(db: Executor, id: number): Promise<FacilityRow | undefined> {
  const [row] = await db.select().from(facility).where(eq(facility.id, id));
  return row;
}

/** A practice's providers with these NPIs (a chart names its practitioners by NPI). */
export async function providersByNpis(
  db: Executor,
  practiceId: number,
  npis: readonly string[],
): Promise<ProviderRow[]> {
  if (npis.length === 0) return [];
  return db
    .select()
    .from(provider)
    .where(and(eq(provider.practiceId, practiceId), inArray(provider.npi, [...npis])));
}
