import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { OFFICE } from '../../../src/auth/roles.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { BatchAcknowledgments } from './BatchAcknowledgments.tsx';
import { BatchActions, BatchState, type UnsentBatch } from './BatchActions.tsx';
import { BatchJobs } from './BatchJobs.tsx';

interface Batch extends UnsentBatch {
  usage: string;
  interchangeControlNumber: number;
  totalChargeCents: number;
  fileName: string;
  createdAt: string;
}

const columnsFor = (canSubmit: boolean, reload: () => void): TableColumnsType<Batch> => [
  { title: 'Batch', dataIndex: 'id', key: 'id' },
  { title: 'Created', dataIndex: 'createdAt', key: 'createdAt', render: timestamp },
  {
    title: 'ISA13',
    dataIndex: 'interchangeControlNumber',
    key: 'isa13',
    render: (n: number) => String(n).padStart(9, '0'),
  },
  { title: 'Claims', dataIndex: 'claimCount', key: 'claimCount', align: 'right' },
  { title: 'Total charge', dataIndex: 'totalChargeCents', key: 'total', align: 'right', render: dollars },
  {
    title: 'Usage',
    dataIndex: 'usage',
    key: 'usage',
    render: (u: string) => <Tag>{u === 'P' ? 'production' : 'test'}</Tag>,
  },
  { title: 'State', key: 'state', render: (_: unknown, b: Batch) => <BatchState batch={b} /> },
  {
    title: '837 file',
    key: 'file',
    render: (_: unknown, b: Batch) => (
      <Button size="small" icon={<DownloadOutlined />} href={`/api/batches/${b.id}/837`}>
        {b.fileName}
      </Button>
    ),
  },
  ...(canSubmit
    ? [
        {
          title: '',
          key: 'actions',
          render: (_: unknown, b: Batch) => <BatchActions batch={b} onDone={reload} />,
        },
      ]
    : []),
];

/** Submission batches: ready claims written into an 837P interchange, and the files to send. */
export function SubmissionsPage() {
  const practiceId = usePracticeId();
  const canSubmit = useHasRole(OFFICE);
  const { message } = App.useApp();
  const [batches, setBatches] = useState<Batch[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [jobsVersion, setJobsVersion] = useState(0);

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<Batch[]>(withQuery('/api/batches', { practiceId })).then(
      (b) => (setBatches(b), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the batches'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  // Professional claims leave as an 837P, institutional (UB-04) claims as an 837I: one file each.
  const submitReady = async (claimType: 'professional' | 'institutional') => {
    setBusy(true);
    try {
      const outcome = await api.post<{
        batchId: number;
        claimCount: number;
        returned?: { claimId: number; errors: string[] }[];
        detail?: string;
        upload?: { connection: string };
        delivery?: { sentTo: string } | { notSent: string };
      }>('/api/batches', { practiceId, claimType });
      setJobsVersion((v) => v + 1);
      // 202: the job outlived the request's wait; it goes on and shows under Batch jobs below.
      if (outcome.batchId === undefined) {
        message.info(outcome.detail ?? 'the batch is still being written', 10);
        return;
      }
      // Written is not sent: the claims are submitted when the file reaches the clearinghouse.
      message.success(
        `Batch ${outcome.batchId}: ${outcome.claimCount} claim(s) written to an ${claimType === 'professional' ? '837P' : '837I'} file; ${
          outcome.upload
            ? `uploading to ${outcome.upload.connection}`
            : outcome.delivery && 'sentTo' in outcome.delivery
              ? 'written to the outbox'
              : 'download it, send it to the clearinghouse, then mark it sent'
        }`,
      );
      if (outcome.upload) setTimeout(load, 3000);
      // Claims whose part of the file broke the guide went back to scrubbed with the errors as findings.
      if (outcome.returned?.length)
        message.warning(
          `${outcome.returned.length} claim(s) went back to the biller: the 837 written for them breaks the guide (claims ${outcome.returned.map((r) => r.claimId).join(', ')}; see their findings)`,
          10,
        );
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not create the batch');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ListToolbar
        title="Submissions"
        error={error}
        extra={
          canSubmit && (
            <Space>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={busy}
                onClick={() => void submitReady('professional')}
                data-testid="submit-ready"
              >
                Batch the ready claims
              </Button>
              <Button
                icon={<CloudUploadOutlined />}
                loading={busy}
                onClick={() => void submitReady('institutional')}
                data-testid="submit-ready-ub04"
              >
                Batch the ready UB-04 claims (837I)
              </Button>
            </Space>
          )
        }
      />
      <Table<Batch>
        rowKey="id"
        columns={columnsFor(!!canSubmit, load)}
        dataSource={batches}
        loading={!batches && !error}
        pagination={{ pageSize: 25 }}
        expandable={{ expandedRowRender: (b) => <BatchAcknowledgments batchId={b.id} /> }}
        data-testid="batches-table"
      />
      {practiceId && <BatchJobs practiceId={practiceId} version={jobsVersion} onFinished={load} />}
    </>
  );
}
