import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { JobDefinition } from '../jobs/queue.ts';
import { importCodesetDirectory, removeUnfinishedImports } from './storage/import.ts';

export interface CodesetJobHooks {
  /** Called in the worker's process after a code-set import, so its lookups see the new releases. */
  onCodesetsImported?: () => Promise<void>;
}

/** The code sets' background work: importing a directory of releases. */
export function codesetJobs(hooks: CodesetJobHooks = {}): JobDefinition<never>[] {
  return [
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
