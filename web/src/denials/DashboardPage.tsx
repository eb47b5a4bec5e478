import { Column, Line } from '@ant-design/charts';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { kpiTables, percent, type KpiTable } from '../../../src/denials/dashboard-tables.ts';
import type { DashboardKpis, DenialRateRow, RateWithMonths } from '../../../src/denials/kpis.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Payer } from '../api/types.ts';
import { dollars } from '../lists/format.ts';
import { useOptions } from '../lists/useOptions.ts';
import { usePractice } from '../practice/practice-context.ts';
import { SavedFilters } from './SavedFilters.tsx';

// The denials dashboard: each KPI as a chart and the same table the CSV and PDF carry
// (src/denials/dashboard-tables.ts), filtered by period, practice and payer.

const today = () => new Date().toISOString().slice(0, 10);
const sixMonthsBack = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 5);
  return d.toISOString().slice(0, 10);
};
const asPercent = (v: number | null) => percent(v);

function KpiTableView({ table }: { table: KpiTable | undefined }) {
  if (!table) return null;
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={table.rows.length > 12 ? { pageSize: 12 } : false}
      dataSource={table.rows}
      columns={table.columns.map((c) => ({ title: c, dataIndex: c, key: c }))}
      data-testid={`kpi-table-${table.kpi}`}
    />
  );
}

/** A rate per month as a line (0–100 %). */
function RateLine({
  data,
  series,
}: {
  data: { month: string; rate: number | null; label?: string }[];
  series?: boolean;
}) {
  const points = data.filter((d) => d.rate !== null).map((d) => ({ ...d, percent: (d.rate ?? 0) * 100 }));
  if (points.length === 0) return <Typography.Text type="secondary">Nothing in the period.</Typography.Text>;
  return (
    <Line
      data={points}
      xField="month"
      yField="percent"
      {...(series ? { colorField: 'label' } : {})}
      height={240}
      axis={{ y: { title: '%' } }}
      scale={{ y: { domainMin: 0, domainMax: 100 } }}
      point={{ shapeField: 'circle', sizeField: 3 }}
    />
  );
}

const monthly = (r: RateWithMonths) => r.byMonth.map((m) => ({ month: m.month, rate: m.rate }));

function Kpi({
  title,
  kpi,
  tables,
  children,
  testId,
}: {
  title: string;
  kpi: string;
  tables: KpiTable[];
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
      <KpiTableView table={tables.find((t) => t.kpi === kpi)} />
    </Card>
  );
}

const DIMENSIONS: { key: keyof DashboardKpis['denialRate']; label: string; kpi: string }[] = [
  { key: 'all', label: 'Overall', kpi: 'denial-rate' },
  { key: 'payer', label: 'By payer', kpi: 'denial-rate-payer' },
  { key: 'category', label: 'By category', kpi: 'denial-rate-category' },
  { key: 'carc', label: 'By CARC', kpi: 'denial-rate-carc' },
  { key: 'provider', label: 'By provider', kpi: 'denial-rate-provider' },
  { key: 'procedure', label: 'By procedure', kpi: 'denial-rate-procedure' },
];

/** Managers' and billers' view of where the money is stuck. */
export default function DashboardPage() {
  const { practices, current, choose } = usePractice();
  const practiceId = current?.id;
  const [from, setFrom] = useState(sixMonthsBack);
  const [to, setTo] = useState(today);
  const [payerId, setPayerId] = useState<number>();
  const [kpis, setKpis] = useState<DashboardKpis>();
  const [error, setError] = useState<string>();
  const payers = useOptions<Payer>('/api/payers', (p) => p.name);
  const query = { practiceId, from, to, payerId };

  useEffect(() => {
    if (!practiceId) return;
    let live = true;
    api
      .get<DashboardKpis>('/api/dashboard', { practiceId, from, to, payerId })
      .then((k) => live && (setKpis(k), setError(undefined)))
      .catch(
        (e: unknown) =>
          live && setError(e instanceof ApiProblem ? e.message : 'could not load the dashboard'),
      );
    return () => {
      live = false;
    };
  }, [practiceId, from, to, payerId]);

  const tables = useMemo(() => (kpis ? kpiTables(kpis) : []), [kpis]);
  const aging = useMemo(
    () =>
      (kpis?.arAging.rows ?? []).flatMap((r) =>
        ['0–30', '31–60', '61–90', '91–120', 'Over 120'].map((b, i) => ({
          payer: r.label,
          bucket: b,
          dollars: (r.buckets[i] ?? 0) / 100,
        })),
      ),
    [kpis],
  );

  return (
    <>
      <Typography.Title level={3} className="page-title">
        Denials dashboard
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 220 }}
          value={practiceId}
          onChange={choose}
          options={practices.map((p) => ({ value: p.id, label: p.name }))}
          aria-label="Practice"
        />
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From" />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To" />
        <Select
          allowClear
          placeholder="All payers"
          style={{ width: 220 }}
          value={payerId}
          onChange={(v: number | undefined) => setPayerId(v)}
          options={payers.options}
          aria-label="Payer"
        />
        <SavedFilters
          page="dashboard"
          practiceId={practiceId}
          filter={{ from, to, ...(payerId ? { payerId } : {}) }}
          onPick={(f: { from: string; to: string; payerId?: number }) => {
            setFrom(f.from);
            setTo(f.to);
            setPayerId(f.payerId);
          }}
        />
        {practiceId && (
          <>
            <Button icon={<DownloadOutlined />} href={withQuery('/api/dashboard.csv', query)}>
              CSV
            </Button>
            <Button icon={<FilePdfOutlined />} href={withQuery('/api/dashboard.pdf', query)} target="_blank">
              PDF
            </Button>
          </>
        )}
      </Space>
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} />}
      {kpis && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              ['Days in A/R', kpis.daysInAr.days ?? '–'],
              ['Net collection rate', asPercent(kpis.netCollection.rate) || '–'],
              ['First-pass resolution', asPercent(kpis.firstPassResolution.rate) || '–'],
              ['Clean-claim rate', asPercent(kpis.cleanClaims.rate) || '–'],
              ['Appeal success', asPercent(kpis.appeals.successRate) || '–'],
              ['Recovered on appeal', dollars(kpis.appeals.recoveredCents)],
            ].map(([title, value]) => (
              <Col span={4} key={title}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title="Denial rate" size="small" style={{ marginBottom: 16 }} data-testid="kpi-denial-rate">
            <Tabs
              items={DIMENSIONS.map((d) => ({
                key: d.key,
                label: d.label,
                children: (
                  <>
                    <RateLine data={kpis.denialRate[d.key] as DenialRateRow[]} series={d.key !== 'all'} />
                    <KpiTableView table={tables.find((t) => t.kpi === d.kpi)} />
                  </>
                ),
              }))}
            />
          </Card>
          <Kpi
            title="Appeals: success rate and dollars recovered"
            kpi="appeals"
            tables={tables}
            testId="kpi-appeals"
          >
            {kpis.appeals.byMonth.length > 0 && (
              <Column
                data={kpis.appeals.byMonth.map((m) => ({ month: m.month, dollars: m.recoveredCents / 100 }))}
                xField="month"
                yField="dollars"
                height={220}
              />
            )}
          </Kpi>
          <Kpi
            title={`A/R aging by payer (as of ${kpis.today})`}
            kpi="ar-aging"
            tables={tables}
            testId="kpi-ar-aging"
          >
            {aging.length > 0 && (
              <Column data={aging} xField="payer" yField="dollars" colorField="bucket" stack height={260} />
            )}
          </Kpi>
          <Row gutter={16}>
            <Col span={12}>
              <Kpi title="Days in A/R" kpi="days-in-ar" tables={tables} testId="kpi-days-in-ar">
                <Statistic value={kpis.daysInAr.days ?? '–'} suffix="days" />
              </Kpi>
            </Col>
            <Col span={12}>
              <Kpi
                title="Net collection rate"
                kpi="net-collection-rate"
                tables={tables}
                testId="kpi-net-collection"
              >
                <Column
                  data={[
                    {
                      what: 'Charges − contractual',
                      dollars:
                        (kpis.netCollection.chargesCents - kpis.netCollection.contractualAdjustmentsCents) /
                        100,
                    },
                    { what: 'Payments', dollars: kpis.netCollection.paymentsCents / 100 },
                  ]}
                  xField="what"
                  yField="dollars"
                  height={200}
                />
              </Kpi>
            </Col>
          </Row>
          <Kpi
            title="First-pass resolution rate"
            kpi="first-pass-resolution"
            tables={tables}
            testId="kpi-first-pass"
          >
            <RateLine data={monthly(kpis.firstPassResolution)} />
          </Kpi>
          <Kpi title="Clean-claim rate" kpi="clean-claim-rate" tables={tables} testId="kpi-clean-claims">
            <RateLine data={monthly(kpis.cleanClaims)} />
          </Kpi>
          <Kpi
            title="Denials actioned within 10 business days"
            kpi="denials-actioned-10-days"
            tables={tables}
            testId="kpi-actioned"
          >
            <RateLine data={monthly(kpis.actionedInTenDays)} />
          </Kpi>
          <Typography.Paragraph type="secondary">
            Rates are rounded to 4 decimal places (shown as percentages). Days in A/R is the total A/R divided
            by the average daily charges of the last 90 days; days in A/R and the net collection rate are for
            the whole practice (not the payer). Business days skip weekends; no holidays are kept.
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}
