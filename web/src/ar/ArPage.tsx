import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { AgingChart } from './AgingChart.tsx';

type By = 'payer' | 'patient';

interface AgingRow {
  key: string;
  label: string;
  buckets: number[];
  total: number;
}

interface Aging {
  today: string;
  by: By;
  buckets: { key: string; label: string }[];
  rows: AgingRow[];
  totals: AgingRow;
}

interface Summary {
  insuranceArCents: number;
  patientArCents: number;
  totalArCents: number;
  daysInAr: number | null;
  netCollectionRate: number | null;
  period: { from: string; to: string };
}

/** A/R: what payers and patients still owe, aged from the date of service, with days in A/R and the net collection rate. */
export function ArPage() {
  const practiceId = usePracticeId();
  const [by, setBy] = useState<By>('payer');
  const [aging, setAging] = useState<Aging>();
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!practiceId) return;
    const fail = (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the A/R');
    api.get<Aging>('/api/ar/aging', { practiceId, by }).then((a) => (setAging(a), setError(undefined)), fail);
  }, [practiceId, by]);
  useEffect(() => {
    if (!practiceId) return;
    api.get<Summary>('/api/ar/summary', { practiceId }).then(setSummary, () => undefined);
  }, [practiceId]);

  const columns: TableColumnsType<AgingRow> = [
    {
      title: by === 'payer' ? 'Payer' : 'Patient',
      dataIndex: 'label',
      key: 'label',
      // a patient's row opens the patient (and their ledger)
      render: (label: string, r: AgingRow) =>
        r.key.startsWith('patient:') ? (
          <Link to={`/patients/${r.key.slice('patient:'.length)}`}>{label}</Link>
        ) : (
          label
        ),
    },
    ...(aging?.buckets ?? []).map((b, i) => ({
      title: `${b.label} days`,
      key: b.key,
      align: 'right' as const,
      render: (_: unknown, r: AgingRow) => dollars(r.buckets[i] ?? 0),
    })),
    {
      title: 'Total',
      key: 'total',
      align: 'right',
      render: (_: unknown, r: AgingRow) => <strong>{dollars(r.total)}</strong>,
    },
  ];

  return (
    <>
      <Typography.Title level={3} className="page-title">
        A/R
      </Typography.Title>
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={5}>
          <Card size="small">
            <Statistic
              title="Total A/R"
              value={summary ? dollars(summary.totalArCents) : '…'}
              data-testid="total-ar"
            />
          </Card>
        </Col>
        <Col span={5}>
          <Card size="small">
            <Statistic title="With insurance" value={summary ? dollars(summary.insuranceArCents) : '…'} />
          </Card>
        </Col>
        <Col span={5}>
          <Card size="small">
            <Statistic title="With patients" value={summary ? dollars(summary.patientArCents) : '…'} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic title="Days in A/R" value={summary?.daysInAr ?? '–'} data-testid="days-in-ar" />
          </Card>
        </Col>
        <Col span={5}>
          <Card size="small">
            <Statistic
              title="Net collection rate"
              value={summary?.netCollectionRate ?? '–'}
              suffix={summary?.netCollectionRate != null ? '%' : undefined}
              data-testid="net-collection-rate"
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        Balances are aged from the date of service. Days in A/R is the total A/R divided by the average daily
        charges of the last 90 days; the net collection rate is payments divided by charges less contractual
        adjustments
        {summary ? ` (${summary.period.from} to ${summary.period.to})` : ''}.
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Segmented<By>
          value={by}
          onChange={setBy}
          options={[
            { label: 'By payer (insurance balances)', value: 'payer' },
            { label: 'By patient (patient balances)', value: 'patient' },
          ]}
          data-testid="aging-by"
        />
        {practiceId && (
          <Button icon={<DownloadOutlined />} href={withQuery('/api/ar/aging.csv', { practiceId, by })}>
            Export CSV
          </Button>
        )}
      </Space>
      {aging && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <AgingChart labels={aging.buckets.map((b) => b.label)} values={aging.totals.buckets} />
        </Card>
      )}
      <Table<AgingRow>
        rowKey="key"
        columns={columns}
        dataSource={aging?.rows}
        loading={!aging && !error}
        pagination={{ pageSize: 50 }}
        data-testid="aging-table"
        summary={() =>
          aging && aging.rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>Total</strong>
              </Table.Summary.Cell>
              {aging.totals.buckets.map((c, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  <strong>{dollars(c)}</strong>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={aging.buckets.length + 1} align="right">
                <strong>{dollars(aging.totals.total)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
