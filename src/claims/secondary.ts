// The claim to the next payer (secondary after primary, tertiary after secondary), made when the
// prior payer's 835 is posted: the same service lines, with the prior payer's adjudication in
// claim.cob so its 837 carries loops 2320/2330A/2330B and 2430 (837 TR3 §1.4.1).
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, recordAudits, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { insertMany, isAnyOf } from '../db/raw.ts';
import { groupBy } from '../shared/group-by.ts';
import { loadEncounters } from '../encounters/index.ts';
import { coveragesInEffectOn, coveragesOfPatients, nextCoverage } from '../patients/index.ts';
import { notFound } from '../shared/problem.ts';
import { todayIso } from '../shared/dates.ts';
import type { ClaimPayment } from '../x12/transactions/835-types.ts';
import { claimFromEncounter } from './build.ts';
import { noNextClaimReason, priorAdjudicationOf, type ClaimCob, type PaidLine } from './cob.ts';
import type { ClaimLookups } from './scrub-view.ts';
import { scrubStoredClaim, scrubStoredClaims } from './scrub.ts';
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
  const [id] = await createSecondaryClaims(tx, [input]);
  return id ?? null;
}

type ClaimRow = typeof claim.$inferSelect;
type EncounterRow = Awaited<ReturnType<typeof loadEncounters>>[number];

/**
 * createSecondaryClaim for many adjudicated claims (a posting chunk's), as if made one after the
 * other, in a few statements for all the new claims: their priors, lines, coverages, open claims
 * and attempts read once, the claims, lines and audit events inserted together and scrubbed
 * together. A reversal, a next claim already open, and a second adjudication of the same visit
 * for the same next payer go one at a time. One actor, today and lookups (the first input's).
 */
export async function createSecondaryClaims(
  tx: Executor,
  inputs: readonly SecondaryClaimInput[],
): Promise<(number | null)[]> {
  const out: (number | null)[] = inputs.map(() => null);
  if (!inputs.length) return out;
  const actor: AuditActor = inputs[0]!.actor ?? { userId: inputs[0]!.userId, userEmail: null, ip: null };
  const today = inputs[0]!.today ?? todayIso();
  const lookups = inputs[0]!.lookups ?? {};
  const priors = new Map(
    (
      await tx
        .select()
        .from(claim)
        .where(isAnyOf(claim.id, [...new Set(inputs.map((i) => i.primaryClaimId))]))
    ).map((c) => [c.id, c]),
  );
  const priorOf = (i: number) => {
    const prior = priors.get(inputs[i]!.primaryClaimId);
    if (!prior) throw notFound('claim');
    return prior;
  };
  const candidates: number[] = [];
  for (const [i, input] of inputs.entries()) {
    const prior = priorOf(i);
    if (input.claimPayment.status === '22') await withdrawAdjudication(tx, prior, actor, today, lookups);
    else if (!noNextClaimReason(input.claimPayment)) candidates.push(i);
  }
  if (!candidates.length) return out;

  // each encounter read in its claim's practice, all in one read
  const encounters = new Map<number, EncounterRow>(
    (
      await loadEncounters(
        tx,
        [...new Set(candidates.map((i) => priorOf(i).encounterId))],
        [...new Set(candidates.map((i) => priorOf(i).practiceId))],
      )
    ).map((e) => [e.id, e]),
  );
  for (const i of candidates) {
    const prior = priorOf(i);
    if (encounters.get(prior.encounterId)?.practiceId !== prior.practiceId) throw notFound('encounter');
  }
  const coveragesOf = groupBy(
    await coveragesOfPatients(tx, [...new Set(candidates.map((i) => priorOf(i).patientId))]),
    (c) => c.patientId,
  );
  const withNext = candidates.flatMap((i) => {
    const prior = priorOf(i);
    const encounter = encounters.get(prior.encounterId)!;
    const inEffect = coveragesInEffectOn(coveragesOf.get(prior.patientId) ?? [], encounter.serviceDateFrom);
    const next = nextCoverage(inEffect, PRIORITY_OF[prior.payerResponsibility] ?? '');
    return next ? [{ i, prior, encounter, next }] : [];
  });
  if (!withNext.length) return out;

  const priorLinesOf = groupBy(
    await tx
      .select()
      .from(claimLine)
      .where(isAnyOf(claimLine.claimId, [...new Set(withNext.map((w) => w.prior.id))])),
    (l) => l.claimId,
  );
  const cobOf = ({ i, prior }: (typeof withNext)[number]): ClaimCob => {
    const input = inputs[i]!;
    const adjudication = priorAdjudicationOf(
      {
        id: prior.id,
        coverageId: prior.coverageId,
        payerResponsibility: prior.payerResponsibility,
        lines: priorLinesOf.get(prior.id) ?? [],
      },
      input.claimPayment,
      input.paidLines,
      input.adjudicationDate,
    );
    return {
      priorPayers: [
        ...(prior.cob?.priorPayers ?? []).filter((p) => p.coverageId !== prior.coverageId),
        adjudication,
      ],
    };
  };

  const encounterIds = [...new Set(withNext.map((w) => w.prior.encounterId))];
  const ofVisit = await tx.select().from(claim).where(isAnyOf(claim.encounterId, encounterIds));
  const visitKey = (encounterId: number, coverageId: number) => `${encounterId}:${coverageId}`;
  const open = new Map<string, ClaimRow>();
  const attempts = new Map<string, number>();
  for (const c of ofVisit) {
    const key = visitKey(c.encounterId, c.coverageId);
    attempts.set(key, (attempts.get(key) ?? 0) + 1);
    if (isIn(OPEN_STATES, c.state) && !open.has(key)) open.set(key, c);
  }
  const fresh: ((typeof withNext)[number] & { cob: ClaimCob })[] = [];
  const later: (typeof withNext)[number][] = [];
  const taken = new Set<string>();
  for (const w of withNext) {
    const key = visitKey(w.prior.encounterId, w.next.id);
    const row = open.get(key);
    if (taken.has(key)) later.push(w);
    else if (row && !isIn(EDITABLE_STATES, row.state)) out[w.i] = row.id;
    else if (row) {
      await replaceCob(tx, row, cobOf(w), { adjudicatedClaim: w.prior.id }, actor, today, lookups);
      out[w.i] = row.id;
    } else fresh.push({ ...w, cob: cobOf(w) });
    taken.add(key);
  }

  if (fresh.length) {
    const built = fresh.map((f) =>
      claimFromEncounter(
        f.encounter,
        f.next,
        (attempts.get(visitKey(f.prior.encounterId, f.next.id)) ?? 0) + 1,
      ),
    );
    const rows = await insertMany(
      tx,
      claim,
      built.map((b, n) => ({ ...b.claim, cob: fresh[n]!.cob })),
      'rows',
    );
    const byVisit = new Map(rows.map((r) => [visitKey(r.encounterId, r.coverageId), r]));
    const made = fresh.map((f) => byVisit.get(visitKey(f.prior.encounterId, f.next.id))!);
    await insertMany(
      tx,
      claimLine,
      built.flatMap((b, n) => b.lines.map((l) => ({ ...l, claimId: made[n]!.id }))),
    );
    await recordAudits(
      tx,
      actor,
      made.map((row, n) => ({
        practiceId: row.practiceId,
        action: 'create' as const,
        entity: 'claim',
        entityId: row.id,
        after: row,
        detail: { adjudicatedClaim: fresh[n]!.prior.id },
      })),
    );
    for (const [n, f] of fresh.entries()) out[f.i] = made[n]!.id;
    const visits = new Map(
      fresh.map((f) => [
        f.encounter.id,
        { from: f.encounter.serviceDateFrom, to: f.encounter.serviceDateTo },
      ]),
    );
    await scrubStoredClaims(tx, made, actor, today, lookups, { visits, coverages: coveragesOf });
  }
  // A visit's second adjudication for the same next payer sees the claim the first made.
  for (const w of later) out[w.i] = await createSecondaryClaim(tx, inputs[w.i]!);
  return out;
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
