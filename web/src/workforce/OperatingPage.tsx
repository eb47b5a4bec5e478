import { Line } from '@ant-design/charts';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OperatingMonth } from '../../../src/workforce/operating.ts';
import { FIGURES, operatingRows } from '../../../src/workforce/operating-table.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { usePracticeId } from '../practice/practice-context.ts';

// The practice's operating figures (managers only): the last twelve months of cost per claim, cost
// to collect and output per FTE, each against the same month last year and the trailing twelve
// months; a chart of one figure, the table the CSV carries and the formulas.

type Report = { lastMonth: string; note: string; months: OperatingMonth[] };
type FigureKey = (typeof FIGURES)[number]['key'];

const thisMonth = () => new Date().toISOString().slice(0, 7);
const TITLES: Record<string, string> = {
  month: 'Month',
  staffCost: 'Staff cost ($)',
  staffCostFrom: 'Staff cost from',
  hoursWorked: 'Hours',
  fte: 'FTE',
  claimsSubmitted: 'Claims submitted',
  collections: 'Collections ($)',
};

export default function OperatingPage() {
  const practiceId = usePracticeId();
  const [month, setMonth] = useState(thisMonth());
  const [figure, setFigure] = useState<FigureKey>('costPerClaimCents');
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!practiceId || !/^\d{4}-\d{2}$/.test(month)) return;
    setError(undefined);
    api
      .get<Report>('/api/workforce/operating', { practiceId, month })
      .then(setReport)
      .catch((e: unknown) => setError(e instanceof ApiProblem ? e.message : String(e)));
  }, [practiceId, month]);
  if (!practiceId) return null;
  const chosen = FIGURES.find((f) => f.key === figure)!;
  const series = (report?.months ?? []).flatMap((m) =>
    (
      [
        ['This month', m.figures],
        ['Same month last year', m.lastYear],
        ['Trailing 12 months', m.trailing],
      ] as const
    ).flatMap(([name, f]) => {
      const text = chosen.format(f?.[figure] ?? null);
      return text === null ? [] : [{ month: m.month, series: name, value: Number(text) }];
    }),
  );
  const rows = report ? operatingRows(report.months).map((r) => ({ ...r, key: r.month })) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Operating figures</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Space wrap>
        <Input
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          aria-label="Last month"
          style={{ width: 180 }}
        />
        <Button
          icon={<DownloadOutlined />}
          href={withQuery('/api/workforce/operating.csv', { practiceId, month })}
          disabled={!report}
        >
          CSV
        </Button>
      </Space>
      <Card
        size="small"
        title={chosen.label}
        extra={
          <Segmented
            size="small"
            value={figure}
            onChange={(v) => setFigure(v as FigureKey)}
            options={FIGURES.map((f) => ({ label: f.label, value: f.key }))}
          />
        }
      >
        {series.length ? (
          <Line data={series} xField="month" yField="value" colorField="series" height={260} />
        ) : (
          <Typography.Text type="secondary">No figures for these months.</Typography.Text>
        )}
      </Card>
      <Table
        size="small"
        data-testid="operating-table"
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          ...Object.entries(TITLES).map(([c, title]) => ({ title, dataIndex: c, key: c })),
          // The chosen figure beside its history; the CSV carries every figure.
          { title: chosen.label, dataIndex: chosen.column, key: 'chosen' },
          { title: 'Same month last year', dataIndex: `${chosen.column}LastYear`, key: 'lastYear' },
          { title: 'Trailing 12 months', dataIndex: `${chosen.column}Trailing12`, key: 'trailing' },
        ]}
      />
      <Typography.Paragraph type="secondary">
        Cost per claim = staff cost / claims first submitted that month. Cost to collect = staff cost /
        collections (insurance and patient payments less refunds). FTE = hours worked / (40 × the month&apos;s
        weeks); a salaried person who enters no time counts as full time. Claims and collections per FTE
        divide by that FTE. Last year is the same month a year before; trailing 12 is the twelve months
        before, summed and then divided. {report?.note}
      </Typography.Paragraph>
    </Space>
  );
}
