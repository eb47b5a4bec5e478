// Posting: a chunk of claim payments (an 835's claim payments, a few hundred at a time) in one
// database transaction. In it the payments are stored as posted (post-remittance.ts), or, when
// stored before, taken (pending → posted, one statement); their claims' charges are made sure of,
// each payment is planned in memory (plan.ts), and the chunk's entries, denials and claim moves
// are written set-based, a few statements for the whole chunk. A process that dies mid-way
// leaves nothing of the chunk stored or posted (or, stored before, pending); posting again
// stores and posts it once.
import type { AuditActor } from '../audit/index.ts';
import {
  claimsWithNextPayer,
  createSecondaryClaims,
  moveClaimsByRemittance,
  type ClaimLookups,
  type ClaimState,
} from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { openDenials } from '../denials/index.ts';
import { ensureCharges, entriesOfSources, postEntries, postEntryGroups } from '../ledger/index.ts';
import type { Remittance } from '../x12/index.ts';
import { candidateById, type StoredCandidate } from './candidates.ts';
import { matchLines, type ClaimMatch } from './match.ts';
import { planClaimPosting, type PostedRemitEntry, type PostingPlan } from './plan.ts';
import { planProviderAdjustments } from './plb.ts';
import {
  postedPaymentsOfClaims,
  takeForPosting,
  takeProviderAdjustments,
  type RemittanceClaimRow,
  type RemittanceRow,
} from './store.ts';

/** The ledger's source id of what a claim payment posts. */
export const claimPaymentSource = (id: number) => String(id);
/** The ledger's source id of a remittance's PLB adjustments. */
export const providerAdjustmentSource = (remittanceId: number) => `plb-${remittanceId}`;

export type PostResult = 'posted' | 'already_posted';

/** A matched claim payment to post, with its claim when the caller has read it already. */
export interface ClaimPaymentToPost {
  payment: RemittanceClaimRow;
  candidate?: StoredCandidate | undefined;
  /** Every line of the claim has its charge already (none need posting first). */
  chargesPosted?: boolean;
  /** Its lines matched to the candidate's, when the caller matched them already. */
  lines?: Omit<ClaimMatch, 'claim'> | undefined;
}

export interface PostingOptions {
  today: string;
  lookups?: ClaimLookups | undefined;
}

interface Ready {
  payment: RemittanceClaimRow;
  claim: StoredCandidate;
  lines?: Omit<ClaimMatch, 'claim'> | undefined;
}

/** The day the money moved: the check or EFT date (BPR16), else today. */
const effectiveDateOf = (r: RemittanceRow, today: string) => r.paymentDate ?? today;

/** The entries posted by each claim's earlier payments, but none of `exceptIds` (what a reversal takes back). */
async function previousEntries(
  tx: Executor,
  claimIds: number[],
  exceptIds: number[],
): Promise<Map<number, PostedRemitEntry[]>> {
  const out = new Map<number, PostedRemitEntry[]>();
  if (!claimIds.length) return out;
  const earlier = await postedPaymentsOfClaims(tx, claimIds, exceptIds);
  const bySource = new Map<string, PostedRemitEntry[]>();
  for (const e of await entriesOfSources(
    tx,
    'remittance',
    earlier.map((p) => claimPaymentSource(p.id)),
  ))
    bySource.set(e.sourceId, [
      ...(bySource.get(e.sourceId) ?? []),
      { ...e, account: e.account as PostedRemitEntry['account'] },
    ]);
  for (const p of earlier)
    out.set(p.claimId as number, [
      ...(out.get(p.claimId as number) ?? []),
      ...(bySource.get(claimPaymentSource(p.id)) ?? []),
    ]);
  return out;
}

/**
 * A claim's payments in 835 order, one per round: a claim paid, reversed and paid again in one
 * chunk posts its second payment after the first's entries are written (the reversal names them).
 */
function roundsByClaim(items: Ready[]): Ready[][] {
  const rounds: Ready[][] = [];
  const seen = new Map<number, number>();
  for (const i of items) {
    const n = seen.get(i.claim.id) ?? 0;
    seen.set(i.claim.id, n + 1);
    (rounds[n] ??= []).push(i);
  }
  return rounds;
}

/** Plans and writes one round (each claim once) in a few statements for all its claim payments. */
async function postRound(
  tx: Executor,
  round: Ready[],
  notYetPosted: number[],
  remit: RemittanceRow,
  actor: AuditActor,
  opts: PostingOptions,
): Promise<void> {
  const reversed = round.filter((r) => r.payment.payment.status === '22').map((r) => r.claim.id);
  const previous = await previousEntries(tx, reversed, notYetPosted);
  const effectiveDate = effectiveDateOf(remit, opts.today);
  const matches = round.map(({ payment, claim, lines }) => lines ?? matchLines(payment.payment, claim.lines));
  const plans: PostingPlan[] = round.map(({ payment, claim }, i) => {
    const clp = payment.payment;
    const match = { claim, how: 'patient_control_number' as const, ...matches[i]! };
    return planClaimPosting(
      clp,
      match,
      {
        practiceId: payment.practiceId,
        patientId: claim.patientId,
        encounterId: claim.encounterId,
        claimId: claim.id,
        payerId: claim.payerId,
        effectiveDate,
        sourceId: claimPaymentSource(payment.id),
      },
      {
        previous: clp.status === '22' ? (previous.get(claim.id) ?? []) : [],
        transaction: remit.controlNumber,
      },
    );
  });
  await postEntryGroups(
    tx,
    plans.map((p) => p.entries),
    actor,
  );
  await openDenials(
    tx,
    plans.flatMap((plan, i) => {
      const { payment, claim } = round[i]!;
      return plan.denials.map((d) => ({
        practiceId: payment.practiceId,
        claimId: claim.id,
        claimLineId: d.claimLineId,
        remittanceClaimId: payment.id,
        groupCode: d.groupCode,
        reasonCode: d.reasonCode,
        remarkCodes: d.remarkCodes,
        amountCents: d.deniedCents,
        remittanceDate: effectiveDate,
      }));
    }),
    actor,
  );
  await moveClaimsByRemittance(
    tx,
    plans.map((plan, i) => {
      const { payment, claim } = round[i]!;
      return {
        claimId: claim.id,
        to: plan.status as ClaimState,
        reason: `835 from ${remit.payerName}, trace ${remit.traceNumber}: CLP02 ${payment.payment.status}`,
        detail: { remittanceClaimId: payment.id, problems: plan.problems.map((p) => p.message) },
      };
    }),
    actor,
  );
  // The next payer's claim follows from this adjudication (none without another coverage in
  // effect); a reversal takes the adjudication off a secondary claim not yet sent.
  const next = await claimsWithNextPayer(
    tx,
    round.map((r) => ({ claimId: r.claim.id, claimPayment: r.payment.payment })),
  );
  await createSecondaryClaims(
    tx,
    round.flatMap(({ payment, claim }, i) =>
      next.has(claim.id)
        ? [
            {
              primaryClaimId: claim.id,
              claimPayment: payment.payment,
              // the lines as posted: the next payer's 2430 loops say what the ledger holds
              paidLines: matches[i]!.lines,
              adjudicationDate: effectiveDate,
              userId: actor.userId,
              actor,
              today: opts.today,
              ...(opts.lookups ? { lookups: opts.lookups } : {}),
            },
          ]
        : [],
    ),
  );
}

/**
 * Posts claim payments taken for posting in the caller's transaction (their state is posted in
 * it): their claims read unless given, charges made sure of, then planned and written a round at
 * a time. A claim's payments are posted in the order given.
 */
export async function postTakenClaimPayments(
  tx: Executor,
  items: readonly ClaimPaymentToPost[],
  remit: RemittanceRow,
  actor: AuditActor,
  opts: PostingOptions,
): Promise<void> {
  const ready: Ready[] = [];
  for (const { payment, candidate, chargesPosted, lines } of items) {
    const claimId = payment.claimId as number;
    const claim = candidate ?? (await candidateById(tx, claimId, [payment.practiceId]));
    if (!claim) throw new Error(`claim ${claimId} is gone`);
    // charges are never removed: lines known charged before the transaction are charged in it
    if (!chargesPosted) await ensureCharges(tx, { claimId }, actor);
    // lines matched against another read of the claim are matched again against this one
    ready.push({ payment, claim, lines: claim === candidate ? lines : undefined });
  }
  const rounds = roundsByClaim(ready);
  for (const [n, round] of rounds.entries())
    await postRound(
      tx,
      round,
      rounds.slice(n).flatMap((r) => r.map((x) => x.payment.id)),
      remit,
      actor,
      opts,
    );
}

/**
 * Posts matched claim payments in one transaction; those already posted are left alone. A
 * claim's payments are posted in the order given.
 */
export async function postClaimPayments(
  db: Db,
  items: readonly ClaimPaymentToPost[],
  remit: RemittanceRow,
  actor: AuditActor,
  opts: PostingOptions,
): Promise<PostResult[]> {
  for (const { payment } of items)
    if (payment.claimId == null) throw new Error(`claim payment ${payment.id} is not matched`);
  return db.transaction(async (tx) => {
    const taken = await takeForPosting(
      tx,
      items.map((i) => i.payment.id),
      actor.userId,
    );
    await postTakenClaimPayments(
      tx,
      items.filter((i) => taken.has(i.payment.id)),
      remit,
      actor,
      opts,
    );
    return items.map((i) => (taken.has(i.payment.id) ? 'posted' : 'already_posted'));
  });
}

/** Posts one matched claim payment in its own transaction (a claim payment matched by hand). */
export async function postClaimPayment(
  db: Db,
  payment: RemittanceClaimRow,
  remit: RemittanceRow,
  actor: AuditActor,
  opts: PostingOptions & { candidate?: StoredCandidate; chargesPosted?: boolean },
): Promise<PostResult> {
  const [result] = await postClaimPayments(
    db,
    [{ payment, candidate: opts.candidate, chargesPosted: opts.chargesPosted ?? false }],
    remit,
    actor,
    opts,
  );
  return result as PostResult;
}

/** Posts a remittance's PLB adjustments to the payer's account, once. */
export async function postProviderAdjustments(
  db: Db,
  remit: RemittanceRow,
  parsed: Pick<Remittance, 'providerAdjustments'>,
  actor: AuditActor,
  today: string,
): Promise<PostResult | 'no_payer'> {
  if (!parsed.providerAdjustments.length) return 'already_posted';
  if (remit.payerId == null) return 'no_payer';
  const payerId = remit.payerId;
  return db.transaction(async (tx) => {
    if (!(await takeProviderAdjustments(tx, remit.id))) return 'already_posted';
    const entries = planProviderAdjustments(parsed as Remittance, {
      practiceId: remit.practiceId,
      payerId,
      effectiveDate: effectiveDateOf(remit, today),
      sourceId: providerAdjustmentSource(remit.id),
    });
    await postEntries(tx, entries, actor);
    return 'posted';
  });
}
