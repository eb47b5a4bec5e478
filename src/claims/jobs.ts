import { jobStillRunning } from '../jobs/index.ts';
import type { JobContext, JobDefinition } from '../jobs/queue.ts';
import type { AuditActor } from '../audit/index.ts';
import { writeBatchForJob, type ClaimBatchJob } from './batch-job.ts';
import { sendWrittenBatch } from './outbox.ts';

export interface ClaimJobHooks {
  /**
   * A batch was written (its claims batched): the wiring hands it to the practice's clearinghouse
   * connection, whose upload submits them. Answers what was done, for the job's output.
   */
  batchWritten?(
    batch: { practiceId: number; batchId: number; actor: AuditActor },
    context: JobContext,
  ): Promise<object | undefined>;
}

/** Claims' background work: writing a submission batch (837) and handing it on to be sent. */
export function claimJobs(hooks: ClaimJobHooks = {}): JobDefinition<never>[] {
  return [
    {
      name: 'claims.batch',
      // 10,000 claims are written in well under a minute; an attempt still going after 5 has failed.
      expireInSeconds: 300,
      // Never again on its own: the biller who asked may have given up waiting, and a silent retry
      // once moved 40 claims 17 minutes later. A failed batch is asked for again.
      retryLimit: 0,
      retrySafe: false,
      async run(data: ClaimBatchJob, ctx) {
        const written = await writeBatchForJob(ctx.database.db, ctx.jobId, data, new Date(), (tx) =>
          jobStillRunning(tx, ctx.jobId),
        );
        const output = await sendWrittenBatch(ctx.database.db, data.actor, written);
        if (!('batchId' in output) || output.delivery || !hooks.batchWritten) return output;
        // The upload runs as its own job, retried with backoff; the connection's poll is the safety net.
        const upload = await hooks
          .batchWritten({ practiceId: data.practiceId, batchId: output.batchId, actor: data.actor }, ctx)
          .catch((e: unknown) => ({ notQueued: (e as Error).message }));
        return upload ? { ...output, upload } : output;
      },
    } satisfies JobDefinition<ClaimBatchJob> as JobDefinition<never>,
  ];
}
