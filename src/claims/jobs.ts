import { jobStillRunning } from '../jobs/index.ts';
import type { JobDefinition } from '../jobs/queue.ts';
import { writeBatchForJob, type ClaimBatchJob } from './batch-job.ts';
import { sendWrittenBatch } from './outbox.ts';

/** Claims' background work: writing a submission batch (837) and handing it to the outbox. */
export const claimJobs: JobDefinition<never>[] = [
  {
    name: 'claims.batch',
    // 10,000 claims are written in well under a minute; an attempt still going after 5 has failed.
    expireInSeconds: 300,
    // Never again on its own: the biller who asked may have given up waiting, and a silent retry
    // once moved 40 claims to submitted 17 minutes later. A failed batch is asked for again.
    retryLimit: 0,
    retrySafe: false,
    async run(data: ClaimBatchJob, ctx) {
      const written = await writeBatchForJob(ctx.database.db, ctx.jobId, data, new Date(), (tx) =>
        jobStillRunning(tx, ctx.jobId),
      );
      return sendWrittenBatch(ctx.database.db, data.actor, written);
    },
  } satisfies JobDefinition<ClaimBatchJob> as JobDefinition<never>,
];
