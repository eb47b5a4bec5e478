// Which claims an 835 adjudicated have work for createSecondaryClaim, sifted for many claims in two
// reads: posting a chunk of claim payments then calls it (several reads a claim) only for those.
import type { Executor } from '../db/connection.ts';
import { isAnyOf } from '../db/raw.ts';
import { coveragePrioritiesOfPatients, laterCoverages } from '../patients/index.ts';
import type { ClaimPayment } from '../x12/transactions/835-types.ts';
import { noNextClaimReason } from './cob.ts';
import { PRIORITY_OF } from './secondary.ts';
import { claim } from './tables.ts';

/**
 * Of these adjudicated claims, those createSecondaryClaim may act on: every reversal (it may take
 * the adjudication off a later claim), and a payment the payer did not forward whose patient has a
 * coverage billed after the claim's, on any date (createSecondaryClaim checks the date of service).
 */
export async function claimsWithNextPayer(
  tx: Executor,
  adjudicated: readonly { claimId: number; claimPayment: ClaimPayment }[],
): Promise<Set<number>> {
  const out = new Set(adjudicated.filter((a) => a.claimPayment.status === '22').map((a) => a.claimId));
  const ids = adjudicated
    .filter((a) => a.claimPayment.status !== '22' && !noNextClaimReason(a.claimPayment))
    .map((a) => a.claimId);
  if (!ids.length) return out;
  const claims = await tx
    .select({ id: claim.id, patientId: claim.patientId, payerResponsibility: claim.payerResponsibility })
    .from(claim)
    .where(isAnyOf(claim.id, ids));
  const ofPatient = new Map<number, { priority: string }[]>();
  for (const v of await coveragePrioritiesOfPatients(tx, [...new Set(claims.map((c) => c.patientId))]))
    ofPatient.set(v.patientId, [...(ofPatient.get(v.patientId) ?? []), v]);
  for (const c of claims)
    if (laterCoverages(ofPatient.get(c.patientId) ?? [], PRIORITY_OF[c.payerResponsibility] ?? '').length)
      out.add(c.id);
  return out;
}
