import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { STATE_COLORS, type EraFile, type RemittanceSummary } from './types.ts';

interface ImportOutcome {
  eraFileId: number;
  duplicate: boolean;
  message: string;
}

/** The ERA inbox: import 835 files, see each file's balancing, post what waits. */
export function EraInboxPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [files, setFiles] = useState<EraFile[]>([]);
  const [error, setError] = useState<string>();
  const [postUnbalanced, setPostUnbalanced] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: EraFile[] }>('/api/eras', { practiceId }).then(
      (r) => (setFiles(r.items), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the ERA inbox'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const content = await file.text();
      const outcome = await api.post<ImportOutcome>('/api/eras', {
        practiceId,
        fileName: file.name,
        content,
        postUnbalanced,
      });
      if (outcome.duplicate) message.warning(outcome.message);
      else message.success(outcome.message);
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the 835 could not be imported');
    } finally {
      setBusy(false);
    }
  };

  const post = async (file: EraFile) => {
    setBusy(true);
    try {
      await api.post(`/api/eras/${file.id}/post`, { postUnbalanced });
      message.success(`${file.fileName}: posted what was waiting`);
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not post');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>ERA inbox</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Upload
            accept=".835,.txt,.edi,.x12"
            showUploadList={false}
            beforeUpload={(file) => (void upload(file), false)}
            disabled={busy}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>
              Import 835
            </Button>
          </Upload>
          <Checkbox checked={postUnbalanced} onChange={(e) => setPostUnbalanced(e.target.checked)}>
            Post the balanced claims of a transaction that does not balance
          </Checkbox>
          <Link to="/payments/unmatched">Unmatched queue</Link>
        </Space>
      </Card>
      {error ? <Alert type="error" message={error} /> : null}
      <Table<EraFile>
        rowKey="id"
        dataSource={files}
        pagination={{ pageSize: 20 }}
        expandable={{
          defaultExpandAllRows: false,
          expandedRowRender: (f) => <Remittances items={f.remittances} />,
        }}
        columns={[
          { title: 'File', render: (_, f) => <Link to={`/payments/eras/${f.id}`}>{f.fileName}</Link> },
          { title: 'Received', render: (_, f) => timestamp(f.receivedAt) },
          {
            title: 'Payments',
            render: (_, f) =>
              f.remittances.map((r) => `${r.payerName} ${dollars(r.paymentCents)}`).join('; '),
          },
          {
            title: 'Balancing',
            render: (_, f) =>
              f.remittances.every((r) => r.balanced) ? (
                <Tag color="green">balanced</Tag>
              ) : (
                <Tag color="red">does not balance</Tag>
              ),
          },
          {
            title: 'Status',
            render: (_, f) => <Tag color={STATE_COLORS[f.status]}>{f.status.replace('_', ' ')}</Tag>,
          },
          {
            title: '',
            render: (_, f) =>
              f.remittances.some((r) => r.claims.pending + r.claims.held > 0) ? (
                <Button size="small" onClick={() => void post(f)} disabled={busy}>
                  Post
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}

function Remittances({ items }: { items: RemittanceSummary[] }) {
  return (
    <Table<RemittanceSummary>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: 'Payer', dataIndex: 'payerName' },
        { title: 'Trace (TRN02)', dataIndex: 'traceNumber' },
        { title: 'Paid', align: 'right', render: (_, r) => `${r.paymentMethod} ${dollars(r.paymentCents)}` },
        {
          title: 'Balancing',
          render: (_, r) =>
            r.balanced ? (
              <Tag color="green">balanced</Tag>
            ) : (
              <Space direction="vertical" size={0}>
                {r.balancing.map((p, i) => (
                  <Typography.Text key={i} type="danger">
                    {p.message}
                  </Typography.Text>
                ))}
              </Space>
            ),
        },
        {
          title: 'Claims',
          render: (_, r) =>
            `${r.claims.posted} posted, ${r.claims.pending} pending, ${r.claims.unmatched} unmatched, ${r.claims.held} held`,
        },
      ]}
    />
  );
}
