import { EyeOutlined, FilePdfOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { StatementRulesCard } from './StatementRulesCard.tsx';

interface Candidate {
  patientId: number;
  name: string;
  accountNumber: string;
  amountDueCents: number;
  lastStatementDate: string | null;
}

interface Preview {
  statementDate: string;
  count: number;
  totalDueCents: number;
  patients: Candidate[];
}

interface Run {
  id: number;
  statementDate: string;
  statementCount: number;
  totalDueCents: number;
  createdAt: string;
}

interface RunStatement {
  id: number;
  patientName: string;
  accountNumber: string;
  amountDueCents: number;
}

const previewColumns: TableColumnsType<Candidate> = [
  { title: 'Patient', dataIndex: 'name', key: 'name' },
  { title: 'Account', dataIndex: 'accountNumber', key: 'account' },
  { title: 'Owes', dataIndex: 'amountDueCents', key: 'due', align: 'right', render: dollars },
  {
    title: 'Last statement',
    dataIndex: 'lastStatementDate',
    key: 'last',
    render: (d: string | null) => d ?? 'never',
  },
];

const statementColumns: TableColumnsType<RunStatement> = [
  { title: 'Patient', dataIndex: 'patientName', key: 'name' },
  { title: 'Account', dataIndex: 'accountNumber', key: 'account' },
  { title: 'Owes', dataIndex: 'amountDueCents', key: 'due', align: 'right', render: dollars },
  {
    title: 'PDF',
    key: 'pdf',
    render: (_: unknown, s: RunStatement) => (
      <Button size="small" icon={<FilePdfOutlined />} href={`/api/statements/${s.id}.pdf`} target="_blank">
        Statement
      </Button>
    ),
  },
];

/** The statements of one run, loaded when the row opens. */
function RunStatements({ runId }: { runId: number }) {
  const [rows, setRows] = useState<RunStatement[]>();
  useEffect(() => {
    api.get<{ statements: RunStatement[] }>(`/api/statements/runs/${runId}`).then(
      (r) => setRows(r.statements),
      () => setRows([]),
    );
  }, [runId]);
  return (
    <Table<RunStatement>
      rowKey="id"
      size="small"
      columns={statementColumns}
      dataSource={rows}
      loading={!rows}
      pagination={false}
    />
  );
}

/** Patient statements: preview who is due, run, and print the PDFs to mail. */
export function StatementsPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [runs, setRuns] = useState<Run[]>();
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<Run[]>('/api/statements/runs', { practiceId }).then(
      (r) => (setRuns(r), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the statement runs'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const showPreview = async () => {
    if (!practiceId) return;
    setBusy(true);
    try {
      setPreview(await api.post<Preview>('/api/statements/runs', { practiceId, preview: true }));
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not preview the run');
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!practiceId) return;
    setBusy(true);
    try {
      const made = await api.post<Run>('/api/statements/runs', { practiceId });
      message.success(`${made.statementCount} statement(s) made, ${dollars(made.totalDueCents)} due`);
      setPreview(undefined);
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not run the statements');
    } finally {
      setBusy(false);
    }
  };

  const runColumns: TableColumnsType<Run> = [
    { title: 'Run', dataIndex: 'id', key: 'id' },
    { title: 'Statement date', dataIndex: 'statementDate', key: 'date' },
    { title: 'Statements', dataIndex: 'statementCount', key: 'count', align: 'right' },
    { title: 'Total due', dataIndex: 'totalDueCents', key: 'total', align: 'right', render: dollars },
    { title: 'Made', dataIndex: 'createdAt', key: 'created', render: timestamp },
    {
      title: 'PDF',
      key: 'pdf',
      render: (_: unknown, r: Run) =>
        r.statementCount > 0 && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={`/api/statements/runs/${r.id}.pdf`}
            target="_blank"
          >
            All statements
          </Button>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} className="page-title">
        Statements
      </Typography.Title>
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} />}
      {practiceId && <StatementRulesCard practiceId={practiceId} onSaved={() => setPreview(undefined)} />}
      <Card
        size="small"
        title="Next run"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Button
              icon={<EyeOutlined />}
              onClick={() => void showPreview()}
              loading={busy}
              data-testid="statements-preview"
            >
              Preview
            </Button>
            <Popconfirm
              title="Make today's statements?"
              description="Every patient listed in the preview is billed and recorded as billed today."
              onConfirm={() => void run()}
            >
              <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="statements-run">
                Run statements
              </Button>
            </Popconfirm>
          </Space>
        }
      >
        {preview ? (
          <>
            <Typography.Paragraph>
              {preview.count} patient(s) would get a statement dated {preview.statementDate},{' '}
              {dollars(preview.totalDueCents)} in all.
            </Typography.Paragraph>
            <Table<Candidate>
              rowKey="patientId"
              size="small"
              columns={previewColumns}
              dataSource={preview.patients}
              pagination={{ pageSize: 10 }}
            />
          </>
        ) : (
          <Typography.Text type="secondary">
            Preview lists the patients who owe at least the minimum balance and were not billed within the
            days between statements.
          </Typography.Text>
        )}
      </Card>
      <Table<Run>
        rowKey="id"
        columns={runColumns}
        dataSource={runs}
        loading={!runs && !error}
        pagination={{ pageSize: 25 }}
        expandable={{
          expandedRowRender: (r) => <RunStatements runId={r.id} />,
          rowExpandable: (r) => r.statementCount > 0,
        }}
        data-testid="statement-runs"
      />
    </>
  );
}
