// Compensation plans and payout runs on the database. A plan edit adds a version (audited); a run
// reads each person's time, coding productivity and audit scores and the team's collections,
// computes every payout (payout.ts) and keeps the inputs with the lines, in one transaction with
// its audit event. Reading someone else's payout is audited: pay is personal.
import { and, asc, desc, eq, gte, lte, max } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { auditScoresFor, productivityFor } from '../coding/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { collectionsBetween } from '../ledger/index.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { compensationPlan, payoutLine, payoutRun } from './comp-plan-tables.ts';
import { checkPeriod, codingInputs, NO_PLAN, payOf, planInForce, weeksIn } from './comp-plan.ts';
import { computePayout, type CompPlan, type PayoutInput } from './payout.ts';
import { listStaff, timeByWeek } from './staff-store.ts';
import type { Viewer } from './staff-store.ts';

export type CompensationPlanRow = typeof compensationPlan.$inferSelect;
export type PayoutRunRow = typeof payoutRun.$inferSelect;
export type PayoutLineRow = typeof payoutLine.$inferSelect;

/** Every version of every role's plan, newest first within a role. */
export function compensationPlans(db: Executor, practiceId: number): Promise<CompensationPlanRow[]> {
  return db
    .select()
    .from(compensationPlan)
    .where(eq(compensationPlan.practiceId, practiceId))
    .orderBy(asc(compensationPlan.role), desc(compensationPlan.version));
}

/** A new version of a role's plan (the first, or an edit: the earlier versions stay). */
export async function saveCompensationPlan(
  db: Executor,
  practiceId: number,
  draft: { role: string; effectiveFrom: string; plan: CompPlan; note?: string | null },
  actor: AuditActor,
): Promise<CompensationPlanRow> {
  const [last] = await db
    .select({ version: max(compensationPlan.version) })
    .from(compensationPlan)
    .where(and(eq(compensationPlan.practiceId, practiceId), eq(compensationPlan.role, draft.role)));
  const [row] = await db
    .insert(compensationPlan)
    .values({
      practiceId,
      role: draft.role,
      version: (last?.version ?? 0) + 1,
      effectiveFrom: draft.effectiveFrom,
      plan: draft.plan,
      note: draft.note ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(db, actor, {
    practiceId,
    action: 'create',
    entity: 'compensation_plan',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** Staff on the payroll some day of the period. */
const employedIn = (s: { hireDate: string; endDate: string | null }, from: string, to: string) =>
  s.hireDate <= to && (s.endDate === null || s.endDate >= from);

/**
 * Computes and keeps the payout of every staff member employed in the period (whole workweeks),
 * under their role's plan in force on its last day. The team bonus splits the period's
 * collections equally among them.
 */
export async function runPayout(
  db: Db,
  practiceId: number,
  period: { from: string; to: string },
  actor: AuditActor,
): Promise<{ run: PayoutRunRow; lines: PayoutLineRow[] }> {
  const { from, to } = period;
  const errors = checkPeriod(from, to);
  if (errors.length) throw invalid(errors);
  return db.transaction(async (tx) => {
    const staff = (await listStaff(tx, practiceId)).filter((s) => employedIn(s, from, to));
    const plans = await compensationPlans(tx, practiceId);
    const collectionsCents = await collectionsBetween(tx, practiceId, from, to);
    const team = { collectionsCents, members: staff.length };
    const weeks = weeksIn(from, to);
    const computed = [];
    for (const s of staff) {
      const plan = planInForce(plans, s.role, to);
      const coding =
        s.userId === null
          ? codingInputs([], { charts: 0, correct: 0, total: 0 })
          : codingInputs(
              (await productivityFor(tx, practiceId, s.userId, from, to)).coders[0]?.byType ?? [],
              (await auditScoresFor(tx, practiceId, s.userId, from, to)).all,
            );
      const input: PayoutInput = {
        pay: payOf(s, weeks),
        weeks: await timeByWeek(tx, practiceId, s.id, from, to),
        ...coding,
        team,
      };
      const payout = computePayout(plan?.plan ?? NO_PLAN, input);
      computed.push({ s, plan, input, payout });
    }
    const [run] = await tx
      .insert(payoutRun)
      .values({
        practiceId,
        periodFrom: from,
        periodTo: to,
        collectionsCents,
        members: staff.length,
        totalCents: computed.reduce((n, c) => n + c.payout.totalCents, 0),
        createdBy: actor.userId,
      })
      .returning();
    const lines = computed.length
      ? await tx
          .insert(payoutLine)
          .values(
            computed.map(({ s, plan, input, payout }) => ({
              runId: run!.id,
              practiceId,
              staffId: s.id,
              staffName: s.name,
              role: s.role,
              planId: plan?.id ?? null,
              input,
              lines: payout.lines,
              totalCents: payout.totalCents,
            })),
          )
          .returning()
      : [];
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'payout_run',
      entityId: run!.id,
      detail: { from, to, people: lines.length, totalCents: run!.totalCents },
    });
    return { run: run!, lines };
  });
}

/** The practice's runs, newest first (managers). */
export function payoutRuns(db: Executor, practiceId: number): Promise<PayoutRunRow[]> {
  return db
    .select()
    .from(payoutRun)
    .where(eq(payoutRun.practiceId, practiceId))
    .orderBy(desc(payoutRun.periodTo), desc(payoutRun.id));
}

/**
 * One run as the viewer may see it: a manager every line (the read audited, it shows others'
 * pay), anyone else only their own line (by their login's staff record).
 */
export async function readPayoutRun(
  db: Executor,
  practiceId: number,
  runId: number,
  viewer: Viewer & { staffId: number | null },
): Promise<{ run: PayoutRunRow; lines: (PayoutLineRow & { planVersion: number | null })[] }> {
  const [run] = await db
    .select()
    .from(payoutRun)
    .where(and(eq(payoutRun.practiceId, practiceId), eq(payoutRun.id, runId)));
  if (!run) throw notFound('payout run');
  const rows = await db
    .select({ line: payoutLine, planVersion: compensationPlan.version })
    .from(payoutLine)
    .leftJoin(compensationPlan, eq(compensationPlan.id, payoutLine.planId))
    .where(
      and(
        eq(payoutLine.runId, runId),
        viewer.manager ? undefined : eq(payoutLine.staffId, viewer.staffId ?? 0),
      ),
    )
    .orderBy(asc(payoutLine.staffName), asc(payoutLine.id));
  if (!viewer.manager && rows.length === 0) throw notFound('payout run');
  if (viewer.manager)
    await recordAudit(db, viewer.actor, {
      practiceId,
      action: 'read',
      entity: 'payout_run',
      entityId: runId,
    });
  return { run, lines: rows.map((r) => ({ ...r.line, planVersion: r.planVersion })) };
}

/** The runs a person has a line in (their own payouts), newest first. */
export function payoutRunsOf(db: Executor, practiceId: number, staffId: number): Promise<PayoutRunRow[]> {
  return db
    .select({ run: payoutRun })
    .from(payoutRun)
    .innerJoin(payoutLine, eq(payoutLine.runId, payoutRun.id))
    .where(and(eq(payoutRun.practiceId, practiceId), eq(payoutLine.staffId, staffId)))
    .orderBy(desc(payoutRun.periodTo), desc(payoutRun.id))
    .then((rows) => rows.map((r) => r.run));
}

/**
 * Staff cost from stored runs for the operating figures: every person's total in runs whose period
 * overlaps from..to; a period run more than once counts its latest run only.
 */
export async function payoutRunsBetween(
  db: Executor,
  practiceId: number,
  from: string,
  to: string,
): Promise<{ periodFrom: string; periodTo: string; staffId: number; totalCents: number }[]> {
  const rows = await db
    .select({
      runId: payoutRun.id,
      periodFrom: payoutRun.periodFrom,
      periodTo: payoutRun.periodTo,
      staffId: payoutLine.staffId,
      totalCents: payoutLine.totalCents,
    })
    .from(payoutRun)
    .innerJoin(payoutLine, eq(payoutLine.runId, payoutRun.id))
    .where(
      and(eq(payoutRun.practiceId, practiceId), lte(payoutRun.periodFrom, to), gte(payoutRun.periodTo, from)),
    )
    .orderBy(asc(payoutRun.periodFrom), asc(payoutRun.id));
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(`${r.periodFrom}/${r.periodTo}`, r.runId);
  return rows
    .filter((r) => latest.get(`${r.periodFrom}/${r.periodTo}`) === r.runId)
    .map(({ periodFrom, periodTo, staffId, totalCents }) => ({ periodFrom, periodTo, staffId, totalCents }));
}
