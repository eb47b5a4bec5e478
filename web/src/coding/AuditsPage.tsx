import { Column } from '@ant-design/charts';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  AUDIT_CATEGORIES,
  type ChartScore,
  type CodedChart,
  type ScoreSummary,
} from '../../../src/coding/audits-score.ts';
import type { AuditChartRow, AuditScores, CodingAuditRow } from '../../../src/coding/audits-store.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { dollars } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { daysAgo } from './period.ts';
import { RecodeForm } from './RecodeForm.tsx';

// Coding audits: draw a sample, re-code each chart blind (the coder's codes appear once the
// re-code is in), scores per coder against 95% with errors by kind and the money they move;
// coders see their charts and dispute them.

type AuditChart = Omit<AuditChartRow, 'coderCoding'> & {
  coderCoding: CodedChart | null;
  coderName: string | null;
};
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function ScoreView({ score }: { score: ChartScore }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={score.errors}
      columns={[
        { title: 'Category', dataIndex: 'category' },
        { title: 'Error', dataIndex: 'kind' },
        { title: 'Coded', dataIndex: 'coded' },
        { title: 'Auditor', dataIndex: 'expected' },
        { title: 'Money', dataIndex: 'moneyCents', render: (c: number) => dollars(c) },
      ]}
    />
  );
}

function ChartActions({ chart, onChange }: { chart: AuditChart; onChange: () => void }) {
  const { message } = App.useApp();
  const isAuditor = useHasRole(['admin', 'manager', 'auditor']);
  const [reason, setReason] = useState('');
  const act = (path: string, body: unknown) =>
    api
      .post(`/api/coding/audit-charts/${chart.id}/${path}`, body)
      .then(onChange)
      .catch((e) => message.error(e instanceof ApiProblem ? e.message : 'not saved'));
  if (chart.disputeState === 'open' && isAuditor)
    return (
      <Space>
        <Typography.Text>Disputed: {chart.disputeText}</Typography.Text>
        <Button onClick={() => void act('resolve', { outcome: 'upheld' })}>Uphold</Button>
        <Button onClick={() => void act('resolve', { outcome: 'overturned' })}>Overturn</Button>
      </Space>
    );
  if (!isAuditor && chart.score && !chart.disputeState)
    return (
      <Space>
        <Input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Why the audit is wrong"
          aria-label="Dispute reason"
        />
        <Button disabled={!reason.trim()} onClick={() => void act('dispute', { reason })}>
          Dispute
        </Button>
      </Space>
    );
  return chart.disputeState ? <Tag>dispute {chart.disputeState}</Tag> : null;
}

function AuditDetail({ auditId }: { auditId: number }) {
  const isAuditor = useHasRole(['admin', 'manager', 'auditor']);
  const [charts, setCharts] = useState<AuditChart[]>([]);
  const load = useCallback(
    () => api.get<{ charts: AuditChart[] }>(`/api/coding/audits/${auditId}`).then((r) => setCharts(r.charts)),
    [auditId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Table<AuditChart>
      rowKey="id"
      size="small"
      dataSource={charts}
      pagination={false}
      expandable={{
        expandedRowRender: (c) =>
          c.score ? (
            <ScoreView score={c.score} />
          ) : isAuditor ? (
            <RecodeForm
              auditChartId={c.id}
              encounterId={c.encounterId}
              serviceDate={c.serviceDate}
              onDone={() => void load()}
            />
          ) : null,
      }}
      columns={[
        { title: 'Encounter', dataIndex: 'encounterId' },
        { title: 'Chart type', dataIndex: 'chartType' },
        { title: 'Coder', key: 'coder', render: (_, c) => c.coderName ?? `user ${c.coderId}` },
        {
          title: 'Score',
          key: 'score',
          render: (_, c) =>
            c.score ? (
              <Tag color={c.score.meetsBar ? 'green' : 'red'}>{pct(c.score.accuracy)}</Tag>
            ) : (
              <Tag>awaiting re-code</Tag>
            ),
        },
        { title: 'Money', key: 'money', render: (_, c) => (c.score ? dollars(c.score.moneyCents) : null) },
        {
          title: '',
          key: 'actions',
          render: (_, c) => <ChartActions chart={c} onChange={() => void load()} />,
        },
      ]}
    />
  );
}

function NewAuditForm({ practiceId, onCreated }: { practiceId: number; onCreated: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const sampling = Form.useWatch('sampling', form);
  const create = async (v: Record<string, unknown>) => {
    const criteria = Object.fromEntries(
      Object.entries({ coderId: v.coderId, code: v.code, payerId: v.payerId }).filter(([, x]) => x),
    );
    try {
      const out = await api.post<{ charts: number; matched: number }>('/api/coding/audits', {
        practiceId,
        name: v.name,
        sampling: v.sampling,
        criteria,
        percent: v.percent,
        periodFrom: v.periodFrom,
        periodTo: v.periodTo,
      });
      message.success(`Sampled ${out.charts} of ${out.matched} charts`);
      onCreated();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the audit was not created');
    }
  };
  return (
    <Card title="New audit" size="small">
      <Form
        form={form}
        layout="inline"
        onFinish={create}
        initialValues={{ sampling: 'random', percent: 10, periodFrom: daysAgo(30), periodTo: daysAgo(0) }}
      >
        <Form.Item name="name" rules={[{ required: true, message: 'a name' }]}>
          <Input placeholder="Name" aria-label="Audit name" />
        </Form.Item>
        <Form.Item name="sampling">
          <Radio.Group options={['random', 'targeted']} />
        </Form.Item>
        {sampling === 'targeted' && (
          <>
            <Form.Item name="coderId">
              <InputNumber placeholder="Coder (user id)" min={1} aria-label="Coder" />
            </Form.Item>
            <Form.Item name="code">
              <Input placeholder="Code" aria-label="Code" />
            </Form.Item>
            <Form.Item name="payerId">
              <InputNumber placeholder="Payer id" min={1} aria-label="Payer" />
            </Form.Item>
          </>
        )}
        <Form.Item name="percent" label="%">
          <InputNumber min={1} max={100} aria-label="Percent" />
        </Form.Item>
        <Form.Item name="periodFrom">
          <Input type="date" aria-label="Sent from" />
        </Form.Item>
        <Form.Item name="periodTo">
          <Input type="date" aria-label="Sent to" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          Draw sample
        </Button>
      </Form>
    </Card>
  );
}

function Scores({ practiceId }: { practiceId: number }) {
  const [scores, setScores] = useState<AuditScores>();
  const query = { practiceId, from: daysAgo(90), to: daysAgo(0) };
  useEffect(() => {
    void api.get<AuditScores>('/api/coding/audit-scores', query).then(setScores);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [practiceId]);
  const rows = (scores?.coders ?? []).map((c) => ({
    key: String(c.userId),
    coder: c.name ?? `user ${c.userId}`,
    ...c.summary,
  }));
  return (
    <Card
      title="Scores per coder, last 90 days (bar: 95%)"
      size="small"
      extra={
        <Button icon={<DownloadOutlined />} href={withQuery('/api/coding/audit-scores.csv', query)}>
          CSV
        </Button>
      }
    >
      {rows.length > 0 && (
        <Column
          data={rows.flatMap((r) =>
            AUDIT_CATEGORIES.map((c) => ({
              coder: r.coder,
              category: c,
              percent: r.categories[c].accuracy * 100,
            })),
          )}
          xField="coder"
          yField="percent"
          colorField="category"
          group
          height={240}
          scale={{ y: { domainMin: 0, domainMax: 100 } }}
        />
      )}
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="audit-scores"
        columns={[
          { title: 'Coder', dataIndex: 'coder' },
          { title: 'Charts', dataIndex: 'charts' },
          {
            title: 'Accuracy',
            key: 'accuracy',
            render: (_, r: ScoreSummary) => <Tag color={r.meetsBar ? 'green' : 'red'}>{pct(r.accuracy)}</Tag>,
          },
          ...AUDIT_CATEGORIES.map((c) => ({
            title: c,
            key: c,
            render: (_: unknown, r: ScoreSummary) => pct(r.categories[c].accuracy),
          })),
          {
            title: 'Errors by kind',
            key: 'errors',
            render: (_, r: ScoreSummary) =>
              Object.entries(r.errorsByKind)
                .map(([k, n]) => `${k} ${n}`)
                .join(', '),
          },
          { title: 'Money', dataIndex: 'moneyCents', render: (c: number) => dollars(c) },
        ]}
      />
    </Card>
  );
}

export default function AuditsPage() {
  const practiceId = usePracticeId();
  const isAuditor = useHasRole(['admin', 'manager', 'auditor']);
  const [audits, setAudits] = useState<(Omit<CodingAuditRow, 'createdAt'> & { createdAt: string })[]>([]);
  const load = useCallback(async () => {
    if (practiceId)
      setAudits((await api.get<{ items: typeof audits }>('/api/coding/audits', { practiceId })).items);
  }, [practiceId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!practiceId) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Coding audits</Typography.Title>
      <Scores practiceId={practiceId} />
      {isAuditor && <NewAuditForm practiceId={practiceId} onCreated={() => void load()} />}
      <Table
        rowKey="id"
        size="small"
        dataSource={audits}
        expandable={{ expandedRowRender: (a) => <AuditDetail auditId={a.id} /> }}
        columns={[
          { title: 'Audit', dataIndex: 'name' },
          { title: 'Sampling', dataIndex: 'sampling' },
          { title: '%', dataIndex: 'percent' },
          { title: 'Sent from', dataIndex: 'periodFrom' },
          { title: 'to', dataIndex: 'periodTo' },
        ]}
      />
    </Space>
  );
}
