import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { payerRule } from './tables.ts';

/** The payer rules a practice has switched on for one payer: the scrubber checks claims against them. */
export async function activePayerRules(db: Executor, practiceId: number, payerId: number) {
  return db
    .select()
    .from(payerRule)
    .where(
      and(eq(payerRule.practiceId, practiceId), eq(payerRule.payerId, payerId), eq(payerRule.active, true)),
    );
}
