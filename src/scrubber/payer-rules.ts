import { and, eq, inArray } from 'drizzle-orm';
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

/** The active rules of many practice–payer pairs in one read (claims scrubbed together), by `practiceId:payerId`. */
export async function activePayerRulesOf(
  db: Executor,
  pairs: readonly { practiceId: number; payerId: number }[],
): Promise<Map<string, Awaited<ReturnType<typeof activePayerRules>>>> {
  const key = (r: { practiceId: number; payerId: number }) => `${r.practiceId}:${r.payerId}`;
  const out = new Map(pairs.map((p) => [key(p), [] as Awaited<ReturnType<typeof activePayerRules>>]));
  if (!pairs.length) return out;
  const rows = await db
    .select()
    .from(payerRule)
    .where(
      and(
        inArray(payerRule.practiceId, [...new Set(pairs.map((p) => p.practiceId))]),
        inArray(payerRule.payerId, [...new Set(pairs.map((p) => p.payerId))]),
        eq(payerRule.active, true),
      ),
    );
  for (const r of rows) out.get(key(r))?.push(r);
  return out;
}
