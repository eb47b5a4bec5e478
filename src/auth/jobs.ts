import type { JobDefinition } from '../jobs/queue.ts';
import { purgeExpiredSessions } from './store.ts';

/** Auth's background work: removing expired sessions. */
export const authJobs: JobDefinition<never>[] = [
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
];
