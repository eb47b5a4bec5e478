import { SYSTEM_ACTOR, type AuditActor } from '../audit/store.ts';
import { createBatch, type ClaimType } from '../claims/batches.ts';
import { sendWrittenBatch } from '../claims/outbox.ts';
import { Problem } from '../server/problem.ts';
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

/** Write a practice's ready claims into a submission batch (an 837 file) in a worker. */
export interface ClaimBatchJob {
  practiceId: number;
  claimIds?: number[];
  actor: AuditActor;
  /** professional (837P, the default) or institutional (837I). */
  claimType?: ClaimType;
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
      // One transaction writes the batch or nothing, so a retry after a crash cannot send a claim twice.
      retryLimit: 1,
      async run(data: ClaimBatchJob, ctx) {
        try {
          const written = await createBatch(
            ctx.database.db,
            data.practiceId,
            data.claimIds,
            data.actor,
            new Date(),
            data.claimType ?? 'professional',
          );
          return await sendWrittenBatch(ctx.database.db, data.actor, written);
        } catch (e) {
          // A refusal (no settings, no ready claims) is an answer for the person who asked, not a failure to retry.
          if (e instanceof Problem)
            return { problem: { status: e.status, detail: e.message, errors: e.errors } };
          throw e;
        }
      },
    } satisfies JobDefinition<ClaimBatchJob> as JobDefinition<never>,
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
