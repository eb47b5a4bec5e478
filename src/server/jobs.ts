import { authJobs } from '../auth/jobs.ts';
import { claimJobs } from '../claims/jobs.ts';
import { claimStatusJobs } from '../claims/index.ts';
import { clearinghouseJobs, queueOutboundUpload, queueUpload } from '../clearinghouse/jobs.ts';
import { hl7Jobs } from '../charts/hl7/index.ts';
import { codesetJobs, type CodesetJobHooks } from '../codesets/jobs.ts';
import { demoJobs } from '../demo/jobs.ts';
import { workQueueJobs } from '../denials/work-queue-refresh.ts';
import { staffJobs } from '../workforce/index.ts';
import type { JobDefinition } from '../jobs/queue.ts';

export type JobHooks = CodesetJobHooks;

/** Every kind of background work the installation runs: each domain declares its own jobs. */
export function createJobs(hooks: JobHooks = {}): JobDefinition<never>[] {
  // A batch written goes straight to its practice's clearinghouse upload (claims never import clearinghouse).
  const claims = claimJobs({ batchWritten: queueUpload });
  // Likewise each 276 file the status inquiries write.
  const claimStatus = claimStatusJobs({ written: queueOutboundUpload });
  return [
    ...demoJobs,
    ...claims,
    ...claimStatus,
    ...workQueueJobs,
    ...staffJobs,
    ...clearinghouseJobs,
    ...hl7Jobs,
    ...authJobs,
    ...codesetJobs(hooks),
  ];
}

export const JOBS = createJobs();
