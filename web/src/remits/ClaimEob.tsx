import { Card, Empty, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { dollars } from '../lists/format.ts';
import { EobTable } from './EobTable.tsx';
import type { ClaimPaymentRow } from './types.ts';

interface Denial {
  id: number;
  claimLineId: number | null;
  groupCode: string;
  reasonCode: string;
  remarkCodes: string[];
  amountCents: number;
  state: string;
}

/** The EOB lines beside a claim: every 835 claim payment on it, and its open denials. */
export function ClaimEob({ claimId }: { claimId: number }) {
  const [eob, setEob] = useState<{ payments: ClaimPaymentRow[]; denials: Denial[] }>();
  useEffect(() => {
    api
      .get<{ payments: ClaimPaymentRow[]; denials: Denial[] }>(`/api/claims/${claimId}/eob`)
      .then(setEob, () => setEob({ payments: [], denials: [] }));
  }, [claimId]);
  if (!eob) return null;
  return (
    <Card title="Remittances (EOB)" size="small" style={{ marginTop: 16 }}>
      {eob.payments.length === 0 ? (
        <Empty description="No 835 has paid this claim yet" />
      ) : (
        eob.payments.map((p) => (
          <Card
            key={p.id}
            type="inner"
            size="small"
            style={{ marginBottom: 8 }}
            title={
              <span>
                {p.payerName} {p.paymentDate ?? ''} trace {p.traceNumber} ·{' '}
                <Link to={`/payments/eras/${p.eraFileId ?? ''}`}>835</Link>
              </span>
            }
          >
            <EobTable payment={p} />
          </Card>
        ))
      )}
      {eob.denials.length ? (
        <Table<Denial>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={eob.denials}
          columns={[
            {
              title: 'Denial',
              render: (_, d) => <Tag color="volcano">{`${d.groupCode}-${d.reasonCode}`}</Tag>,
            },
            { title: 'Remarks', render: (_, d) => d.remarkCodes.join(', ') },
            { title: 'Amount', align: 'right', render: (_, d) => dollars(d.amountCents) },
            { title: 'State', dataIndex: 'state' },
          ]}
        />
      ) : null}
    </Card>
  );
}
