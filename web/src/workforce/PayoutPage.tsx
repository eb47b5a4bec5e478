import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatUsd } from '../../../src/shared/money.ts';
import type { PayoutInput, PayoutLine } from '../../../src/workforce/payout.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { usePracticeId } from '../practice/practice-context.ts';

// Payout reports: a manager runs a period of whole workweeks and sees everyone's lines with every
// input; anyone else sees their own payouts only.

type Run = {
  id: number;
  periodFrom: string;
  periodTo: string;
  collectionsCents: number;
  members: number;
  totalCents: number;
  createdAt: string;
};
type Person = {
  id: number;
  staffId: number;
  staffName: string;
  role: string;
  planVersion: number | null;
  input: PayoutInput;
  lines: PayoutLine[];
  totalCents: number;
};

const problemText = (e: unknown) => (e instanceof ApiProblem ? e.message : String(e));

function payText(pay: PayoutInput['pay']): string {
  if (pay.type === 'hourly') return `hourly ${formatUsd(pay.rateCents)}/h, non-exempt`;
  if (pay.exempt) return `salaried exempt, ${formatUsd(pay.periodCents)} for the period`;
  return `salaried non-exempt, ${formatUsd(pay.weeklyCents)} a week for ${pay.hoursPerWeek} h`;
}

function PersonCard({ p }: { p: Person }) {
  const hours = p.input.weeks.map((w) => `${w.week}: ${w.minutes / 60} h`).join(', ') || 'no time entered';
  return (
    <Card size="small" title={`${p.staffName} (${p.role})`} extra={<b>{formatUsd(p.totalCents)}</b>}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="Pay">{payText(p.input.pay)}</Descriptions.Item>
        <Descriptions.Item label="Plan">
          {p.planVersion === null ? 'none in force: base pay and overtime only' : `version ${p.planVersion}`}
        </Descriptions.Item>
        <Descriptions.Item label="Hours by workweek">{hours}</Descriptions.Item>
        <Descriptions.Item label="Audit score">
          {p.input.auditScoreBp === null ? 'no audit in the period' : `${p.input.auditScoreBp / 100} %`}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="what"
        pagination={false}
        dataSource={p.lines}
        columns={[
          { title: 'Line', dataIndex: 'what', width: 220 },
          { title: 'Inputs', dataIndex: 'inputs' },
          {
            title: 'Amount',
            dataIndex: 'cents',
            align: 'right',
            width: 120,
            render: (c: number) => formatUsd(c),
          },
        ]}
      />
    </Card>
  );
}

export default function PayoutPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [runs, setRuns] = useState<Run[]>([]);
  const [manager, setManager] = useState(false);
  const [runId, setRunId] = useState<number>();
  const [report, setReport] = useState<{ run: Run; lines: Person[] }>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    if (!practiceId) return;
    api
      .get<{ manager: boolean; items: Run[] }>('/api/payouts', { practiceId })
      .then((r) => {
        setManager(r.manager);
        setRuns(r.items);
        setRunId((id) => id ?? r.items[0]?.id);
      })
      .catch((e: unknown) => setError(problemText(e)));
  }, [practiceId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!practiceId || !runId) return;
    api
      .get<{ run: Run; lines: Person[] }>(`/api/payouts/${runId}`, { practiceId })
      .then(setReport)
      .catch((e: unknown) => setError(problemText(e)));
  }, [practiceId, runId]);
  if (!practiceId) return null;

  const run = async (v: { from: string; to: string }) => {
    setError(undefined);
    try {
      const r = await api.post<{ run: Run }>('/api/payouts', { practiceId, ...v });
      message.success(
        `Payout run for ${r.run.periodFrom} to ${r.run.periodTo}: ${formatUsd(r.run.totalCents)}`,
      );
      setRunId(r.run.id);
      load();
    } catch (e) {
      setError(problemText(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Payouts</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {manager && (
        <Card size="small" title="Run a payout">
          <Form layout="inline" onFinish={run}>
            <Form.Item name="from" label="From (a Monday)" rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label="To (a Sunday)" rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              Run
            </Button>
          </Form>
        </Card>
      )}
      <Space wrap>
        <Select
          style={{ width: 360 }}
          placeholder={runs.length ? 'A payout run' : 'No payout runs yet'}
          value={runId}
          onChange={setRunId}
          aria-label="Payout run"
          options={runs.map((r) => ({
            value: r.id,
            label: `${r.periodFrom} to ${r.periodTo}${manager ? ` · ${formatUsd(r.totalCents)}` : ''} (run ${r.id})`,
          }))}
        />
        <Button
          icon={<DownloadOutlined />}
          disabled={!report}
          href={runId ? withQuery(`/api/payouts/${runId}/report.csv`, { practiceId }) : undefined}
        >
          CSV
        </Button>
      </Space>
      {report && (
        <>
          {manager && (
            <Typography.Text>
              {report.lines.length === 1 ? '1 person' : `${report.lines.length} people`},{' '}
              {formatUsd(report.run.totalCents)} in all; team collections{' '}
              {formatUsd(report.run.collectionsCents)} shared by {report.run.members}.
            </Typography.Text>
          )}
          {report.lines.map((p) => (
            <PersonCard key={p.id} p={p} />
          ))}
        </>
      )}
      <Typography.Paragraph type="secondary">
        Amounts in whole cents, each line rounded half up to the cent. A salary is paid 1/52 of the year a
        week. Overtime: hours over 40 in a workweek at 1.5 × the regular rate, which includes the
        period&apos;s bonuses shared among its weeks by hours (29 CFR 778.209); a non-exempt salary&apos;s
        rate is the weekly salary over the hours it covers (29 CFR 778.113).
      </Typography.Paragraph>
    </Space>
  );
}
