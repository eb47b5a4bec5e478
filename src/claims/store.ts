import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit, recordAudits } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { insertMany, isAnyOf } from '../db/raw.ts';
import { patientFieldsOf } from '../patients/index.ts';
import { userNameOf } from '../auth/index.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { searchCondition } from '../http/resource.ts';
import { loadClaimParties } from './parties.ts';
import { drugOf } from '../encounters/service-line.ts';
import { canTransition, type ClaimState } from './states.ts';
import { claimTo837 } from './to-837.ts';
import { claim, claimEvent, claimFinding, claimLine } from './tables.ts';

export type ClaimRow = typeof claim.$inferSelect;

export async function loadClaim(db: Executor, id: number, scope: number[]) {
  const [row] = await db
    .select()
    .from(claim)
    .where(and(eq(claim.id, id), inArray(claim.practiceId, scope.length ? scope : [-1])));
  if (!row) return undefined;
  const lines = await db
    .select()
    .from(claimLine)
    .where(eq(claimLine.claimId, id))
    .orderBy(asc(claimLine.lineNumber));
  return { row, lines };
}

/** A claim and one of its findings, or 404 for either (the claim is looked up in the user's practices). */
export async function loadFinding(db: Executor, claimId: number, findingId: number, scope: number[]) {
  const loaded = await loadClaim(db, claimId, scope);
  if (!loaded) throw notFound('claim');
  const [finding] = await db
    .select()
    .from(claimFinding)
    .where(and(eq(claimFinding.id, findingId), eq(claimFinding.claimId, claimId)));
  if (!finding) throw notFound('finding');
  return { loaded, finding };
}

export async function claimDetail(db: Executor, id: number, scope: number[]) {
  const loaded = await loadClaim(db, id, scope);
  if (!loaded) return undefined;
  const findings = await db
    .select()
    .from(claimFinding)
    .where(eq(claimFinding.claimId, id))
    .orderBy(asc(claimFinding.id));
  const history = await db
    .select({ event: claimEvent, userName: userNameOf(claimEvent.userId) })
    .from(claimEvent)
    .where(eq(claimEvent.claimId, id))
    .orderBy(asc(claimEvent.id))
    .then((rows) => rows.map((r) => ({ ...r.event, userName: r.userName })));
  return {
    ...loaded.row,
    lines: loaded.lines.map((l) => ({ ...l, units: Number(l.units), ...drugOf(l) })),
    findings,
    history,
    statement: await statementPeriod(db, loaded.row, loaded.lines),
  };
}

/**
 * UB-04 FL6 (statement covers period) exactly as the 837I carries it in DTP*434, read from the
 * claim model the 837I writer uses, so the form shows what is sent. Null on a professional claim.
 */
async function statementPeriod(
  db: Executor,
  row: ClaimRow,
  lines: (typeof claimLine.$inferSelect)[],
): Promise<{ from: string; to: string } | null> {
  if (!row.institutional) return null;
  const model = claimTo837(row, lines, await loadClaimParties(db, row));
  const period = model.claim.dates.find((d) => d.qualifier === '434')?.period;
  return period ? { from: period.from, to: period.to ?? period.from } : null;
}

/** Moves a claim to another state if its life allows it, recording who, when and why (and auditing it). */
export async function moveClaim(
  tx: Executor,
  row: ClaimRow,
  to: ClaimState,
  actor: AuditActor,
  reason: string,
  detail?: unknown,
): Promise<void> {
  const from = row.state as ClaimState;
  if (!canTransition(from, to)) throw conflict(`a ${from} claim cannot become ${to}`);
  await tx.update(claim).set({ state: to, updatedAt: new Date() }).where(eq(claim.id, row.id));
  await tx.insert(claimEvent).values({
    claimId: row.id,
    userId: actor.userId,
    fromState: from,
    toState: to,
    reason,
    detail: detail ?? null,
  });
  await recordAudit(tx, actor, {
    practiceId: row.practiceId,
    action: 'update',
    entity: 'claim',
    entityId: row.id,
    before: { state: from },
    after: { state: to },
    detail: { reason },
  });
}

/**
 * Moves many claims at once (a batch sent or released: thousands of claims), each with its claim
 * event and audit entry as moveClaim records them, in a few statements instead of three a claim.
 */
export async function moveClaims(
  tx: Executor,
  rows: ClaimRow[],
  to: ClaimState,
  actor: AuditActor,
  reason: string,
  detail?: unknown,
  /** When scrubbing moves the claims: written in the same update. */
  scrubbedAt?: Date,
): Promise<void> {
  for (const row of rows)
    if (!canTransition(row.state as ClaimState, to))
      throw conflict(`a ${row.state} claim cannot become ${to}`);
  if (!rows.length) return;
  // lists as one array parameter and rows as one JSON parameter: a posting moves hundreds at once
  await tx
    .update(claim)
    .set({ state: to, updatedAt: new Date(), ...(scrubbedAt ? { scrubbedAt } : {}) })
    .where(
      isAnyOf(
        claim.id,
        rows.map((r) => r.id),
      ),
    );
  await insertMany(
    tx,
    claimEvent,
    rows.map((row) => ({
      claimId: row.id,
      userId: actor.userId,
      fromState: row.state,
      toState: to,
      reason,
      detail: detail ?? null,
    })),
  );
  await recordAudits(
    tx,
    actor,
    rows.map((row) => ({
      practiceId: row.practiceId,
      action: 'update' as const,
      entity: 'claim',
      entityId: row.id,
      before: { state: row.state },
      after: { state: to },
      detail: { reason },
    })),
  );
}

export interface ClaimListQuery {
  page?: number;
  pageSize?: number;
  sort?: 'createdAt' | 'serviceDate' | 'totalChargeCents' | 'state';
  order?: 'asc' | 'desc';
  q?: string;
  practiceId?: number;
  state?: string;
  payerId?: number;
  renderingProviderId?: number;
  encounterId?: number;
  /** Days since the first date of service, at least. */
  minAgeDays?: number;
  hasFindings?: 'errors' | 'warnings' | 'none';
}

export async function listClaims(db: Executor, scope: number[], q: ClaimListQuery, today: string) {
  const { page = 1, pageSize = 25 } = q;
  const practices = q.practiceId ? scope.filter((p) => p === q.practiceId) : scope;
  // The outer claim's id is qualified by hand: in a one-table select drizzle leaves ${claim.id} bare,
  // and a bare "id" inside the subquery is the line's (or finding's) own.
  const claimId = sql`${claim}.id`;
  const firstDate = sql<string>`(select min(${claimLine.serviceDate}) from ${claimLine} where ${claimLine.claimId} = ${claimId})`;
  const errors = sql<number>`(select count(*)::int from ${claimFinding} where ${claimFinding.claimId} = ${claimId} and ${claimFinding.severity} = 'error')`;
  const warnings = sql<number>`(select count(*)::int from ${claimFinding} where ${claimFinding.claimId} = ${claimId} and ${claimFinding.severity} = 'warning' and not ${claimFinding.overridden})`;
  const patient = patientFieldsOf(claim.patientId);
  const conditions: (SQL | undefined)[] = [
    inArray(claim.practiceId, practices.length ? practices : [-1]),
    searchCondition(
      [patient.lastName, patient.firstName, patient.accountNumber, claim.patientControlNumber],
      q.q,
    ),
    q.state ? eq(claim.state, q.state) : undefined,
    q.payerId ? eq(claim.payerId, q.payerId) : undefined,
    q.encounterId ? eq(claim.encounterId, q.encounterId) : undefined,
    q.renderingProviderId ? eq(claim.renderingProviderId, q.renderingProviderId) : undefined,
    q.minAgeDays !== undefined ? sql`${firstDate} <= ${today}::date - ${q.minAgeDays}::int` : undefined,
    q.hasFindings === 'errors'
      ? sql`${errors} > 0`
      : q.hasFindings === 'warnings'
        ? sql`${warnings} > 0`
        : q.hasFindings === 'none'
          ? sql`${errors} = 0 and ${warnings} = 0`
          : undefined,
  ];
  const sortColumn = {
    createdAt: claim.createdAt,
    serviceDate: firstDate,
    totalChargeCents: claim.totalChargeCents,
    state: claim.state,
  }[q.sort ?? 'createdAt'];
  const rows = await db
    .select({
      id: claim.id,
      practiceId: claim.practiceId,
      patientControlNumber: claim.patientControlNumber,
      patientName: patient.name,
      payerId: claim.payerId,
      renderingProviderId: claim.renderingProviderId,
      state: claim.state,
      frequencyCode: claim.frequencyCode,
      totalChargeCents: claim.totalChargeCents,
      serviceDate: firstDate,
      errors,
      warnings,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(claim)
    .where(and(...conditions))
    .orderBy((q.order ?? 'desc') === 'desc' ? desc(sortColumn) : asc(sortColumn), desc(claim.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, page, pageSize };
}
