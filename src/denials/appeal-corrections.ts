// A denial answered with a corrected claim (frequency 7) or a void (8) instead of an appeal: the
// claims domain makes and scrubs the new claim, naming the payer's claim number from the 835 that
// denied it, and it goes out through the normal batch path; the denial is resolved as corrected.
import { replaceStoredClaim, type ClaimLookups } from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { conflict } from '../shared/problem.ts';
import { appealContext } from './appeal-context.ts';
import type { AppealEnv } from './appeals.ts';
import { denialById, resolveDenialIn } from './store.ts';

export async function correctFromDenial(
  tx: Executor,
  denialId: number,
  input: { frequencyCode: '7' | '8'; reason: string },
  env: AppealEnv & { lookups: ClaimLookups },
  now: Date,
) {
  const denied = await denialById(tx, denialId, env.scope);
  const ctx = await appealContext(tx, denied.claimId, denied.id, env.scope);
  if (!ctx.payerClaimNumber)
    throw conflict(
      `claim ${ctx.claim.patientControlNumber} has no payer claim number (CLP07) from an 835: a ${input.frequencyCode === '7' ? 'corrected claim' : 'void'} must name it`,
    );
  const replacement = await replaceStoredClaim(
    tx,
    denied.claimId,
    env.scope,
    { frequencyCode: input.frequencyCode, payerClaimNumber: ctx.payerClaimNumber, reason: input.reason },
    env.actor,
    env.today,
    env.lookups,
  );
  await resolveDenialIn(
    tx,
    denied.id,
    env.scope,
    'corrected',
    `${input.frequencyCode === '7' ? 'corrected claim' : 'void'} ${replacement.patientControlNumber}: ${input.reason}`,
    env.actor,
    now,
  );
  return { denialId: denied.id, claim: replacement, payerClaimNumber: ctx.payerClaimNumber };
}
