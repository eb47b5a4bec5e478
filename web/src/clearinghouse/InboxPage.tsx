import { Alert, Button, Card, Modal, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface InboxRow {
  id: number;
  connectionName: string;
  name: string;
  receivedAt: string;
  sha256: string;
  transactionType: string | null;
  guide: string | null;
  state: string;
  outcome: string | null;
  size: number;
}

const STATE_COLORS: Record<string, string> = {
  processed: 'green',
  received: 'blue',
  failed: 'red',
  unhandled: 'gold',
  unrecognised: 'default',
};

/** Every file the clearinghouse sent: when, over which connection, what it is and what it did. */
export function InboxPage() {
  const practiceId = usePracticeId();
  const [rows, setRows] = useState<InboxRow[]>([]);
  const [error, setError] = useState<string>();
  const [raw, setRaw] = useState<{ name: string; content: string }>();

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<InboxRow[]>(`/api/practices/${practiceId}/inbox`).then(
      (r) => (setRows(r), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the inbox'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const show = async (row: InboxRow) => {
    const file = await api.get<{ content: string }>(`/api/practices/${practiceId}/inbox/${row.id}`);
    setRaw({ name: row.name, content: file.content });
  };

  return (
    <Card title="Inbox" extra={<Button onClick={load}>Refresh</Button>}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Table<InboxRow>
        rowKey="id"
        dataSource={rows}
        size="small"
        columns={[
          { title: 'Received', dataIndex: 'receivedAt', render: (v: string) => timestamp(v) },
          { title: 'Connection', dataIndex: 'connectionName' },
          { title: 'File', dataIndex: 'name' },
          {
            title: 'Kind',
            render: (_, r) =>
              r.transactionType ? `${r.transactionType}${r.guide ? ` (${r.guide})` : ''}` : '—',
          },
          {
            title: 'State',
            dataIndex: 'state',
            render: (s: string) => <Tag color={STATE_COLORS[s]}>{s}</Tag>,
          },
          { title: 'What it did', dataIndex: 'outcome' },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => void show(r)}>
                Raw
              </Button>
            ),
          },
        ]}
      />
      <Modal open={!!raw} title={raw?.name} onCancel={() => setRaw(undefined)} footer={null} width={900}>
        <Typography.Paragraph>
          <pre style={{ maxHeight: 500, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {raw?.content.replace(/~/g, '~\n')}
          </pre>
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
