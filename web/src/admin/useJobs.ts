import { useCallback, useEffect, useState } from 'react';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Job } from '../api/types.ts';

export const RUNNING = new Set(['created', 'retry', 'active']);
const POLL_MS = 1500;
export const JOB_STATE_COLORS: Record<string, string> = {
  created: 'default',
  active: 'processing',
  retry: 'warning',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Background jobs (GET /api/jobs, of one kind or practice), polled while any is still running; reload after queueing one. */
export function useJobs(query: { queue?: string; practiceId?: number } = {}) {
  const { queue, practiceId } = query;
  const [jobs, setJobs] = useState<Job[]>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const running = (jobs ?? []).some((j) => RUNNING.has(j.state));

  useEffect(() => {
    let live = true;
    const load = () =>
      api.get<Job[]>(withQuery('/api/jobs', { queue, practiceId })).then(
        (j) => live && (setJobs(j), setError(undefined)),
        (e: unknown) => live && setError(e instanceof ApiProblem ? e.message : 'could not load jobs'),
      );
    void load();
    const timer = running ? setInterval(load, POLL_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, version, queue, practiceId]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { jobs, error, reload };
}
