import { eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { conflict } from '../shared/problem.ts';
import { ADJUDICATED_STATES, isIn } from './states.ts';
import { moveClaim, type ClaimRow } from './store.ts';
import { claim, claimLine } from './tables.ts';

export interface ReplacementInput {
  /** 7 replaces the claim (corrected data follows); 8 voids it at the payer. */
  frequencyCode: '7' | '8';
  /** The payer's claim number (ICN/DCN) of the adjudicated claim: REF*F8, box 22, FL64. */
  payerClaimNumber: string;
  reason: string;
}

/**
 * A replacement (frequency 7) or void (8) of an adjudicated claim: a new claim with the same
 * service lines that names the original and the payer's claim number; the original moves to
 * corrected or voided. The new claim is edited and scrubbed like any other before it is batched.
 */
export async function replaceClaim(
  tx: Executor,
  original: ClaimRow,
  input: ReplacementInput,
  actor: AuditActor,
): Promise<ClaimRow> {
  if (!isIn(ADJUDICATED_STATES, original.state))
    throw conflict(
      `a ${original.state} claim is not adjudicated yet: edit it (or void it) instead of sending a ${input.frequencyCode === '7' ? 'replacement' : 'void'}`,
    );
  const lines = await tx.select().from(claimLine).where(eq(claimLine.claimId, original.id));
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(claim)
    .where(eq(claim.originalClaimId, original.id))) as [{ n: number }];
  const { id: _id, createdAt: _c, updatedAt: _u, scrubbedAt: _s, ...copy } = original;
  const [row] = await tx
    .insert(claim)
    .values({
      ...copy,
      // CLM01 stays recognisable: the original's number with the kind and the attempt.
      patientControlNumber: `${original.patientControlNumber}-${input.frequencyCode === '7' ? 'R' : 'V'}${n + 1}`,
      frequencyCode: input.frequencyCode,
      originalClaimId: original.id,
      payerClaimNumber: input.payerClaimNumber,
      state: 'draft',
    })
    .returning();
  await tx.insert(claimLine).values(lines.map(({ id: _l, ...l }) => ({ ...l, claimId: row!.id })));
  await moveClaim(
    tx,
    original,
    input.frequencyCode === '7' ? 'corrected' : 'voided',
    actor,
    `${input.reason} (claim ${row!.id}, frequency ${input.frequencyCode})`,
  );
  await recordAudit(tx, actor, {
    practiceId: original.practiceId,
    action: 'create',
    entity: 'claim',
    entityId: row!.id,
    after: row,
    detail: { replaces: original.id, frequencyCode: input.frequencyCode },
  });
  return row!;
}
