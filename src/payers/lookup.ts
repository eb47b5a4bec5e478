import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { payer } from './tables.ts';

/** The names of a practice's payers with these ids (A/R rows by payer); unknown ids are left out. */
export async function payerNames(
  db: Executor,
  practiceId: number,
  ids: readonly number[],
): Promise<{ id: number; name: string; payerId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: payer.id, name: payer.name, payerId: payer.payerId })
    .from(payer)
    .where(and(eq(payer.practiceId, practiceId), inArray(payer.id, [...ids])));
}

export type PayerRow = typeof payer.$inferSelect;

/** Payers with these ids, whole (a claim's payer and its prior payers). */
export async function payersByIds(db: Executor, ids: readonly number[]): Promise<PayerRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(payer)
    .where(inArray(payer.id, [...ids]));
}

export async function payerById(db: Executor, id: number): Promise<PayerRow | undefined> {
  return (await payersByIds(db, [id]))[0];
}

/** All of a practice's payers (an imported coverage is matched to one by payer id or name). */
export async function payersOfPractice(db: Executor, practiceId: number): Promise<PayerRow[]> {
  return db.select().from(payer).where(eq(payer.practiceId, practiceId));
}
