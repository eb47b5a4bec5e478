import { Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { timestamp } from '../lists/format.ts';
import { AckStatus } from '../submissions/BatchAcknowledgments.tsx';

interface ClaimAck {
  id: number;
  kind: string;
  status: string;
  payerClaimNumber: string | null;
  reasons: { code: string; where?: string; text: string }[];
  fileName: string;
  receivedAt: string;
}

/** What the clearinghouse (999) and payer (277CA) said of the claim, newest first; nothing when none came. */
export function ClaimAcknowledgments({ claimId, version }: { claimId: number; version?: unknown }) {
  const [acks, setAcks] = useState<ClaimAck[]>([]);
  useEffect(() => {
    api.get<ClaimAck[]>(`/api/claims/${claimId}/acknowledgments`).then(setAcks, () => setAcks([]));
  }, [claimId, version]);
  if (acks.length === 0) return null;
  return (
    <Card size="small" title="Acknowledgments" data-testid="claim-acknowledgments">
      <List
        size="small"
        dataSource={acks}
        renderItem={(a) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Tag>{a.kind}</Tag>
                <AckStatus status={a.status} />
                {a.payerClaimNumber && <span>payer claim {a.payerClaimNumber}</span>}
              </Space>
              {a.reasons.map((r, i) => (
                <Typography.Text key={i} type={a.status === 'rejected' ? 'danger' : 'secondary'}>
                  {r.where ? `${r.where}: ` : ''}
                  {r.text} ({r.code})
                </Typography.Text>
              ))}
              <Typography.Text type="secondary">
                {a.fileName}, {timestamp(a.receivedAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
