/** What the poll schedule needs of the queue. */
interface Enqueuer {
  enqueue(
    name: string,
    data: object,
    options: { practiceId: number | null; requestedBy: number | null },
  ): Promise<string>;
}

/**
 * Polls every connection every `seconds` (CLEANCLAIM_POLL_SECONDS, default 60; 0 turns it off).
 * The poll job is a singleton, so a tick while one is queued or running is skipped.
 */
export function scheduleClearinghousePolls(queue: Enqueuer, seconds: number): () => void {
  if (!(seconds > 0)) return () => {};
  const timer = setInterval(() => {
    queue.enqueue('clearinghouse.poll', {}, { practiceId: null, requestedBy: null }).catch(() => {});
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
