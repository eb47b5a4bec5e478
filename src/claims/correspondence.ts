// What a letter about a claim (an appeal) needs of it, and how such a letter is recorded on the
// claim's history and answered with a corrected claim or a void: other domains call these
// through index.ts instead of reading the claim tables.
import type { AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { notFound } from '../shared/problem.ts';
import { replaceClaim, type ReplacementInput } from './replace.ts';
import type { ClaimLookups } from './scrub-view.ts';
import { scrubStoredClaim } from './scrub.ts';
import { canTransition, type ClaimState } from './states.ts';
import { loadClaim, moveClaim } from './store.ts';
import { claimEvent } from './tables.ts';

export interface ClaimForLetter {
  id: number;
  practiceId: number;
  patientId: number;
  coverageId: number;
  payerId: number;
  renderingProviderId: number;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  state: string;
  priorAuthorization: string | null;
  diagnoses: string[];
  totalChargeCents: number;
  lines: {
    lineNumber: number;
    serviceDate: string;
    procedureCode: string;
    modifiers: string[];
    units: string;
    chargeCents: number;
  }[];
}

/** A claim and its lines as a letter cites them, in the user's practices; undefined when not found. */
export async function claimForLetter(
  db: Executor,
  claimId: number,
  scope: number[],
): Promise<ClaimForLetter | undefined> {
  const loaded = await loadClaim(db, claimId, scope);
  if (!loaded) return undefined;
  const r = loaded.row;
  return {
    id: r.id,
    practiceId: r.practiceId,
    patientId: r.patientId,
    coverageId: r.coverageId,
    payerId: r.payerId,
    renderingProviderId: r.renderingProviderId,
    patientControlNumber: r.patientControlNumber,
    payerClaimNumber: r.payerClaimNumber,
    state: r.state,
    priorAuthorization: r.priorAuthorization,
    diagnoses: r.diagnoses,
    totalChargeCents: r.totalChargeCents,
    lines: loaded.lines.map((l) => ({
      lineNumber: l.lineNumber,
      serviceDate: l.serviceDate,
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      units: l.units,
      chargeCents: l.chargeCents,
    })),
  };
}

/**
 * Puts something done about the claim on its history (an appeal sent, its outcome). With `to`, the
 * claim moves there when its life allows (a denied claim becomes appealed); otherwise the event
 * keeps the claim's state, as a 277's answer does.
 */
export async function noteOnClaim(
  tx: Executor,
  claimId: number,
  scope: number[],
  actor: AuditActor,
  note: { reason: string; detail?: unknown; to?: ClaimState },
): Promise<void> {
  const loaded = await loadClaim(tx, claimId, scope);
  if (!loaded) throw notFound('claim');
  const row = loaded.row;
  if (note.to && canTransition(row.state as ClaimState, note.to)) {
    await moveClaim(tx, row, note.to, actor, note.reason, note.detail);
    return;
  }
  await tx.insert(claimEvent).values({
    claimId,
    userId: actor.userId,
    fromState: row.state,
    toState: row.state,
    reason: note.reason,
    detail: note.detail ?? null,
  });
}

/**
 * A corrected claim (frequency 7) or void (8) of an adjudicated claim, scrubbed like any new claim
 * so it goes out through the normal batch path; the claims API's replace route does the same.
 */
export async function replaceStoredClaim(
  tx: Executor,
  claimId: number,
  scope: number[],
  input: ReplacementInput,
  actor: AuditActor,
  today: string,
  lookups: ClaimLookups,
): Promise<{ id: number; patientControlNumber: string; state: string }> {
  const loaded = await loadClaim(tx, claimId, scope);
  if (!loaded) throw notFound('claim');
  const row = await replaceClaim(tx, loaded.row, input, actor);
  await scrubStoredClaim(tx, row, actor, today, lookups);
  const after = (await loadClaim(tx, row.id, scope))?.row ?? row;
  return { id: row.id, patientControlNumber: row.patientControlNumber, state: after.state };
}
