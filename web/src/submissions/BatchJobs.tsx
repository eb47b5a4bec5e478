import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useRef } from 'react';
import type { Job } from '../api/types.ts';
import { JobResult } from '../admin/JobResult.tsx';
import { JOB_STATE_COLORS, RUNNING, useJobs } from '../admin/useJobs.ts';
import { timestamp } from '../lists/format.ts';

const columns: TableColumnsType<Job> = [
  { title: 'Asked', dataIndex: 'createdOn', key: 'createdOn', render: timestamp },
  { title: 'By', dataIndex: 'requestedByEmail', key: 'by', render: (e: string | null) => e ?? 'system' },
  {
    title: 'State',
    dataIndex: 'state',
    key: 'state',
    render: (s: string) => <Tag color={JOB_STATE_COLORS[s]}>{s}</Tag>,
  },
  { title: 'Outcome', key: 'outcome', render: (_, j) => <JobResult job={j} /> },
  { title: 'Finished', dataIndex: 'completedOn', key: 'completedOn', render: timestamp },
];

/**
 * The practice's recent batch jobs, running or done, including those whose request gave up
 * waiting: claims never move to submitted without the biller seeing which job moved them.
 */
export function BatchJobs({
  practiceId,
  version,
  onFinished,
}: {
  practiceId: number;
  version: number;
  onFinished: () => void;
}) {
  const { jobs, error, reload } = useJobs({ queue: 'claims.batch', practiceId });
  useEffect(reload, [version, reload]);
  // When a job that was running ends, the batch list above may have a new batch.
  const running = useRef(new Set<string>());
  useEffect(() => {
    const now = new Set((jobs ?? []).filter((j) => RUNNING.has(j.state)).map((j) => j.id));
    if ([...running.current].some((id) => !now.has(id))) onFinished();
    running.current = now;
  }, [jobs, onFinished]);
  return (
    <Card size="small" title="Batch jobs" style={{ marginTop: 16 }} data-testid="batch-jobs">
      {error && <Tag color="error">{error}</Tag>}
      <Table<Job>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={(jobs ?? []).slice(0, 10)}
        loading={!jobs && !error}
        pagination={false}
      />
    </Card>
  );
}
