import { SYSTEM_ACTOR } from '../audit/store.ts';
import { seedDemo } from '../demo/seed.ts';
import { purgeExpiredSessions } from '../auth/store.ts';
import { todayIso } from '../shared/dates.ts';
import type { JobDefinition } from './queue.ts';

export interface DemoSeedJob {
  seed: number;
  patients: number;
  encounters: number;
  adminUserIds: number[];
}

/** Every kind of background work the installation runs; later domains add theirs here. */
export const JOBS: JobDefinition<never>[] = [
  {
    name: 'demo.seed',
    retryLimit: 0,
    async run(data: DemoSeedJob, ctx) {
      const practiceId = await seedDemo(
        ctx.database,
        { seed: data.seed, patients: data.patients, encounters: data.encounters, asOf: todayIso() },
        SYSTEM_ACTOR,
        data.adminUserIds,
        (done, total) => ctx.progress(done, total, 'loading demo practice'),
      );
      return { practiceId };
    },
  } satisfies JobDefinition<DemoSeedJob> as JobDefinition<never>,
  {
    name: 'sessions.purge',
    async run(_data: object, ctx) {
      await purgeExpiredSessions(ctx.database.db);
      return { ok: true };
    },
  } satisfies JobDefinition<object> as JobDefinition<never>,
];
