import { Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Job } from '../api/types.ts';
import { timestamp } from '../lists/format.ts';

type Output = {
  problem?: { detail: string };
  message?: string;
  practiceId?: number;
  outcomes?: { status: string }[];
  delivery?: { sentTo?: string; notSent?: string };
} | null;

/** What a job did, in a line: for a batch, the batch it wrote and how many claims moved. */
export function JobResult({ job }: { job: Job }) {
  const output = job.output as Output;
  let result: React.ReactNode = null;
  if (job.batch)
    result = (
      <Space size={4}>
        <Link to="/submissions">Batch {job.batch.batchId}</Link>
        <span>: {job.batch.claimCount} claim(s) put in the batch</span>
        <Typography.Link href={`/api/batches/${job.batch.batchId}/837`}>837 file</Typography.Link>
      </Space>
    );
  else if (output?.problem)
    result = <Typography.Text type="warning">Not written: {output.problem.detail}</Typography.Text>;
  else if (job.state === 'failed')
    result = (
      <Typography.Text type="danger">{output?.message ?? 'failed'}; no claim was moved</Typography.Text>
    );
  else if (output?.practiceId) result = <span>Practice {output.practiceId}</span>;
  else if (output?.outcomes) result = <span>{output.outcomes.length} release(s)</span>;
  return (
    <Space size={4} wrap>
      {result}
      {job.callerGaveUpAt && (
        <Tooltip
          title={`The request that started it stopped waiting at ${timestamp(job.callerGaveUpAt)}; it went on in the background.`}
        >
          <Tag color="orange">request gave up</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
