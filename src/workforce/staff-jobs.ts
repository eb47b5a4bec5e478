// The daily credential reminders (workforce.credential-reminders): each practice's credentials
// expiring within 90 days or short of CEUs open a reminder once (per credential, kind and expiry),
// and reminders whose cause went away close. Each practice in its own transaction.
import { SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { allPracticeIds } from '../practices/index.ts';
import { todayIso } from '../shared/dates.ts';
import { refreshReminders } from './staff-store.ts';

export const CREDENTIAL_REMINDERS_JOB = 'workforce.credential-reminders';

export interface CredentialRemindersJob {
  practiceId?: number;
  actor?: AuditActor;
}

export const staffJobs: JobDefinition<never>[] = [
  {
    name: CREDENTIAL_REMINDERS_JOB,
    expireInSeconds: 600,
    // Running it twice opens nothing twice: reminders are keyed by credential, kind and expiry.
    retryLimit: 1,
    retrySafe: true,
    async run(data: CredentialRemindersJob, ctx) {
      const db = ctx.database.db;
      const practices = data.practiceId ? [data.practiceId] : await allPracticeIds(db);
      const today = todayIso();
      const out = [];
      for (const [i, practiceId] of practices.entries()) {
        await ctx.progress(i, practices.length, `practice ${practiceId}`);
        const counts = await db.transaction((tx) =>
          refreshReminders(tx, practiceId, data.actor ?? SYSTEM_ACTOR, today),
        );
        out.push({ practiceId, ...counts });
      }
      await ctx.progress(practices.length, practices.length);
      return { practices: out };
    },
  } satisfies JobDefinition<CredentialRemindersJob> as JobDefinition<never>,
];
