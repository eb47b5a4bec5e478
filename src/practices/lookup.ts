import { count } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { practice } from './tables.ts';

// What other domains and the wiring ask of the practices without reaching into their tables.
export async function allPracticeIds(db: Executor): Promise<number[]> {
  return (await db.select({ id: practice.id }).from(practice)).map((r) => r.id);
}

export async function countPractices(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(practice);
  return row!.n;
}
