import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { OFFICE } from '../../../src/auth/roles.ts';
import { JobProgress } from '../admin/JobProgress.tsx';
import { JobResult } from '../admin/JobResult.tsx';
import { JOB_STATE_COLORS, RUNNING, useJobs } from '../admin/useJobs.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface FollowUp {
  id: number;
  claimId: number;
  patientControlNumber: string;
  patientName: string;
  payerName: string;
  queue: string;
  /** STC category and status code, e.g. F2:88. */
  reasonCode: string;
  reason: string;
  /** open or done */
  state: string;
  openedAt: string;
  nextFollowUpOn: string | null;
  owner: number | null;
  closedAt: string | null;
  closeNote: string | null;
}

const QUEUES = [{ value: 'claim-status', label: 'Claim status' }];
const STATES = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
];
const problem = (e: unknown, fallback: string) => (e instanceof ApiProblem ? e.message : fallback);

/** The claim-status job started from this page: its progress, then what it did. */
function RunJob({ jobId, practiceId, onDone }: { jobId: string; practiceId: number; onDone(): void }) {
  const { jobs } = useJobs({ practiceId });
  const job = jobs?.find((j) => j.id === jobId);
  const wasRunning = useRef(true);
  useEffect(() => {
    if (!job) return;
    const running = RUNNING.has(job.state);
    if (wasRunning.current && !running) onDone();
    wasRunning.current = running;
  }, [job, onDone]);
  if (!job) return <Typography.Text type="secondary">queued</Typography.Text>;
  return (
    <Space data-testid="claim-status-job" wrap>
      <Tag color={JOB_STATE_COLORS[job.state]}>{job.state}</Tag>
      <div style={{ width: 200 }}>
        <JobProgress job={job} />
      </div>
      {!RUNNING.has(job.state) && <JobResult job={job} />}
    </Space>
  );
}

/**
 * The follow-up queue: claims a payer's claim status answer (277) says need a biller's action
 * (finalized and denied, more information asked, rejected), each with why, until closed with a note.
 */
export function FollowUpsPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const canWork = useHasRole(OFFICE);
  const [queue, setQueue] = useState<string | undefined>('claim-status');
  const [state, setState] = useState<string | undefined>('open');
  const [items, setItems] = useState<FollowUp[]>();
  const [error, setError] = useState<string>();
  const [jobId, setJobId] = useState<string>();
  const [closing, setClosing] = useState<FollowUp>();
  const [note, setNote] = useState('');

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: FollowUp[] }>('/api/follow-ups', { practiceId, queue, state }).then(
      (r) => (setItems(r.items), setError(undefined)),
      (e: unknown) => setError(problem(e, 'could not load the follow-up queue')),
    );
  }, [practiceId, queue, state]);
  useEffect(load, [load]);

  const run = async () => {
    try {
      const r = await api.post<{ jobId: string }>('/api/claim-status/run', { practiceId });
      setJobId(String(r.jobId));
    } catch (e) {
      message.error(problem(e, 'the claim status run could not start'));
    }
  };

  const close = async () => {
    try {
      await api.post(`/api/follow-ups/${closing!.id}/close`, { note });
      setClosing(undefined);
      setNote('');
      load();
    } catch (e) {
      message.error(problem(e, 'the item could not be closed'));
    }
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} className="page-title">
          Follow-ups
        </Typography.Title>
        {canWork && (
          <Button icon={<SyncOutlined />} onClick={() => void run()}>
            Run claim status now
          </Button>
        )}
      </Flex>
      {jobId && practiceId && <RunJob jobId={jobId} practiceId={practiceId} onDone={load} />}
      {error && <Alert type="error" title={error} showIcon />}
      <Card
        size="small"
        extra={
          <Space>
            <Select
              aria-label="Queue"
              allowClear
              placeholder="Every queue"
              style={{ width: 160 }}
              value={queue}
              onChange={setQueue}
              options={QUEUES}
            />
            <Select
              aria-label="State"
              allowClear
              placeholder="Any state"
              style={{ width: 120 }}
              value={state}
              onChange={setState}
              options={STATES}
            />
          </Space>
        }
      >
        <Table<FollowUp>
          rowKey="id"
          size="small"
          dataSource={items}
          loading={!items && !error}
          data-testid="follow-ups"
          locale={{ emptyText: 'Nothing to follow up' }}
          columns={[
            {
              title: 'Claim',
              render: (_, f) => (
                <Link to={`/claims/${f.claimId}`} title={`patient control number ${f.patientControlNumber}`}>
                  {f.claimId}
                </Link>
              ),
            },
            { title: 'Patient', dataIndex: 'patientName' },
            { title: 'Payer', dataIndex: 'payerName' },
            {
              title: 'Reason',
              render: (_, f) => (
                <Space size={4} wrap>
                  <Tag color="volcano">{f.reasonCode}</Tag>
                  <span>{f.reason}</span>
                  {f.closeNote && <Typography.Text type="secondary">done: {f.closeNote}</Typography.Text>}
                </Space>
              ),
            },
            { title: 'Opened', render: (_, f) => timestamp(f.openedAt) },
            { title: 'Next follow-up', render: (_, f) => f.nextFollowUpOn ?? '—' },
            { title: 'Owner', render: (_, f) => (f.owner === null ? '—' : `user ${f.owner}`) },
            {
              title: '',
              render: (_, f) =>
                canWork && f.state === 'open' ? (
                  <Button size="small" onClick={() => setClosing(f)}>
                    Close
                  </Button>
                ) : (
                  <Tag>{f.state}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!closing}
        title={`Close the follow-up of claim ${closing?.claimId ?? ''}`}
        okText="Close item"
        okButtonProps={{ disabled: !note.trim() }}
        onOk={() => void close()}
        onCancel={() => setClosing(undefined)}
      >
        <Input.TextArea
          aria-label="Note"
          rows={3}
          placeholder="What was done: called the payer, resubmitted, appealed…"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}
