import { Progress, Typography } from 'antd';
import type { Job } from '../api/types.ts';
import { RUNNING } from './useJobs.ts';

/** A job's progress bar, or "waiting" until it reports a total. */
export function JobProgress({ job }: { job: Job }) {
  return job.total ? (
    <Progress
      percent={Math.floor((100 * job.done) / job.total)}
      size="small"
      status={job.state === 'failed' ? 'exception' : job.state === 'completed' ? 'success' : 'active'}
      aria-label={`${job.queue} progress`}
    />
  ) : (
    <Typography.Text type="secondary">{RUNNING.has(job.state) ? 'waiting' : ''}</Typography.Text>
  );
}
