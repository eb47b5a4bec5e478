import { Table, Tag, type TableColumnsType } from 'antd';
import type { Job } from '../api/types.ts';
import { useIsInstallationAdmin } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { timestamp } from '../lists/format.ts';
import { DemoSeedButton } from './DemoSeedButton.tsx';
import { JobProgress } from './JobProgress.tsx';
import { JobResult } from './JobResult.tsx';
import { JOB_STATE_COLORS, useJobs } from './useJobs.ts';

const JOB_LABELS: Record<string, string> = {
  'demo.seed': 'Load demo practice',
  'codesets.import': 'Import code sets',
  'sessions.purge': 'Purge expired sessions',
  'claims.batch': 'Write a submission batch',
};

const columns: TableColumnsType<Job> = [
  { title: 'Job', dataIndex: 'queue', key: 'queue', render: (q: string) => JOB_LABELS[q] ?? q },
  {
    title: 'State',
    dataIndex: 'state',
    key: 'state',
    render: (s: string) => <Tag color={JOB_STATE_COLORS[s]}>{s}</Tag>,
  },
  {
    title: 'Progress',
    key: 'progress',
    width: 260,
    render: (_, j) => <JobProgress job={j} />,
  },
  {
    title: 'Started by',
    dataIndex: 'requestedByEmail',
    key: 'requestedBy',
    render: (email: string | null) => email ?? <Tag>system</Tag>,
  },
  { title: 'Result', key: 'result', render: (_, j) => <JobResult job={j} /> },
  { title: 'Message', dataIndex: 'message', key: 'message' },
  { title: 'Queued', dataIndex: 'createdOn', key: 'createdOn', render: timestamp },
  { title: 'Finished', dataIndex: 'completedOn', key: 'completedOn', render: timestamp },
];

/** Background jobs, polled while any is still running. */
export function JobsPage() {
  const { jobs, error, reload } = useJobs();
  const isAdmin = useIsInstallationAdmin();

  return (
    <>
      <ListToolbar title="Jobs" error={error} extra={isAdmin && <DemoSeedButton onQueued={reload} />} />
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
