// The claim to the next payer (secondary after primary, tertiary after secondary), made when the
// prior payer's 835 is posted: the same service lines, with the prior payer's adjudication in
// claim.cob so its 837 carries loops 2320/2330A/2330B and 2430 (837 TR3 §1.4.1).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { loadEncounter } from '../encounters/index.ts';
import { coveragesInEffect, nextCoverage } from '../patients/index.ts';
import { notFound } from '../shared/problem.ts';
import { todayIso } from '../shared/dates.ts';
import type { ClaimPayment } from '../x12/transactions/835-types.ts';
import { claimFromEncounter } from './build.ts';
import { noNextClaimReason, priorAdjudicationOf, type ClaimCob, type PaidLine } from './cob.ts';
import type { ClaimLookups } from './scrub-view.ts';
import { scrubStoredClaim } from './scrub.ts';
import { EDITABLE_STATES, isIn, OPEN_STATES } from './states.ts';
import { claim, claimLine } from './tables.ts';

export interface SecondaryClaimInput {
  /** The claim the 835 adjudicated (to the primary payer, or the secondary for a tertiary claim). */
  primaryClaimId: number;
  /** Its 835 claim payment (loop 2100 with its 2110 lines). */
  claimPayment: ClaimPayment;
  /** Which of the claim's lines each 2110 pays, as posting matched them (remits' matchLines). */
  paidLines: readonly PaidLine[];
  /** The 835's check or EFT date (BPR16): DTP*573 on the new claim. */
  adjudicationDate: string;
  userId: number | null;
  /** Who the audit events name (the poster's session); else the user id alone. */
  actor?: AuditActor;
  /** The code sets and NCCI tables the scrubber checks against (none: codes are not checked). */
  lookups?: ClaimLookups;
  today?: string;
}

export const PRIORITY_OF: Record<string, string> = { P: 'primary', S: 'secondary', T: 'tertiary' };

/**
 * Creates and scrubs the claim to the patient's next coverage in effect on the date of service,
 * carrying this adjudication (and the earlier payers' on a tertiary claim). Returns its id, or null
 * when there is no next coverage, or the 835 is a reversal or says the payer forwarded the claim
 * itself (CLP02 19–22). When a claim to the next payer is already open for the visit, it takes the
 * new adjudication if it has not left yet (a re-posted primary), and is returned as it is if it has.
 * A reversal takes the reversed adjudication off a next claim not sent yet, so the scrubber holds it
 * (COB-ADJUDICATION) until the corrected payment is posted.
 */
export async function createSecondaryClaim(tx: Executor, input: SecondaryClaimInput): Promise<number | null> {
  const [prior] = await tx.select().from(claim).where(eq(claim.id, input.primaryClaimId));
  if (!prior) throw notFound('claim');
  const actor: AuditActor = input.actor ?? { userId: input.userId, userEmail: null, ip: null };
  const today = input.today ?? todayIso();
  const lookups = input.lookups ?? {};
  if (input.claimPayment.status === '22') {
    await withdrawAdjudication(tx, prior, actor, today, lookups);
    return null;
  }
  if (noNextClaimReason(input.claimPayment)) return null;
  const encounter = await loadEncounter(tx, prior.encounterId, [prior.practiceId]);
  if (!encounter) throw notFound('encounter');
  const inEffect = await coveragesInEffect(tx, prior.patientId, encounter.serviceDateFrom);
  const next = nextCoverage(inEffect, PRIORITY_OF[prior.payerResponsibility] ?? '');
  if (!next) return null;

  const priorLines = await tx.select().from(claimLine).where(eq(claimLine.claimId, prior.id));
  const adjudication = priorAdjudicationOf(
    {
      id: prior.id,
      coverageId: prior.coverageId,
      payerResponsibility: prior.payerResponsibility,
      lines: priorLines,
    },
    input.claimPayment,
    input.paidLines,
    input.adjudicationDate,
  );
  const cob: ClaimCob = {
    priorPayers: [
      ...(prior.cob?.priorPayers ?? []).filter((p) => p.coverageId !== prior.coverageId),
      adjudication,
    ],
  };

  const [open] = await tx
    .select()
    .from(claim)
    .where(
      and(
        eq(claim.encounterId, prior.encounterId),
        eq(claim.coverageId, next.id),
        inArray(claim.state, [...OPEN_STATES]),
      ),
    );
  if (open) {
    if (!isIn(EDITABLE_STATES, open.state)) return open.id;
    await replaceCob(tx, open, cob, { adjudicatedClaim: prior.id }, actor, today, lookups);
    return open.id;
  }

  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(claim)
    .where(and(eq(claim.encounterId, prior.encounterId), eq(claim.coverageId, next.id)))) as [{ n: number }];
  const built = claimFromEncounter(encounter, next, n + 1);
  const [row] = await tx
    .insert(claim)
    .values({ ...built.claim, cob })
    .returning();
  await tx.insert(claimLine).values(built.lines.map((l) => ({ ...l, claimId: row!.id })));
  await recordAudit(tx, actor, {
    practiceId: row!.practiceId,
    action: 'create',
    entity: 'claim',
    entityId: row!.id,
    after: row,
    detail: { adjudicatedClaim: prior.id },
  });
  await scrubStoredClaim(tx, row!, actor, today, lookups);
  return row!.id;
}

/** Takes a reversed payer's adjudication off the claims to later payers of the visit not sent yet. */
async function withdrawAdjudication(
  tx: Executor,
  prior: typeof claim.$inferSelect,
  actor: AuditActor,
  today: string,
  lookups: ClaimLookups,
) {
  const later = await tx
    .select()
    .from(claim)
    .where(and(eq(claim.encounterId, prior.encounterId), inArray(claim.state, [...EDITABLE_STATES])));
  for (const row of later) {
    const kept = (row.cob?.priorPayers ?? []).filter((p) => p.claimId !== prior.id);
    if (!row.cob || kept.length === row.cob.priorPayers.length) continue;
    const cob = kept.length ? { priorPayers: kept } : null;
    await replaceCob(tx, row, cob, { reversedClaim: prior.id }, actor, today, lookups);
  }
}

/** Gives a claim not sent yet other prior-payer adjudications, audited, and scrubs it again. */
async function replaceCob(
  tx: Executor,
  row: typeof claim.$inferSelect,
  cob: ClaimCob | null,
  detail: Record<string, number>,
  actor: AuditActor,
  today: string,
  lookups: ClaimLookups,
) {
  const [updated] = await tx
    .update(claim)
    .set({ cob, updatedAt: new Date() })
    .where(eq(claim.id, row.id))
    .returning();
  await recordAudit(tx, actor, {
    practiceId: row.practiceId,
    action: 'update',
    entity: 'claim',
    entityId: row.id,
    before: { cob: row.cob },
    after: { cob },
    detail,
  });
  await scrubStoredClaim(tx, updated!, actor, today, lookups);
}
