// A job queued every day at an hour UTC, for the daily work that needs no person (rebuilding the
// work queues, for example). A negative hour turns it off.
import type { JobQueue } from './queue.ts';

/** Milliseconds from `now` to the next `hour`:00 UTC. */
export function msUntilUtcHour(now: Date, hour: number): number {
  const next = new Date(now);
  next.setUTCHours(hour, 0, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

/** Queues `job` (for every practice) each day at `hour` UTC; answers a stop function. */
export function scheduleDaily(queue: Pick<JobQueue, 'enqueue'>, job: string, hour: number): () => void {
  if (!(hour >= 0 && hour < 24)) return () => {};
  let timer: NodeJS.Timeout;
  const arm = () => {
    timer = setTimeout(
      () => {
        queue.enqueue(job, {}, { practiceId: null, requestedBy: null }).catch(() => {});
        arm();
      },
      msUntilUtcHour(new Date(), hour),
    );
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
