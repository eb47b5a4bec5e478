import { and, eq, gte, inArray, isNotNull, lt, min, ne } from 'drizzle-orm';
import { claimFactsFor, claimLabels } from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { arAging, arSummary } from '../ledger/index.ts';
import { addDays } from '../shared/dates.ts';
import {
  dashboardKpis,
  type AppealFacts,
  type ArAgingInput,
  type DashboardFacts,
  type DashboardKpis,
  type DenialFacts,
} from './kpis.ts';
import { appeal, denial, followUp, followUpEvent } from './tables.ts';

// The dashboard's facts, gathered through each domain's exported reads (claims' history, the
// ledger's A/R), filtered by practice, period and payer; the figures come from kpis.ts.

export interface DashboardQuery {
  practiceId: number;
  from: string;
  to: string;
  payerId?: number;
}

const dayOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const earliest = (...days: (string | null)[]) =>
  days.filter((d): d is string => d !== null).sort()[0] ?? null;

/** Every KPI of the practice over the period (A/R as of today). */
export async function dashboard(db: Executor, q: DashboardQuery, today: string): Promise<DashboardKpis> {
  return dashboardKpis(await dashboardFacts(db, q, today), { from: q.from, to: q.to }, today);
}

export async function dashboardFacts(
  db: Executor,
  q: DashboardQuery,
  today: string,
): Promise<DashboardFacts> {
  const claims = await claimFactsFor(db, q);
  const [denials, appeals, aging, summary] = [
    await denialFacts(db, q.practiceId, claims),
    await appealFacts(db, q),
    await arAging(db, q.practiceId, 'payer', today),
    await arSummary(db, q.practiceId, today, { from: q.from, to: q.to }),
  ];
  const arRows: ArAgingInput[] = aging.rows
    .filter((r) => !q.payerId || r.key === `payer:${q.payerId}`)
    .map((r) => ({ key: r.key, label: r.label, buckets: r.buckets }));
  return {
    claims,
    denials,
    appeals,
    arAging: arRows,
    // practice-wide: ledger charges and payments are not split by payer here
    ledger: {
      totalArCents: summary.totalArCents,
      chargesLast90DaysCents: summary.chargesLast90DaysCents,
      chargesCents: summary.chargesCents,
      contractualAdjustmentsCents: summary.contractualAdjustmentsCents,
      paymentsCents: summary.paymentsCents,
    },
  };
}

/** The denials of these claims, each with the day it was first worked. */
async function denialFacts(
  db: Executor,
  practiceId: number,
  claims: Awaited<ReturnType<typeof claimFactsFor>>,
): Promise<DenialFacts[]> {
  const procedureOf = new Map(
    claims.flatMap((c) => c.lineProcedures.map((l) => [l.claimLineId, l.procedureCode])),
  );
  const out: DenialFacts[] = [];
  const ids = claims.map((c) => c.claimId);
  for (let i = 0; i < ids.length; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    const rows = await db
      .select({
        id: denial.id,
        claimId: denial.claimId,
        claimLineId: denial.claimLineId,
        category: denial.category,
        reasonCode: denial.reasonCode,
        amountCents: denial.amountCents,
        openedAt: denial.openedAt,
        resolvedAt: denial.resolvedAt,
      })
      .from(denial)
      .where(and(eq(denial.practiceId, practiceId), inArray(denial.claimId, slice)));
    const denialIds = rows.map((d) => d.id);
    // the first time someone worked its work item (a note, an owner, a status, a date, closing it)
    const worked = denialIds.length
      ? await db
          .select({ denialId: followUp.denialId, at: min(followUpEvent.at) })
          .from(followUpEvent)
          .innerJoin(followUp, eq(followUp.id, followUpEvent.followUpId))
          .where(and(inArray(followUp.denialId, denialIds), ne(followUpEvent.kind, 'opened')))
          .groupBy(followUp.denialId)
      : [];
    const appealed = denialIds.length
      ? await db
          .select({ denialId: appeal.denialId, at: min(appeal.createdAt) })
          .from(appeal)
          .where(inArray(appeal.denialId, denialIds))
          .groupBy(appeal.denialId)
      : [];
    const workedAt = new Map(worked.map((w) => [w.denialId, w.at]));
    const appealedAt = new Map(appealed.map((w) => [w.denialId, w.at]));
    for (const d of rows)
      out.push({
        denialId: d.id,
        claimId: d.claimId,
        procedureCode: d.claimLineId == null ? null : (procedureOf.get(d.claimLineId) ?? null),
        category: d.category,
        reasonCode: d.reasonCode,
        amountCents: d.amountCents,
        deniedOn: dayOf(d.openedAt)!,
        actionedOn: earliest(dayOf(d.resolvedAt), dayOf(workedAt.get(d.id)), dayOf(appealedAt.get(d.id))),
      });
  }
  return out;
}

/** Appeals decided in the period (of the payer's claims when one is chosen). */
async function appealFacts(db: Executor, q: DashboardQuery): Promise<AppealFacts[]> {
  const rows = await db
    .select({
      id: appeal.id,
      claimId: appeal.claimId,
      state: appeal.state,
      decidedAt: appeal.decidedAt,
      recoveredCents: appeal.recoveredCents,
    })
    .from(appeal)
    .where(
      and(
        eq(appeal.practiceId, q.practiceId),
        ne(appeal.state, 'draft'),
        isNotNull(appeal.decidedAt),
        gte(appeal.decidedAt, new Date(`${q.from}T00:00:00Z`)),
        lt(appeal.decidedAt, new Date(`${addDays(q.to, 1)}T00:00:00Z`)),
      ),
    );
  let kept = rows;
  if (q.payerId) {
    const payerOf = new Map(
      (
        await claimLabels(
          db,
          rows.map((r) => r.claimId),
        )
      ).map((l) => [l.claimId, l.payerId]),
    );
    kept = rows.filter((r) => payerOf.get(r.claimId) === q.payerId);
  }
  return kept.map((r) => ({
    appealId: r.id,
    state: r.state,
    decidedOn: dayOf(r.decidedAt),
    recoveredCents: r.recoveredCents,
  }));
}
