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
  const [writing, setWriting] = useState(false);
  // The claim's open denials (its EOB's): a new appeal is written against the first.
  const [denialId, setDenialId] = useState<number>();
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
    api.get<{ denials: { id: number; state: string }[] }>(`/api/claims/${claimId}/eob`).then(
      (r) => setDenialId(r.denials.find((d) => d.state === 'open')?.id),
      () => undefined,
    );
  }, [load, claimId]);
  if (items.length === 0 && denialId === undefined) return null;
  return (
    <Card
      title="Appeals"
      size="small"
      extra={
        denialId !== undefined && !items.some((a) => a.state === 'draft') ? (
          <Button size="small" onClick={() => setWriting(true)}>
            New appeal
          </Button>
        ) : null
      }
    >
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
      {writing ? (
        <AppealDrawer
          open
          onClose={() => setWriting(false)}
          claimId={claimId}
          denialId={denialId ?? null}
          onChanged={() => void load()}
        />
      ) : null}
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
