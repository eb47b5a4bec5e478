// What posting an 835 needs of claims: the stored claims a remittance may pay (with their lines),
// and the claim's state moved by the payer's adjudication. Remits call these; never the tables.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudits, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { CLAIM_STATES, canTransition, type ClaimState } from './states.ts';
import { claim, claimEvent, claimLine } from './tables.ts';

export interface RemittanceCandidateLine {
  id: number;
  serviceLineId: number | null;
  lineNumber: number;
  /** REF*6R we sent: the claim line id. */
  lineControlNumber: string;
  serviceDate: string;
  procedureCode: string;
  modifiers: string[];
  units: string;
  chargeCents: number;
}

/** A stored claim a remittance may pay. */
export interface RemittanceCandidate {
  claimId: number;
  practiceId: number;
  patientId: number;
  encounterId: number;
  payerId: number;
  patientControlNumber: string;
  payerResponsibility: string;
  state: string;
  frequencyCode: string;
  originalClaimId: number | null;
  totalChargeCents: number;
  lines: RemittanceCandidateLine[];
}

async function candidatesWhere(db: Executor, where: ReturnType<typeof and>): Promise<RemittanceCandidate[]> {
  const rows = await db
    .select({
      claimId: claim.id,
      practiceId: claim.practiceId,
      patientId: claim.patientId,
      encounterId: claim.encounterId,
      payerId: claim.payerId,
      patientControlNumber: claim.patientControlNumber,
      payerResponsibility: claim.payerResponsibility,
      state: claim.state,
      frequencyCode: claim.frequencyCode,
      originalClaimId: claim.originalClaimId,
      totalChargeCents: claim.totalChargeCents,
    })
    .from(claim)
    .where(where);
  if (!rows.length) return [];
  const lines = await db
    .select()
    .from(claimLine)
    .where(
      inArray(
        claimLine.claimId,
        rows.map((r) => r.claimId),
      ),
    )
    .orderBy(asc(claimLine.claimId), asc(claimLine.lineNumber));
  const byClaim = new Map<number, RemittanceCandidateLine[]>();
  for (const l of lines) {
    const list = byClaim.get(l.claimId) ?? [];
    list.push({
      id: l.id,
      serviceLineId: l.serviceLineId,
      lineNumber: l.lineNumber,
      lineControlNumber: String(l.id),
      serviceDate: l.serviceDate,
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      units: String(Number(l.units)),
      chargeCents: l.chargeCents,
    });
    byClaim.set(l.claimId, list);
  }
  return rows.map((r) => ({ ...r, lines: byClaim.get(r.claimId) ?? [] }));
}

/** The practice's claims with these patient control numbers (CLP01 echoes our CLM01). */
export function claimsForRemittance(
  db: Executor,
  practiceId: number,
  patientControlNumbers: string[],
): Promise<RemittanceCandidate[]> {
  if (!patientControlNumbers.length) return Promise.resolve([]);
  return candidatesWhere(
    db,
    and(eq(claim.practiceId, practiceId), inArray(claim.patientControlNumber, patientControlNumbers)),
  );
}

/**
 * The practice's claims for these patients with a line in the date range: the second way a
 * remittance matches when the payer did not echo our control number.
 */
export function claimsForPatientVisit(
  db: Executor,
  practiceId: number,
  patientIds: number[],
  dates: { from: string; to: string },
): Promise<RemittanceCandidate[]> {
  if (!patientIds.length) return Promise.resolve([]);
  return candidatesWhere(
    db,
    and(
      eq(claim.practiceId, practiceId),
      inArray(claim.patientId, patientIds),
      sql`exists (select 1 from ${claimLine} where ${claimLine.claimId} = ${claim.id} and ${claimLine.serviceDate} between ${dates.from} and ${dates.to})`,
    ),
  );
}

/** One claim as a remittance candidate, in the given practices (for a manual match). */
export async function claimForRemittance(
  db: Executor,
  claimId: number,
  practiceIds: number[],
): Promise<RemittanceCandidate | undefined> {
  const [c] = await candidatesWhere(
    db,
    and(eq(claim.id, claimId), inArray(claim.practiceId, practiceIds.length ? practiceIds : [-1])),
  );
  return c;
}

/**
 * Moves a claim to the state its remittance says (paid, partially_paid, denied, reversed), recorded
 * with the remittance as the reason. A state it is already in is left alone (a second payment on
 * a paid claim), and so is a claim whose life does not allow the move (voided, corrected, closed):
 * the money still posts, the claim's history keeps what a person decided.
 */
export async function moveClaimByRemittance(
  tx: Executor,
  claimId: number,
  to: ClaimState,
  actor: AuditActor,
  reason: string,
  detail?: unknown,
): Promise<{ from: string; to: string; moved: boolean }> {
  // An 835 for a claim whose 277CA never came says the payer took it: accepted first, then adjudicated.
  const allowed = CLAIM_STATES.filter(
    (s) => canTransition(s, to) || (s === 'submitted' && to !== 'accepted' && canTransition('accepted', to)),
  );
  // One statement locks the claim, moves it if its life allows and writes its history (posting
  // runs this once per claim payment, so round trips count).
  const result = await tx.execute(sql`
    with old as (select ${claim.id} as id, ${claim.state} as state from ${claim} where ${claim.id} = ${claimId} for update),
    upd as (
      update ${claim} set state = ${to}, updated_at = now() from old
       where ${claim.id} = old.id and old.state = any(${`{${allowed.join(',')}}`}::text[])
      returning old.state as from_state),
    steps as (
      select s.from_state, s.to_state, s.n from upd cross join lateral (values
        (upd.from_state, case when upd.from_state = 'submitted' then 'accepted' else ${to} end, 1),
        ('accepted', ${to}, 2)) as s(from_state, to_state, n)
       where s.n = 1 or upd.from_state = 'submitted'),
    ev as (
      insert into ${claimEvent} (claim_id, user_id, from_state, to_state, reason, detail)
      select ${claimId}, ${actor.userId}, from_state, to_state, ${reason}, ${JSON.stringify(detail ?? null)}::jsonb
        from steps order by n
      returning from_state, to_state)
    select (select state from old) as old_state, (select practice_id from ${claim} where ${claim.id} = ${claimId}) as practice_id,
           coalesce((select json_agg(json_build_array(from_state, to_state)) from ev), '[]'::json) as steps`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row || row.old_state == null) throw new Error(`claim ${claimId} does not exist`);
  const from = String(row.old_state);
  const steps = (typeof row.steps === 'string' ? JSON.parse(row.steps) : row.steps) as [string, string][];
  if (!steps.length) return { from, to: from as ClaimState, moved: false };
  await recordAudits(
    tx,
    actor,
    steps.map(([before, after]) => ({
      practiceId: Number(row.practice_id),
      action: 'update',
      entity: 'claim',
      entityId: claimId,
      before: { state: before },
      after: { state: after },
      detail: { reason },
    })),
  );
  return { from, to, moved: true };
}
