// What posting an 835 needs of claims: the stored claims a remittance may pay (with their lines),
// and the claim's state moved by the payer's adjudication. Remits call these; never the tables.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudits, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { isAnyOf, queryRaw } from '../db/raw.ts';
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
  /** 837I lines: an 835 may pay a line billed by revenue code alone (SVC01 NU:0250). */
  revenueCode: string | null;
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
  // the lines of an 835's claims (two each, fifty thousand claims): read as the driver gives them,
  // not mapped column by column through drizzle's row mapper
  const lines = await queryRaw(
    db,
    `select id, claim_id, service_line_id, line_number, service_date::text as service_date, procedure_code,
            revenue_code, modifiers, units, charge_cents
       from claim_line where claim_id = any($1) order by claim_id, line_number`,
    [rows.map((r) => r.claimId)],
  );
  const byClaim = new Map<number, RemittanceCandidateLine[]>();
  for (const l of lines) {
    const claimId = l.claim_id as number;
    let list = byClaim.get(claimId);
    if (!list) byClaim.set(claimId, (list = []));
    list.push({
      id: l.id as number,
      serviceLineId: l.service_line_id as number | null,
      lineNumber: l.line_number as number,
      lineControlNumber: String(l.id),
      serviceDate: l.service_date as string,
      procedureCode: l.procedure_code as string,
      revenueCode: l.revenue_code as string | null,
      modifiers: (l.modifiers as string[] | null) ?? [],
      units: String(Number(l.units)),
      chargeCents: l.charge_cents as number,
    });
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
    and(eq(claim.practiceId, practiceId), isAnyOf(claim.patientControlNumber, patientControlNumbers)),
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
  const moved = await moveClaimsByRemittance(tx, [{ claimId, to, reason, detail }], actor);
  return moved.get(claimId)!;
}

export interface RemittanceMove {
  claimId: number;
  to: ClaimState;
  reason: string;
  detail?: unknown;
}

/** The states a remittance may move a claim from to `to` (a claim whose 277CA never came included). */
const statesMovableTo = (to: ClaimState) =>
  CLAIM_STATES.filter(
    (s) => canTransition(s, to) || (s === 'submitted' && to !== 'accepted' && canTransition('accepted', to)),
  );

/**
 * moveClaimByRemittance for many claims in one statement (the claim payments of an 835 posted
 * together; each claim once, so round trips do not grow with the claims): the claims are locked
 * in id order, moved where their life allows, their history written, and the audit events of all
 * the moves written in one insert.
 */
export async function moveClaimsByRemittance(
  tx: Executor,
  moves: readonly RemittanceMove[],
  actor: AuditActor,
): Promise<Map<number, { from: string; to: string; moved: boolean }>> {
  if (!moves.length) return new Map();
  // one array a column (unnest), not five placeholders a claim: an 835 chunk moves hundreds
  const column = <T>(f: (m: RemittanceMove) => T) => sql.param(moves.map(f));
  const result = await tx.execute(sql`
    with m(claim_id, to_state, allowed, reason, detail) as (
      select claim_id, to_state, allowed::text[], reason, detail
        from unnest(${column((m) => m.claimId)}::int[], ${column((m) => m.to)}::text[],
                    ${column((m) => `{${statesMovableTo(m.to).join(',')}}`)}::text[], ${column((m) => m.reason)}::text[],
                    ${column((m) => JSON.stringify(m.detail ?? null))}::jsonb[])
          as given(claim_id, to_state, allowed, reason, detail)),
    old as (select ${claim.id} as id, ${claim.state} as state, ${claim.practiceId} as practice_id from ${claim}
             where ${claim.id} in (select claim_id from m) order by ${claim.id} for update),
    upd as (
      update ${claim} set state = m.to_state, updated_at = now() from old, m
       where ${claim.id} = old.id and m.claim_id = old.id and old.state = any(m.allowed)
      returning old.id, old.state as from_state, m.to_state),
    steps as (
      select upd.id, s.from_state, s.to_state, s.n from upd cross join lateral (values
        (upd.from_state, case when upd.from_state = 'submitted' then 'accepted' else upd.to_state end, 1),
        ('accepted', upd.to_state, 2)) as s(from_state, to_state, n)
       where s.n = 1 or upd.from_state = 'submitted'),
    ev as (
      insert into ${claimEvent} (claim_id, user_id, from_state, to_state, reason, detail)
      select steps.id, ${actor.userId}, steps.from_state, steps.to_state, m.reason, m.detail
        from steps join m on m.claim_id = steps.id order by steps.id, steps.n
      returning claim_id, from_state, to_state)
    select coalesce((select json_agg(json_build_array(old.id, old.state)) from old), '[]'::json) as olds,
           coalesce((select json_agg(json_build_array(ev.claim_id, ev.from_state, ev.to_state, old.practice_id))
                       from ev join old on old.id = ev.claim_id), '[]'::json) as steps`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const olds = new Map(json<[number, string][]>(row.olds));
  const missing = moves.find((m) => !olds.has(m.claimId));
  if (missing) throw new Error(`claim ${missing.claimId} does not exist`);
  const steps = json<[number, string, string, number][]>(row.steps);
  const reasons = new Map(moves.map((m) => [m.claimId, m.reason]));
  // a claim's steps in their order (submitted → accepted first), as its claim_event ids have them
  steps.sort((a, b) => a[0] - b[0] || (a[1] === 'submitted' ? -1 : b[1] === 'submitted' ? 1 : 0));
  await recordAudits(
    tx,
    actor,
    steps.map(([claimId, before, after, practiceId]) => ({
      practiceId: Number(practiceId),
      action: 'update',
      entity: 'claim',
      entityId: claimId,
      before: { state: before },
      after: { state: after },
      detail: { reason: reasons.get(claimId) },
    })),
  );
  const movedIds = new Set(steps.map((s) => s[0]));
  return new Map(
    moves.map((m) => {
      const from = olds.get(m.claimId)!;
      return [
        m.claimId,
        movedIds.has(m.claimId) ? { from, to: m.to, moved: true } : { from, to: from, moved: false },
      ];
    }),
  );
}
