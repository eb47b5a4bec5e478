import { Alert, List, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { timestamp } from '../lists/format.ts';

interface Reason {
  code: string;
  where?: string;
  text: string;
}
interface Ack {
  id: number;
  kind: string;
  fileName: string;
  receivedAt: string;
  status: string;
  summary: string;
  reasons: Reason[];
}
interface BatchClaim {
  id: number;
  patientControlNumber: string;
  state: string;
}
interface ClaimAck {
  kind: string;
  status: string;
  payerClaimNumber: string | null;
  reasons: Reason[];
}

const COLORS: Record<string, string> = {
  accepted: 'green',
  accepted_with_errors: 'gold',
  partially_accepted: 'gold',
  rejected: 'red',
  unmatched: 'default',
  received: 'blue',
  pending: 'blue',
};
export const AckStatus = ({ status }: { status: string }) => (
  <Tag color={COLORS[status] ?? 'default'}>{status.replaceAll('_', ' ')}</Tag>
);
const reasonText = (r: Reason) => `${r.where ? `${r.where}: ` : ''}${r.text} (${r.code})`;

/** A batch's TA1/999/277CA answers, each claim's latest acknowledgment, and the rejected claims to fix. */
export function BatchAcknowledgments({ batchId }: { batchId: number }) {
  const [acks, setAcks] = useState<Ack[]>();
  const [claims, setClaims] = useState<(BatchClaim & { ack?: ClaimAck })[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    (async () => {
      const [a, b] = await Promise.all([
        api.get<Ack[]>(`/api/batches/${batchId}/acknowledgments`),
        api.get<{ claims: BatchClaim[] }>(`/api/batches/${batchId}`),
      ]);
      setAcks(a);
      const withAcks = await Promise.all(
        b.claims.map(async (c) => {
          const [latest] = await api.get<ClaimAck[]>(`/api/claims/${c.id}/acknowledgments`);
          return latest ? { ...c, ack: latest } : c;
        }),
      );
      setClaims(withAcks);
    })().catch((e: unknown) =>
      setError(e instanceof ApiProblem ? e.message : 'could not load the acknowledgments'),
    );
  }, [batchId]);

  if (error) return <Alert type="error" message={error} />;
  const rejected = claims?.filter((c) => c.state === 'rejected') ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`batch-acks-${batchId}`}>
      <List
        size="small"
        header={<Typography.Text strong>Acknowledgments (TA1, 999, 277CA)</Typography.Text>}
        loading={!acks}
        locale={{ emptyText: 'No acknowledgment received yet' }}
        dataSource={acks ?? []}
        renderItem={(a) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space>
                <Tag>{a.kind}</Tag>
                <AckStatus status={a.status} />
                <span>{a.summary}</span>
                <Typography.Text type="secondary">
                  {a.fileName}, {timestamp(a.receivedAt)}
                </Typography.Text>
              </Space>
              {a.reasons.slice(0, 10).map((r, i) => (
                <Typography.Text key={i} type="danger">
                  {reasonText(r)}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
      {rejected.length > 0 && (
        <Alert
          type="warning"
          message={`${rejected.length} rejected claim(s) to fix and resubmit`}
          description={
            <ul data-testid="rejected-claims">
              {rejected.map((c) => (
                <li key={c.id}>
                  {c.patientControlNumber}: {c.ack?.reasons.map(reasonText).join('; ') || 'rejected'}{' '}
                  <Link to={`/claims/${c.id}`}>Fix and resubmit</Link>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<BatchClaim & { ack?: ClaimAck }>
        size="small"
        rowKey="id"
        loading={!claims}
        dataSource={claims}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: 'Claim',
            key: 'pcn',
            render: (_, c) => <Link to={`/claims/${c.id}`}>{c.patientControlNumber}</Link>,
          },
          { title: 'State', dataIndex: 'state', key: 'state', render: (s: string) => <Tag>{s}</Tag> },
          {
            title: 'Acknowledgment',
            key: 'ack',
            render: (_, c) =>
              c.ack ? (
                <Space>
                  <Tag>{c.ack.kind}</Tag>
                  <AckStatus status={c.ack.status} />
                  {c.ack.payerClaimNumber && <span>payer claim {c.ack.payerClaimNumber}</span>}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
