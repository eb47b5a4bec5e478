import type { Executor } from '../db/connection.ts';
import { insertChunked } from '../db/chunked.ts';
import { facility, feeScheduleEntry, practice, provider } from './tables.ts';

// Loading a practice's master data in bulk (the demo seed), in the caller's transaction, which
// records the audit events. Each returns the new ids in the order given.

export async function addPractice(db: Executor, values: typeof practice.$inferInsert): Promise<number> {
  const [row] = await db.insert(practice).values(values).returning({ id: practice.id });
  return row!.id;
}

export const addProviders = (db: Executor, rows: (typeof provider.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(provider).values(c).returning({ id: provider.id }));

export const addFacilities = (db: Executor, rows: (typeof facility.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(facility).values(c).returning({ id: facility.id }));

export const addFeeScheduleEntries = (db: Executor, rows: (typeof feeScheduleEntry.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(feeScheduleEntry).values(c).returning({ id: feeScheduleEntry.id }));
