import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { denial } from './tables.ts';

export type DenialRow = typeof denial.$inferSelect;

export interface NewDenial {
  practiceId: number;
  claimId: number;
  claimLineId: number | null;
  remittanceClaimId: number;
  groupCode: string;
  reasonCode: string;
  remarkCodes: string[];
  amountCents: number;
}

/** Opens a denial per denied service line, in the posting transaction of its claim payment. */
export async function openDenials(tx: Executor, denials: readonly NewDenial[]): Promise<void> {
  if (denials.length) await tx.insert(denial).values(denials.map((d) => ({ ...d, state: 'open' })));
}

/** The denials queue of the user's practices, newest first. */
export async function listDenials(
  db: Executor,
  practiceIds: number[],
  filter: { state?: string; claimId?: number } = {},
): Promise<DenialRow[]> {
  return db
    .select()
    .from(denial)
    .where(
      and(
        inArray(denial.practiceId, practiceIds.length ? practiceIds : [-1]),
        filter.state ? eq(denial.state, filter.state) : undefined,
        filter.claimId ? eq(denial.claimId, filter.claimId) : undefined,
      ),
    )
    .orderBy(desc(denial.openedAt), desc(denial.id))
    .limit(500);
}
