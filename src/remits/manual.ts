// A biller matches a claim payment from the unmatched queue to one of our claims; it then posts
// like any other, in its own transaction.
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { ClaimLookups } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { candidateById } from './candidates.ts';
import { postRemittance } from './post-remittance.ts';
import { matchLines } from './match.ts';
import { postClaimPayment, type PostResult } from './post.ts';
import { claimPaymentById, remittanceById, setClaimPayment } from './store.ts';

export async function matchByHand(
  db: Db,
  claimPaymentId: number,
  claimId: number,
  practiceIds: number[],
  actor: AuditActor,
  today: string,
  lookups?: ClaimLookups,
): Promise<{ result: PostResult; claimPaymentId: number; claimId: number }> {
  const payment = await claimPaymentById(db, claimPaymentId);
  if (!payment || !practiceIds.includes(payment.practiceId)) throw notFound('claim payment');
  if (payment.state !== 'unmatched')
    throw conflict(`this claim payment is ${payment.state}, not waiting in the unmatched queue`);
  const claim = await candidateById(db, claimId, [payment.practiceId]);
  if (!claim) throw notFound('claim');
  const m = matchLines(payment.payment, claim.lines);
  if (m.unmatchedLines.length)
    throw conflict(
      `claim ${claimId} has no line for service lines ${m.unmatchedLines
        .map((l) => `${l.index + 1} (${l.payment.procedure.code})`)
        .join(', ')} of this payment: match it to the claim that billed them`,
    );
  await db.transaction(async (tx) => {
    await setClaimPayment(tx, payment.id, {
      claimId,
      matchedBy: 'manual',
      lineMatches: payment.payment.serviceLines.map(
        (_, i) => m.lines.find((l) => l.index === i)?.line.id ?? null,
      ),
      state: 'pending',
      note: null,
    });
    await recordAudit(tx, actor, {
      practiceId: payment.practiceId,
      action: 'update',
      entity: 'remittance_claim',
      entityId: payment.id,
      before: { state: 'unmatched', claimId: null },
      after: { state: 'pending', claimId },
      detail: { reason: 'matched by hand' },
    });
  });
  const remit = await remittanceById(db, payment.remittanceId);
  if (!remit) throw notFound('remittance');
  const result = await postClaimPayment(db, { ...payment, claimId, state: 'pending' }, remit, actor, {
    today,
    candidate: claim,
    lookups,
  });
  // the remittance's own state (posted, partly posted) follows what is left waiting
  await postRemittance(db, remit, remit, { ...actor, today, lookups });
  return { result, claimPaymentId: payment.id, claimId };
}
