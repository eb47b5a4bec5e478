import { authJobs } from '../auth/jobs.ts';
import { claimJobs } from '../claims/jobs.ts';
import { clearinghouseJobs } from '../clearinghouse/jobs.ts';
import { codesetJobs, type CodesetJobHooks } from '../codesets/jobs.ts';
import { demoJobs } from '../demo/jobs.ts';
import type { JobDefinition } from '../jobs/queue.ts';

export type JobHooks = CodesetJobHooks;

/** Every kind of background work the installation runs: each domain declares its own jobs. */
export function createJobs(hooks: JobHooks = {}): JobDefinition<never>[] {
  return [...demoJobs, ...claimJobs, ...clearinghouseJobs, ...authJobs, ...codesetJobs(hooks)];
}

export const JOBS = createJobs();
