// HL7 intake on a running server: the inbound folder's poll job (CLEANCLAIM_HL7_INBOX, every
// CLEANCLAIM_HL7_POLL_SECONDS, default 60) and the MLLP listener (CLEANCLAIM_MLLP_PORT for the
// practice CLEANCLAIM_MLLP_PRACTICE, bound to CLEANCLAIM_MLLP_HOST, default 127.0.0.1).
import { SYSTEM_ACTOR, type AuditActor } from '../../audit/index.ts';
import type { Database } from '../../db/connection.ts';
import type { EnqueueOptions, JobDefinition } from '../../jobs/queue.ts';
import { pollHl7Inbox } from './inbox.ts';
import { startMllpListener } from './mllp.ts';
import { receiveHl7 } from './receive.ts';

export const HL7_INBOX_JOB = 'charts.hl7-inbox';

export const hl7Jobs: JobDefinition<never>[] = [
  {
    name: HL7_INBOX_JOB,
    expireInSeconds: 900,
    singleton: true,
    // Safe to run again: a message imported before is a duplicate and changes nothing.
    retrySafe: true,
    retryLimit: 3,
    retryDelaySeconds: 60,
    async run(data: { inbox?: string; actor?: AuditActor }, ctx) {
      const inbox = data.inbox ?? process.env.CLEANCLAIM_HL7_INBOX;
      if (!inbox) return { files: [] };
      return { files: await pollHl7Inbox(ctx.database.db, inbox, data.actor ?? SYSTEM_ACTOR) };
    },
  } satisfies JobDefinition<{ inbox?: string; actor?: AuditActor }> as JobDefinition<never>,
];

interface Enqueuer {
  enqueue(name: string, data: object, options: EnqueueOptions): Promise<string>;
}

/** Starts what the environment asks for; answers how to stop it. */
export async function startHl7Intake(
  database: Database,
  queue: Enqueuer,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.log(`cleanclaim: ${line}`),
): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const seconds = Number(env.CLEANCLAIM_HL7_POLL_SECONDS ?? 60);
  if (env.CLEANCLAIM_HL7_INBOX && seconds > 0) {
    const timer = setInterval(() => {
      queue.enqueue(HL7_INBOX_JOB, {}, { practiceId: null, requestedBy: null }).catch(() => {});
    }, seconds * 1000);
    timer.unref();
    stops.push(async () => clearInterval(timer));
  }
  const port = env.CLEANCLAIM_MLLP_PORT;
  const practiceId = Number(env.CLEANCLAIM_MLLP_PRACTICE);
  if (port) {
    if (!(practiceId > 0))
      log('CLEANCLAIM_MLLP_PORT is set but CLEANCLAIM_MLLP_PRACTICE is not: the MLLP listener is off');
    else {
      const listener = await startMllpListener({
        port: Number(port),
        host: env.CLEANCLAIM_MLLP_HOST ?? '127.0.0.1',
        answer: async (message) => (await receiveHl7(database.db, practiceId, message, SYSTEM_ACTOR)).ack,
        onError: (e) => log(`MLLP: ${e.message}`),
      });
      log(`HL7 MLLP listener on port ${listener.port} for practice ${practiceId}`);
      stops.push(() => listener.close());
    }
  }
  return async () => {
    for (const stop of stops) await stop();
  };
}
