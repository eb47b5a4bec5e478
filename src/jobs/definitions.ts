import { SYSTEM_ACTOR } from '../audit/index.ts';
import { writeBatchForJob, type ClaimBatchJob } from '../claims/batch-job.ts';
import { sendWrittenBatch } from '../claims/outbox.ts';
import { seedDemo } from '../demo/seed.ts';
import { purgeExpiredSessions } from '../auth/index.ts';
import { todayIso } from '../shared/dates.ts';
import { importCodesetDirectory, removeUnfinishedImports } from '../codesets/storage/import.ts';
import type { JobDefinition } from './queue.ts';
import { jobStillRunning } from './store.ts';

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
            outbox: true,
          },
          SYSTEM_ACTOR,
          data.adminUserIds,
          (done, total) => ctx.progress(done, total, 'loading demo practice'),
        );
        return { practiceId };
      },
    } satisfies JobDefinition<DemoSeedJob> as JobDefinition<never>,
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
    {
      name: 'sessions.purge',
      expireInSeconds: 120,
      retryLimit: 3,
      retrySafe: true,
      async run(_data: object, ctx) {
        await purgeExpiredSessions(ctx.database.db);
        return { ok: true };
      },
    } satisfies JobDefinition<object> as JobDefinition<never>,
    {
      name: 'codesets.import',
      singleton: true,
      // The whole shared folder takes about a minute; a slow disk or machine gets plenty more.
      expireInSeconds: 2 * 3600,
      // Safe: a release already imported is left unchanged and a half-written one is removed first.
      retryLimit: 1,
      retrySafe: true,
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
