// The salary explorer, open without login: national percentiles by release, state means on a tile
// map, work settings compared, the job outlook, and an estimate for one person. Every figure comes
// from the BLS files imported (GET /api/wages), shown with its release and a CSV of its table.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { lazy, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ExplorerData, WageTable } from '../../../src/workforce/explorer-tables.ts';
import { formatUsd } from '../../../src/shared/money.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { wholeDollars } from './format.ts';
import { PayEstimateCard } from './PayEstimateCard.tsx';
import { StateTileMap } from './StateTileMap.tsx';
import { AfterPaint } from '../components/AfterPaint.tsx';

const PercentileChart = lazy(() => import('./WageCharts.tsx').then((m) => ({ default: m.PercentileChart })));
const SettingChart = lazy(() => import('./WageCharts.tsx').then((m) => ({ default: m.SettingChart })));

export type Explorer = ExplorerData & {
  tables: WageTable[];
  sources: { fileName: string; release: string }[];
};
const whole = (cents: number | null) => (cents === null ? '–' : wholeDollars(cents));
/** The published cell when BLS wrote a special code there instead of a number. */
const shown = (cents: number | null, published: string | undefined) =>
  cents === null ? (published ? `${published} (not published)` : '–') : whole(cents);

function TableCard(props: {
  table?: WageTable;
  title: string;
  extra?: ReactNode;
  children?: ReactNode;
  testId: string;
}) {
  const t = props.table;
  return (
    <Card
      title={props.title}
      data-testid={props.testId}
      extra={
        t && (
          <a href={`/api/wages.csv?table=${t.name}`} download>
            <DownloadOutlined /> CSV
          </a>
        )
      }
    >
      {props.children}
      {t && (
        <>
          <Table
            size="small"
            pagination={false}
            scroll={{ y: 320 }}
            rowKey={(_, i) => String(i)}
            dataSource={t.rows}
            columns={t.columns.map((c) => ({ title: c, dataIndex: c, key: c }))}
          />
          <Typography.Text type="secondary">
            Source: U.S. Bureau of Labor Statistics, {t.release}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

export default function SalaryExplorerPage() {
  const [x, setX] = useState<Explorer | null>();
  const [error, setError] = useState<string>();
  const [state, setState] = useState<string>();
  const [release, setRelease] = useState<string>();
  useEffect(() => {
    api.get<Explorer>('/api/wages').then(setX, (e) => {
      setError(e instanceof ApiProblem ? e.message : String(e));
      setX(null);
    });
  }, []);
  const table = (name: WageTable['name']) => x?.tables.find((t) => t.name === name);
  const industryReleases = useMemo(
    () => [...new Set(x?.industries.map((r) => r.release))].sort().reverse(),
    [x],
  );
  const settingRelease = release ?? industryReleases[0];

  if (x === undefined) return <Spin fullscreen description="Loading wages" />;
  if (!x)
    return <Alert type="warning" title="No wage data" description={error} showIcon style={{ margin: 24 }} />;
  const stateRow = x.states.find((s) => s.state === state);
  const nationalOf = (rel: string) => x.national.find((n) => n.release === rel);
  const latest = x.national.at(-1);
  const releases = [...new Set(x.sources.map((s) => s.release))].join('; ');
  const outlook = table('outlook')?.rows[0];
  const settings = x.industries
    .filter((r) => r.release === settingRelease && r.annualMean !== null)
    .sort((a, b) => (b.annualMean ?? 0) - (a.annualMean ?? 0));

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={2}>What medical records specialists earn</Typography.Title>
      <Typography.Paragraph>
        {x.occupation.title} (SOC {x.occupation.code}): medical coders and many medical billers.{' '}
        {latest && (
          <>
            National median {whole(latest.annualMedian)} a year ({latest.release}).
          </>
        )}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="salary-source">
        Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS) and
        Employment Projections: {releases}. A figure quoted elsewhere may be from another year or occupation;
        the figures here are BLS&apos;s, with their release.
      </Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <TableCard title="National wages by percentile" table={table('national')} testId="wages-national">
          <AfterPaint>
            <PercentileChart
              rows={x.national.flatMap((r) =>
                (
                  [
                    ['10th', r.annualP10],
                    ['25th', r.annualP25],
                    ['Median', r.annualMedian],
                    ['75th', r.annualP75],
                    ['90th', r.annualP90],
                  ] as const
                )
                  .filter(([, v]) => v !== null)
                  .map(([percentile, v]) => ({ release: r.release, percentile, dollars: v! / 100 })),
              )}
            />
          </AfterPaint>
        </TableCard>
        <TableCard title="Mean wages by state" table={table('states')} testId="wages-states">
          <Row gutter={24}>
            <Col xs={24} lg={14}>
              <StateTileMap
                tiles={x.states.map((s) => ({
                  state: s.state,
                  name: s.areaTitle,
                  value: s.annualMean,
                  label: `mean ${shown(s.annualMean, s.published.A_MEAN)} (${s.release})`,
                }))}
                selected={state}
                onSelect={setState}
              />
            </Col>
            <Col xs={24} lg={10}>
              <Select
                showSearch
                allowClear
                placeholder="Pick a state"
                aria-label="Pick a state"
                data-testid="state-select"
                style={{ width: '100%', marginBottom: 12 }}
                value={state}
                onChange={setState}
                optionFilterProp="label"
                options={x.states.map((s) => ({ value: s.state, label: s.areaTitle }))}
              />
              {stateRow && (
                <Descriptions column={1} size="small" bordered data-testid="state-figures">
                  <Descriptions.Item label="State">{stateRow.areaTitle}</Descriptions.Item>
                  <Descriptions.Item label="Annual mean">
                    {shown(stateRow.annualMean, stateRow.published.A_MEAN)}
                  </Descriptions.Item>
                  <Descriptions.Item label="Hourly mean">
                    {stateRow.hourlyMean === null
                      ? shown(null, stateRow.published.H_MEAN)
                      : formatUsd(stateRow.hourlyMean)}
                  </Descriptions.Item>
                  <Descriptions.Item label="National mean, same release">
                    {whole(nationalOf(stateRow.release)?.annualMean ?? null)}
                  </Descriptions.Item>
                  <Descriptions.Item label="Source">
                    BLS OEWS {stateRow.release}, {stateRow.sourceFile}
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Col>
          </Row>
        </TableCard>
        <TableCard title="Work settings compared" table={table('industries')} testId="wages-industries">
          <Select
            value={settingRelease}
            onChange={setRelease}
            options={industryReleases.map((r) => ({ value: r, label: r }))}
            style={{ width: 160, marginBottom: 12 }}
          />
          <AfterPaint>
            <SettingChart
              rows={settings.map((r) => ({ setting: r.naicsTitle, dollars: r.annualMean! / 100 }))}
            />
          </AfterPaint>
        </TableCard>
        <TableCard title="Job outlook" table={table('outlook')} testId="wages-outlook">
          {outlook && (
            <Row gutter={16} style={{ marginBottom: 12 }}>
              <Col span={8}>
                <Statistic
                  title={`Employment ${outlook.Period}`}
                  value={`${outlook['Employment (start)']} → ${outlook['Employment (end)']}`}
                />
              </Col>
              <Col span={8}>
                <Statistic title="Change" value={`${outlook.Change} (${outlook['Change %']})`} />
              </Col>
              <Col span={8}>
                <Statistic title="Openings a year" value={outlook['Openings a year']} />
              </Col>
            </Row>
          )}
        </TableCard>
        <PayEstimateCard explorer={x} state={state} />
      </Space>
    </div>
  );
}
