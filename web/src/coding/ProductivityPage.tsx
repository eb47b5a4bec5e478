import { Column } from '@ant-design/charts';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProductivityRow } from '../../../src/coding/productivity.ts';
import type { ProductivityWithNames } from '../../../src/coding/productivity-store.ts';
import { api, withQuery } from '../api/client.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { daysAgo } from './period.ts';

// Coder productivity from the workspace's events (no timesheets): charts and lines an hour by
// chart type, minutes in a chart, hold rate; a chart, its table and the CSV.

type Report = ProductivityWithNames & { period: { from: string; to: string } };

const COLUMNS: { title: string; dataIndex: keyof ProductivityRow }[] = [
  { title: 'Chart type', dataIndex: 'chartType' },
  { title: 'Charts', dataIndex: 'charts' },
  { title: 'Lines', dataIndex: 'lines' },
  { title: 'Hours', dataIndex: 'hours' },
  { title: 'Charts / hour', dataIndex: 'chartsPerHour' },
  { title: 'Lines / hour', dataIndex: 'linesPerHour' },
  { title: 'Minutes / chart', dataIndex: 'minutesPerChart' },
  { title: 'Held', dataIndex: 'held' },
  { title: 'Hold rate', dataIndex: 'holdRate' },
];

export default function ProductivityPage() {
  const practiceId = usePracticeId();
  const [from, setFrom] = useState(daysAgo(30));
  const [to, setTo] = useState(daysAgo(0));
  const [report, setReport] = useState<Report>();
  const query = { practiceId, from, to };
  useEffect(() => {
    if (practiceId) void api.get<Report>('/api/coding/productivity', query).then(setReport);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [practiceId, query.from, query.to]);
  if (!practiceId) return null;
  const rows = (report?.coders ?? []).flatMap((c) =>
    c.byType.map((r) => ({ ...r, coder: c.name ?? `user ${c.userId}`, key: `${c.userId}-${r.chartType}` })),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Coder productivity</Typography.Title>
      <Space>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From" />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To" />
        <Button icon={<DownloadOutlined />} href={withQuery('/api/coding/productivity.csv', query)}>
          CSV
        </Button>
      </Space>
      <Card title="Charts an hour by coder and chart type" size="small">
        {rows.length ? (
          <Column
            data={rows}
            xField="coder"
            yField="chartsPerHour"
            colorField="chartType"
            group
            height={260}
          />
        ) : (
          <Typography.Text type="secondary">No coding in the period.</Typography.Text>
        )}
      </Card>
      <Table
        size="small"
        data-testid="productivity-table"
        dataSource={rows}
        pagination={false}
        columns={[{ title: 'Coder', dataIndex: 'coder' }, ...COLUMNS]}
      />
      {report && (
        <Typography.Text type="secondary">
          All coders: {report.total.charts} charts, {report.total.chartsPerHour} an hour, hold rate{' '}
          {report.total.holdRate}. Time in a chart runs from one event to the next while the chart is open,
          gaps capped at 15 minutes.
        </Typography.Text>
      )}
    </Space>
  );
}
