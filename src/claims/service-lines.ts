import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { claim, claimLine } from './tables.ts';

/** A claim's parties and the encounter lines it bills (what the ledger charges and balances). */
export interface ClaimServiceLines {
  claimId: number;
  practiceId: number;
  patientId: number;
  encounterId: number;
  payerId: number;
  /** In claim line order; a line billed from no encounter line (hand-made) is left out. */
  serviceLineIds: number[];
}

export async function claimServiceLines(
  db: Executor,
  claimId: number,
): Promise<ClaimServiceLines | undefined> {
  const [row] = await db
    .select({
      claimId: claim.id,
      practiceId: claim.practiceId,
      patientId: claim.patientId,
      encounterId: claim.encounterId,
      payerId: claim.payerId,
    })
    .from(claim)
    .where(eq(claim.id, claimId));
  if (!row) return undefined;
  const lines = await db
    .select({ serviceLineId: claimLine.serviceLineId })
    .from(claimLine)
    .where(eq(claimLine.claimId, claimId))
    .orderBy(asc(claimLine.lineNumber));
  return { ...row, serviceLineIds: lines.flatMap((l) => (l.serviceLineId == null ? [] : [l.serviceLineId])) };
}
