import { Button, Card, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { OFFICE } from '../../../src/auth/roles.ts';
import { api } from '../api/client.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { WriteOffDialog } from './WriteOffDialog.tsx';

interface WriteOff {
  id: number;
  amountCents: number;
  reasonCode: string;
  state: string;
  requestedAt: string;
}

const STATE_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', refused: 'red' };

/** A claim's write-offs (posted, pending a manager, refused) and the button to ask for one. */
export function ClaimWriteOffs({ claimId }: { claimId: number }) {
  const canWrite = useHasRole(OFFICE);
  const [items, setItems] = useState<WriteOff[]>([]);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    api.get<{ items: WriteOff[] }>('/api/write-offs', { claimId }).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [claimId]);
  useEffect(load, [load]);

  return (
    <Card
      size="small"
      title="Write-offs"
      extra={canWrite && <Button onClick={() => setOpen(true)}>Write off…</Button>}
    >
      <Table<WriteOff>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: 'None' }}
        columns={[
          { title: 'Asked', dataIndex: 'requestedAt', render: (v: string) => timestamp(v) },
          { title: 'Amount', dataIndex: 'amountCents', align: 'right', render: (v: number) => dollars(v) },
          { title: 'Reason', dataIndex: 'reasonCode' },
          {
            title: 'State',
            dataIndex: 'state',
            render: (v: string) => <Tag color={STATE_COLORS[v]}>{v}</Tag>,
          },
        ]}
      />
      <WriteOffDialog
        claimId={claimId}
        open={open}
        onClose={(posted) => (setOpen(false), posted && load())}
      />
    </Card>
  );
}
