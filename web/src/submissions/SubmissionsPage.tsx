import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { OFFICE } from '../../../src/auth/roles.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface Batch {
  id: number;
  state: string;
  usage: string;
  interchangeControlNumber: number;
  claimCount: number;
  totalChargeCents: number;
  fileName: string;
  createdAt: string;
}

const columns: TableColumnsType<Batch> = [
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
  { title: 'State', dataIndex: 'state', key: 'state', render: (s: string) => <Tag color="blue">{s}</Tag> },
  {
    title: '837 file',
    key: 'file',
    render: (_: unknown, b: Batch) => (
      <Button size="small" icon={<DownloadOutlined />} href={`/api/batches/${b.id}/837`}>
        {b.fileName}
      </Button>
    ),
  },
];

/** Submission batches: ready claims written into an 837P interchange, and the files to send. */
export function SubmissionsPage() {
  const practiceId = usePracticeId();
  const canSubmit = useHasRole(OFFICE);
  const { message } = App.useApp();
  const [batches, setBatches] = useState<Batch[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<Batch[]>(withQuery('/api/batches', { practiceId })).then(
      (b) => (setBatches(b), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the batches'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const submitReady = async () => {
    setBusy(true);
    try {
      const outcome = await api.post<{ batchId: number; claimCount: number }>('/api/batches', { practiceId });
      message.success(`Batch ${outcome.batchId}: ${outcome.claimCount} claim(s) written to an 837P file`);
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
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              onClick={() => void submitReady()}
              data-testid="submit-ready"
            >
              Batch the ready claims
            </Button>
          )
        }
      />
      <Table<Batch>
        rowKey="id"
        columns={columns}
        dataSource={batches}
        loading={!batches && !error}
        pagination={{ pageSize: 25 }}
      />
    </>
  );
}
