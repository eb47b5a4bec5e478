import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface Denial {
  id: number;
  claimId: number;
  claimLineId: number | null;
  groupCode: string;
  reasonCode: string;
  remarkCodes: string[];
  amountCents: number;
  openedAt: string;
  state: string;
}

/** The denials queue: each denied service line an 835 reported, with its CARC and RARCs. */
export function DenialsPage() {
  const practiceId = usePracticeId();
  const [items, setItems] = useState<Denial[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!practiceId) return;
    api.get<{ items: Denial[] }>('/api/denials', { practiceId }).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the denials'),
    );
  }, [practiceId]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Denials</Typography.Title>
      {error ? <Alert type="error" message={error} /> : null}
      <Table<Denial>
        rowKey="id"
        dataSource={items}
        columns={[
          { title: 'Claim', render: (_, d) => <Link to={`/claims/${d.claimId}`}>{d.claimId}</Link> },
          { title: 'Line', dataIndex: 'claimLineId' },
          {
            title: 'Reason',
            render: (_, d) => <Tag color="volcano">{`${d.groupCode}-${d.reasonCode}`}</Tag>,
          },
          { title: 'Remarks', render: (_, d) => d.remarkCodes.join(', ') },
          { title: 'Amount', align: 'right', render: (_, d) => dollars(d.amountCents) },
          { title: 'Opened', render: (_, d) => timestamp(d.openedAt) },
          { title: 'State', dataIndex: 'state' },
        ]}
      />
    </Space>
  );
}
