import { Alert, App, Button, Flex, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface WriteOff {
  id: number;
  claimId: number;
  claimLineId: number | null;
  amountCents: number;
  reasonCode: string;
  note: string | null;
  requestedAt: string;
}

/** The write-offs above the practice's limit waiting for a manager: approve (posted) or refuse. */
export function PendingWriteOffsPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [items, setItems] = useState<WriteOff[]>();
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: WriteOff[] }>('/api/write-offs', { practiceId, state: 'pending' }).then(
      (r) => (setItems(r.items), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the write-offs'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const decide = async (id: number, decision: 'approve' | 'refuse') => {
    try {
      await api.post(`/api/write-offs/${id}/${decision}`, {});
      message.success(decision === 'approve' ? 'Approved and posted' : 'Refused');
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'not saved');
    }
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} className="page-title">
        Write-off approvals
      </Typography.Title>
      {error && <Alert type="error" title={error} showIcon />}
      <Table<WriteOff>
        rowKey="id"
        size="small"
        loading={!items && !error}
        dataSource={items ?? []}
        pagination={false}
        columns={[
          { title: 'Asked', dataIndex: 'requestedAt', render: (v: string) => timestamp(v) },
          {
            title: 'Claim',
            dataIndex: 'claimId',
            render: (v: number) => <Link to={`/claims/${v}`}>{v}</Link>,
          },
          { title: 'Amount', dataIndex: 'amountCents', align: 'right', render: (v: number) => dollars(v) },
          { title: 'Reason', dataIndex: 'reasonCode' },
          { title: 'Note', dataIndex: 'note' },
          {
            title: '',
            key: 'act',
            render: (_: unknown, w) => (
              <Space>
                <Button size="small" type="primary" onClick={() => void decide(w.id, 'approve')}>
                  Approve
                </Button>
                <Button size="small" danger onClick={() => void decide(w.id, 'refuse')}>
                  Refuse
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
