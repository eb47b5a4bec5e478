// Posting: one database transaction per claim payment. In it the payment is taken (pending →
// posted), the claim's charges are made sure of, the plan's entries are posted, denials opened
// and the claim moved. A process that dies mid-way leaves the payment pending and nothing of it
// posted; posting again finds it pending and posts it once.
import type { AuditActor } from '../audit/index.ts';
import {
  createSecondaryClaim,
  moveClaimByRemittance,
  type ClaimLookups,
  type ClaimState,
} from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { openDenials } from '../denials/index.ts';
import { ensureCharges, entriesOfSource, postEntries } from '../ledger/index.ts';
import type { Remittance } from '../x12/index.ts';
import { candidateById, type StoredCandidate } from './candidates.ts';
import { matchLines } from './match.ts';
import { planClaimPosting, type PostedRemitEntry } from './plan.ts';
import { planProviderAdjustments } from './plb.ts';
import {
  postedPaymentsOfClaim,
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

/** The day the money moved: the check or EFT date (BPR16), else today. */
const effectiveDateOf = (r: RemittanceRow, today: string) => r.paymentDate ?? today;

async function previousEntries(tx: Executor, claimId: number, exceptId: number): Promise<PostedRemitEntry[]> {
  const earlier = await postedPaymentsOfClaim(tx, claimId, exceptId);
  const out: PostedRemitEntry[] = [];
  for (const p of earlier)
    for (const e of await entriesOfSource(tx, 'remittance', claimPaymentSource(p.id)))
      out.push({ ...e, account: e.account as PostedRemitEntry['account'] });
  return out;
}

/** Posts one matched claim payment in its own transaction; a payment already posted is left alone. */
export async function postClaimPayment(
  db: Db,
  payment: RemittanceClaimRow,
  remit: RemittanceRow,
  actor: AuditActor,
  opts: {
    today: string;
    candidate?: StoredCandidate;
    chargesPosted?: boolean;
    lookups?: ClaimLookups | undefined;
  },
): Promise<PostResult> {
  const claimId = payment.claimId;
  if (claimId == null) throw new Error(`claim payment ${payment.id} is not matched`);
  return db.transaction(async (tx) => {
    if (!(await takeForPosting(tx, payment.id, actor.userId))) return 'already_posted';
    const claim = opts.candidate ?? (await candidateById(tx, claimId, [payment.practiceId]));
    if (!claim) throw new Error(`claim ${claimId} is gone`);
    const clp = payment.payment;
    const match = { claim, how: 'patient_control_number' as const, ...matchLines(clp, claim.lines) };
    // charges are never removed: lines known charged before the transaction are charged in it
    if (!opts.chargesPosted) await ensureCharges(tx, { claimId }, actor);
    const previous = clp.status === '22' ? await previousEntries(tx, claimId, payment.id) : [];
    const plan = planClaimPosting(
      clp,
      match,
      {
        practiceId: payment.practiceId,
        patientId: claim.patientId,
        encounterId: claim.encounterId,
        claimId,
        payerId: claim.payerId,
        effectiveDate: effectiveDateOf(remit, opts.today),
        sourceId: claimPaymentSource(payment.id),
      },
      { previous, transaction: remit.controlNumber },
    );
    await postEntries(tx, plan.entries, actor);
    await openDenials(
      tx,
      plan.denials.map((d) => ({
        practiceId: payment.practiceId,
        claimId,
        claimLineId: d.claimLineId,
        remittanceClaimId: payment.id,
        groupCode: d.groupCode,
        reasonCode: d.reasonCode,
        remarkCodes: d.remarkCodes,
        amountCents: d.deniedCents,
      })),
    );
    await moveClaimByRemittance(
      tx,
      claimId,
      plan.status as ClaimState,
      actor,
      `835 from ${remit.payerName}, trace ${remit.traceNumber}: CLP02 ${clp.status}`,
      { remittanceClaimId: payment.id, problems: plan.problems.map((p) => p.message) },
    );
    // The next payer's claim follows from this adjudication (none without another coverage in
    // effect); a reversal takes the adjudication off a secondary claim not yet sent.
    await createSecondaryClaim(tx, {
      primaryClaimId: claimId,
      claimPayment: clp,
      adjudicationDate: effectiveDateOf(remit, opts.today),
      userId: actor.userId,
      actor,
      today: opts.today,
      ...(opts.lookups ? { lookups: opts.lookups } : {}),
    });
    return 'posted';
  });
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
