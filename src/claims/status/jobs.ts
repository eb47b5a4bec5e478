// The claims.status-inquiry job: the 276 of every practice (or one, on demand) for its claims due a
// status inquiry, each file handed on to be uploaded; scheduled daily, and run by POST /api/claim-status/run.
import { SYSTEM_ACTOR, type AuditActor } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import type { JobContext, JobDefinition, JobQueue } from '../../jobs/index.ts';
import { msUntilUtcHour, scheduleDaily } from '../../jobs/daily.ts';
import { ProblemError } from '../../shared/problem.ts';
import { submitterSettings } from '../batch-tables.ts';
import { writeStatusBatch, type StatusBatchOutcome } from './batch.ts';

export const STATUS_JOB = 'claims.status-inquiry';

export interface StatusInquiryJob {
  /** One practice; every practice with clearinghouse settings when left out. */
  practiceId?: number;
  actor?: AuditActor;
}

export interface ClaimStatusJobHooks {
  /** A 276 was written: the wiring queues its upload over the practice's connection. */
  written?(
    practiceId: number,
    kind: 'claim-status',
    batchId: number,
    context: JobContext,
    actor: AuditActor,
  ): Promise<unknown>;
}

/** The practices that can send a 276: those with submitter (clearinghouse) settings. */
async function practicesWithSettings(db: Executor): Promise<number[]> {
  const rows = await db
    .select({ practiceId: submitterSettings.practiceId })
    .from(submitterSettings)
    .orderBy(submitterSettings.practiceId);
  return rows.map((r) => r.practiceId);
}

type PracticeOutput =
  | (Omit<StatusBatchOutcome, 'notDue'> & { notDue: number; upload?: unknown })
  | { practiceId: number; problem: string };

export function claimStatusJobs(hooks: ClaimStatusJobHooks = {}): JobDefinition<never>[] {
  return [
    {
      name: STATUS_JOB,
      expireInSeconds: 600,
      // Running it again asks nothing twice (a claim asked within its payer's days is not due), but
      // a file written and not yet handed on is the connection's poll to send: no retry.
      retryLimit: 0,
      retrySafe: false,
      async run(data: StatusInquiryJob, ctx) {
        const db = ctx.database.db;
        const actor = data.actor ?? SYSTEM_ACTOR;
        const practices = data.practiceId ? [data.practiceId] : await practicesWithSettings(db);
        const out: PracticeOutput[] = [];
        for (const [i, practiceId] of practices.entries()) {
          await ctx.progress(i, practices.length, `practice ${practiceId}`);
          try {
            const { notDue, ...written } = await writeStatusBatch(db, practiceId, actor, new Date());
            const row: PracticeOutput = { ...written, notDue: notDue.length };
            if (written.batchId !== null && hooks.written)
              row.upload = await hooks
                .written(practiceId, 'claim-status', written.batchId, ctx, actor)
                .catch((e: unknown) => ({ notQueued: (e as Error).message }));
            out.push(row);
          } catch (e) {
            // One practice's refusal (no settings, a file that breaks the guide) does not stop the others.
            if (!(e instanceof ProblemError)) throw e;
            out.push({ practiceId, problem: e.message });
          }
        }
        await ctx.progress(practices.length, practices.length);
        return { practices: out };
      },
    } satisfies JobDefinition<StatusInquiryJob> as JobDefinition<never>,
  ];
}

/** Milliseconds from `now` to the next `hour`:00 UTC (the daily schedule's own count). */
export const msUntilHour = msUntilUtcHour;

/**
 * Runs the status inquiries every day at `hour` UTC (CLEANCLAIM_STATUS_HOUR, default 6; a negative
 * hour turns it off). Answers a stop function.
 */
export function scheduleStatusInquiries(queue: Pick<JobQueue, 'enqueue'>, hour: number): () => void {
  return scheduleDaily(queue, STATUS_JOB, hour);
}
