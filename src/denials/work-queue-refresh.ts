// The daily refresh of the built work queues (denials.refresh-queues): each practice's inputs read
// through the other domains' exported functions, the pure builders decide, and one transaction
// opens the new items (once per subject and queue), closes those whose cause went away and keeps
// the amounts at stake current.
import { and, eq, inArray } from 'drizzle-orm';
import { SYSTEM_ACTOR, recordAudit, type AuditActor } from '../audit/index.ts';
import { claimAmounts, paidClaimLines, rejectedClaims, statusCandidates } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { billedPatients, linePayments } from '../ledger/index.ts';
import { contractedRatesOf, payersByIds } from '../payers/index.ts';
import { allPracticeIds, practiceById } from '../practices/index.ts';
import { todayIso } from '../shared/dates.ts';
import { closeFollowUpIn, openFollowUp } from './follow-ups.ts';
import { followUp } from './tables.ts';
import {
  BUILT_QUEUES,
  noResponseItems,
  pastDueBalanceItems,
  planRefresh,
  rejectionItems,
  underpaymentItems,
  type PaidLine,
  type WantedItem,
} from './work-queues.ts';

export const REFRESH_QUEUES_JOB = 'denials.refresh-queues';

/** Everything the built queues want open in the practice today. */
export async function wantedItems(db: Db, practiceId: number, today: string): Promise<WantedItem[]> {
  const practice = await practiceById(db, practiceId);
  if (!practice) return [];
  const waiting = await statusCandidates(db, practiceId);
  const amounts = new Map(
    (
      await claimAmounts(
        db,
        waiting.map((w) => w.claimId),
      )
    ).map((a) => [a.claimId, a]),
  );
  const noResponse = noResponseItems(
    waiting.map((w) => ({
      ...w,
      practiceId,
      patientId: amounts.get(w.claimId)?.patientId ?? 0,
      amountCents: amounts.get(w.claimId)?.amountCents ?? 0,
    })),
    today,
  );

  const lines = await paidClaimLines(db, practiceId);
  const payments = new Map(
    (
      await linePayments(
        db,
        lines.flatMap((l) => (l.serviceLineId === null ? [] : [l.serviceLineId])),
      )
    ).map((p) => [p.serviceLineId, p]),
  );
  const payers = new Map(
    (await payersByIds(db, [...new Set(lines.map((l) => l.payerId))])).map((p) => [p.id, p]),
  );
  const paid: PaidLine[] = lines.flatMap((l) => {
    const p = l.serviceLineId === null ? undefined : payments.get(l.serviceLineId);
    if (!p?.paidOn) return [];
    return [
      {
        ...l,
        paidCents: p.paidCents,
        patientResponsibilityCents: p.patientResponsibilityCents,
        paidOn: p.paidOn,
        appealDays: payers.get(l.payerId)?.appealDays ?? 180,
      },
    ];
  });
  const underpaid = underpaymentItems(
    paid,
    await contractedRatesOf(db, practiceId),
    practice.underpaymentToleranceCents,
  );

  return [
    ...noResponse,
    ...underpaid,
    ...rejectionItems(await rejectedClaims(db, practiceId)),
    ...pastDueBalanceItems(await billedPatients(db, practiceId), today),
  ];
}

export interface RefreshOutcome {
  practiceId: number;
  opened: number;
  closed: number;
  amountsChanged: number;
}

/** Refreshes the built queues of one practice in one transaction, audited. */
export async function refreshWorkQueues(
  db: Db,
  practiceId: number,
  now: Date,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<RefreshOutcome> {
  const wanted = await wantedItems(db, practiceId, todayIso(now));
  return db.transaction(async (tx) => {
    const open = await tx
      .select({
        id: followUp.id,
        queue: followUp.queue,
        claimId: followUp.claimId,
        patientId: followUp.patientId,
        amountCents: followUp.amountCents,
      })
      .from(followUp)
      .where(
        and(
          eq(followUp.practiceId, practiceId),
          eq(followUp.state, 'open'),
          inArray(followUp.queue, [...BUILT_QUEUES]),
        ),
      )
      .for('update');
    const plan = planRefresh(wanted, open);
    let opened = 0;
    for (const item of plan.open) {
      const { queue, ...rest } = item;
      if ((await openFollowUp(tx, { ...rest, queue }, actor)).opened) opened += 1;
    }
    for (const c of plan.close) await closeFollowUpIn(tx, { id: c.id, practiceId }, c.note, actor, now);
    for (const a of plan.amounts) {
      await tx.update(followUp).set({ amountCents: a.amountCents }).where(eq(followUp.id, a.id));
      await recordAudit(tx, actor, {
        practiceId,
        action: 'update',
        entity: 'follow_up',
        entityId: a.id,
        after: { amountCents: a.amountCents },
        detail: { why: 'queue refresh' },
      });
    }
    return { practiceId, opened, closed: plan.close.length, amountsChanged: plan.amounts.length };
  });
}

export interface RefreshQueuesJob {
  practiceId?: number;
  actor?: AuditActor;
}

/** The job: every practice (or the one asked), each in its own transaction. */
export const workQueueJobs: JobDefinition<never>[] = [
  {
    name: REFRESH_QUEUES_JOB,
    expireInSeconds: 900,
    // Running it twice opens nothing twice: items are keyed by subject and queue.
    retryLimit: 1,
    retrySafe: true,
    async run(data: RefreshQueuesJob, ctx) {
      const db = ctx.database.db;
      const practices = data.practiceId ? [data.practiceId] : await allPracticeIds(db);
      const out: RefreshOutcome[] = [];
      for (const [i, practiceId] of practices.entries()) {
        await ctx.progress(i, practices.length, `practice ${practiceId}`);
        out.push(await refreshWorkQueues(db, practiceId, new Date(), data.actor ?? SYSTEM_ACTOR));
      }
      await ctx.progress(practices.length, practices.length);
      return { practices: out };
    },
  } satisfies JobDefinition<RefreshQueuesJob> as JobDefinition<never>,
];
