import { Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { ADMINS } from '../../../src/auth/roles.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Job } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { timestamp } from '../lists/format.ts';
import { DemoSeedButton } from './DemoSeedButton.tsx';

const RUNNING = new Set(['created', 'retry', 'active']);
const STATE_COLORS: Record<string, string> = {
  created: 'default',
  active: 'processing',
  retry: 'warning',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};
const POLL_MS = 1500;
const JOB_LABELS: Record<string, string> = {
  'demo.seed': 'Load demo practice',
  'sessions.purge': 'Purge expired sessions',
};

const columns: TableColumnsType<Job> = [
  { title: 'Job', dataIndex: 'queue', key: 'queue', render: (q: string) => JOB_LABELS[q] ?? q },
  {
    title: 'State',
    dataIndex: 'state',
    key: 'state',
    render: (s: string) => <Tag color={STATE_COLORS[s]}>{s}</Tag>,
  },
  {
    title: 'Progress',
    key: 'progress',
    width: 260,
    render: (_, j) =>
      j.total ? (
        <Progress
          percent={Math.floor((100 * j.done) / j.total)}
          size="small"
          status={j.state === 'failed' ? 'exception' : j.state === 'completed' ? 'success' : 'active'}
          aria-label={`${j.queue} progress`}
        />
      ) : (
        <Typography.Text type="secondary">{RUNNING.has(j.state) ? 'waiting' : ''}</Typography.Text>
      ),
  },
  { title: 'Message', dataIndex: 'message', key: 'message' },
  { title: 'Queued', dataIndex: 'createdOn', key: 'createdOn', render: timestamp },
  { title: 'Finished', dataIndex: 'completedOn', key: 'completedOn', render: timestamp },
];

/** Background jobs, polled while any is still running. */
export function JobsPage() {
  const [jobs, setJobs] = useState<Job[]>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const isAdmin = useHasRole(ADMINS);
  const running = (jobs ?? []).some((j) => RUNNING.has(j.state));

  useEffect(() => {
    let live = true;
    const load = () =>
      api.get<Job[]>('/api/jobs').then(
        (j) => live && (setJobs(j), setError(undefined)),
        (e: unknown) => live && setError(e instanceof ApiProblem ? e.message : 'could not load jobs'),
      );
    void load();
    const timer = running ? setInterval(load, POLL_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, version]);

  return (
    <>
      <ListToolbar
        title="Jobs"
        error={error}
        extra={isAdmin && <DemoSeedButton onQueued={() => setVersion((v) => v + 1)} />}
      />
      <Table<Job>
        rowKey="id"
        size="middle"
        dataSource={jobs}
        loading={!jobs && !error}
        columns={columns}
        data-testid="jobs-table"
        expandable={{
          expandedRowRender: (j) => <pre className="job-output">{JSON.stringify(j.output, null, 2)}</pre>,
        }}
      />
    </>
  );
}
