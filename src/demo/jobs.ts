import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { JobDefinition } from '../jobs/queue.ts';
import { todayIso } from '../shared/dates.ts';
import { seedDemo } from './seed.ts';

export interface DemoSeedJob {
  seed: number;
  patients: number;
  encounters: number;
  adminUserIds: number[];
  /** clinic (CMS-1500s, the default) or hospital (UB-04s). */
  kind?: 'clinic' | 'hospital';
}

/** The demo's background work: loading a synthetic practice. */
export const demoJobs: JobDefinition<never>[] = [
  {
    name: 'demo.seed',
    // A large demo (100,000 patients) takes many minutes; a second attempt would load a second practice.
    expireInSeconds: 3 * 3600,
    retryLimit: 0,
    retrySafe: false,
    async run(data: DemoSeedJob, ctx) {
      const practiceId = await seedDemo(
        ctx.database,
        {
          seed: data.seed,
          patients: data.patients,
          encounters: data.encounters,
          asOf: todayIso(),
          kind: data.kind ?? 'clinic',
          // Connected to the payer sandbox's mailboxes under the data directory, as the first start's are.
          sandbox: process.env.CLEANCLAIM_DATA_DIR ?? './data',
        },
        SYSTEM_ACTOR,
        data.adminUserIds,
        (done, total) => ctx.progress(done, total, 'loading demo practice'),
      );
      return { practiceId };
    },
  } satisfies JobDefinition<DemoSeedJob> as JobDefinition<never>,
];
