import { Column } from '@ant-design/charts';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TeamMarketView } from '../../../src/workforce/team-market-store.ts';
import { positionText, teamMarketRows } from '../../../src/workforce/team-market.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { usePracticeId } from '../practice/practice-context.ts';

// Pay against the market: each person's annualised pay as a percentile of the BLS market for the
// nation, their state and their work setting (a manager sees the team, anyone else their own
// record); a chart, the table the CSV carries, and where each set of percentiles comes from.

const AGAINST = { national: 'United States', state: 'Their state', setting: 'Their work setting' } as const;

export default function TeamPage() {
  const practiceId = usePracticeId();
  const [view, setView] = useState<TeamMarketView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!practiceId) return;
    setError(undefined);
    api
      .get<TeamMarketView>('/api/workforce/team-market', { practiceId })
      .then(setView)
      .catch((e: unknown) => setError(e instanceof ApiProblem ? e.message : String(e)));
  }, [practiceId]);
  if (!practiceId) return null;
  const rows: Record<string, string | null>[] = view
    ? teamMarketRows(view.rows).map((r, i) => ({ ...r, key: String(view.rows[i]!.staffId) }))
    : [];
  // The chart plots where a percentile is known; below the 10th and above the 90th sit at the edge.
  const bars = (view?.rows ?? []).flatMap((r) =>
    r.comparisons
      .filter((c) => c.position.kind !== 'unknown')
      .map((c) => ({
        name: r.name,
        against: AGAINST[c.against],
        percentile: c.position.kind === 'unknown' ? 0 : c.position.percentile,
        label: positionText(c.position),
      })),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Pay against the market</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {view && (
        <Typography.Paragraph type="secondary" data-testid="team-market-source">
          Each person&apos;s pay a year (hourly rate × 2,080 hours, or the salary) placed among the
          percentiles of {view.occupation.title} ({view.occupation.code}), by straight lines between the
          published 10th, 25th, 50th, 75th and 90th. Source: U.S. Bureau of Labor Statistics, OEWS{' '}
          {view.release}. Where BLS publishes only a mean (state figures), its national percentiles are scaled
          by that mean.
        </Typography.Paragraph>
      )}
      <Space>
        <Button
          icon={<DownloadOutlined />}
          href={withQuery('/api/workforce/team-market.csv', { practiceId })}
          disabled={!view}
        >
          CSV
        </Button>
      </Space>
      <Card title="Percentile of the market" size="small">
        {bars.length ? (
          <Column
            data={bars}
            xField="name"
            yField="percentile"
            colorField="against"
            group
            height={260}
            scale={{ y: { domainMin: 0, domainMax: 100 } }}
            tooltip={{ items: [{ field: 'label', name: 'percentile' }] }}
          />
        ) : (
          <Typography.Text type="secondary">
            {view && !view.manager
              ? 'No staff record with pay is linked to your login; a manager links it on the staff page.'
              : 'No current staff with pay on file.'}
          </Typography.Text>
        )}
      </Card>
      <Table
        size="small"
        data-testid="team-market-table"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: 'Name', dataIndex: 'name' },
          { title: 'Role', dataIndex: 'role' },
          { title: 'Pay a year ($)', dataIndex: 'annualPay' },
          { title: 'Annualised', dataIndex: 'annualised' },
          { title: 'U.S.', dataIndex: 'national' },
          { title: 'State', dataIndex: 'state' },
          { title: 'In state', dataIndex: 'statePercentile' },
          { title: 'Work setting', dataIndex: 'setting' },
          { title: 'In setting', dataIndex: 'settingPercentile' },
          { title: 'Notes', dataIndex: 'notes' },
        ]}
        expandable={{
          expandedRowRender: (r) => <Typography.Text type="secondary">{r.basis}</Typography.Text>,
        }}
      />
    </Space>
  );
}
