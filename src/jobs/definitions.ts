import { SYSTEM_ACTOR } from '../audit/store.ts';
import { seedDemo } from '../demo/seed.ts';
import { purgeExpiredSessions } from '../auth/store.ts';
import { todayIso } from '../shared/dates.ts';
import { importCodesetDirectory, removeUnfinishedImports } from '../codesets/storage/import.ts';
import type { JobDefinition } from './queue.ts';

export interface DemoSeedJob {
  seed: number;
  patients: number;
  encounters: number;
  adminUserIds: number[];
  /** clinic (CMS-1500s, the default) or hospital (UB-04s). */
  kind?: 'clinic' | 'hospital';
}

export interface JobHooks {
  /** Called in the worker's process after a code-set import, so its lookups see the new releases. */
  onCodesetsImported?: () => Promise<void>;
}

/** Every kind of background work the installation runs; later domains add theirs here. */
export function createJobs(hooks: JobHooks = {}): JobDefinition<never>[] {
  return [
    {
      name: 'demo.seed',
      retryLimit: 0,
      async run(data: DemoSeedJob, ctx) {
        const practiceId = await seedDemo(
          ctx.database,
          {
            seed: data.seed,
            patients: data.patients,
            encounters: data.encounters,
            asOf: todayIso(),
            kind: data.kind ?? 'clinic',
          },
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
    {
      name: 'codesets.import',
      singleton: true,
      retryLimit: 1,
      async run(data: { dir: string }, ctx) {
        await removeUnfinishedImports(ctx.database);
        const outcomes = await importCodesetDirectory(
          ctx.database,
          data.dir,
          SYSTEM_ACTOR,
          (done, total, message) => ctx.progress(done, total, message),
        );
        await hooks.onCodesetsImported?.();
        const failed = outcomes.filter((o) => o.status === 'failed');
        if (failed.length)
          throw new Error(failed.map((o) => `${o.system} ${o.version}: ${o.error}`).join('; '));
        return { outcomes };
      },
    } satisfies JobDefinition<{ dir: string }> as JobDefinition<never>,
  ];
}

export const JOBS = createJobs();
