import { Button, Card, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { dollars, timestamp } from '../../lists/format.ts';
import { AppealDrawer } from './AppealDrawer.tsx';
import { APPEAL_STATE_COLORS, type Appeal } from './types.ts';

/** The claim page's appeals: each level with its state, dates and outcome; opens the editor. */
export function ClaimAppealsCard({ claimId }: { claimId: number }) {
  const [items, setItems] = useState<Appeal[]>([]);
  const [opened, setOpened] = useState<Appeal>();
  const load = useCallback(
    () =>
      api.get<{ items: Appeal[] }>('/api/appeals', { claimId }).then(
        (r) => setItems(r.items),
        () => setItems([]),
      ),
    [claimId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (items.length === 0) return null;
  return (
    <Card title="Appeals" size="small">
      <Table<Appeal>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: 'Level', dataIndex: 'level' },
          { title: 'State', render: (_, a) => <Tag color={APPEAL_STATE_COLORS[a.state]}>{a.state}</Tag> },
          { title: 'Sent', render: (_, a) => (a.sentAt ? timestamp(a.sentAt) : '') },
          {
            title: 'Recovered',
            align: 'right',
            render: (_, a) => (a.recoveredCents ? dollars(a.recoveredCents) : ''),
          },
          {
            title: '',
            render: (_, a) => (
              <>
                <Button size="small" type="link" onClick={() => setOpened(a)}>
                  Open
                </Button>
                {a.hasPdf ? (
                  <Button size="small" type="link" href={`/api/appeals/${a.id}/pdf`} target="_blank">
                    PDF
                  </Button>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {opened ? (
        <AppealDrawer
          open
          onClose={() => setOpened(undefined)}
          claimId={claimId}
          denialId={opened.denialId}
          practiceId={opened.practiceId}
          appealId={opened.id}
          onChanged={() => void load()}
        />
      ) : null}
    </Card>
  );
}
