import { Alert, App, Button, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { EobTable } from './EobTable.tsx';
import type { ClaimPaymentRow } from './types.ts';

/** Claim payments no claim of ours matched: a biller names the claim and it posts. */
export function UnmatchedPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [items, setItems] = useState<ClaimPaymentRow[]>([]);
  const [error, setError] = useState<string>();
  const [claimIds, setClaimIds] = useState<Record<number, number | null>>({});

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: ClaimPaymentRow[] }>('/api/remittances/unmatched', { practiceId }).then(
      (r) => (setItems(r.items), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the unmatched queue'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const match = async (row: ClaimPaymentRow) => {
    const claimId = claimIds[row.id];
    if (!claimId) return;
    try {
      await api.post(`/api/remittances/claims/${row.id}/match`, { claimId });
      message.success(`${row.patientControlNumber} matched to claim ${claimId} and posted`);
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not match');
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        <Link to="/payments">ERA inbox</Link> / Unmatched queue
      </Typography.Title>
      {error ? <Alert type="error" message={error} /> : null}
      <Table<ClaimPaymentRow>
        rowKey="id"
        dataSource={items}
        expandable={{ expandedRowRender: (r) => <EobTable payment={r} /> }}
        columns={[
          { title: 'Patient control number', dataIndex: 'patientControlNumber' },
          {
            title: 'Patient',
            render: (_, r) =>
              [r.payment.patient?.lastOrOrganizationName, r.payment.patient?.firstName]
                .filter(Boolean)
                .join(', '),
          },
          { title: 'Payer', render: (_, r) => `${r.payerName ?? ''} ${r.traceNumber ?? ''}` },
          { title: 'Billed', align: 'right', render: (_, r) => dollars(r.chargeCents) },
          { title: 'Paid', align: 'right', render: (_, r) => dollars(r.paidCents) },
          { title: 'Why', dataIndex: 'note' },
          {
            title: 'Match to claim',
            render: (_, r) => (
              <Space>
                <InputNumber
                  placeholder="claim id"
                  min={1}
                  value={claimIds[r.id] ?? null}
                  onChange={(v) => setClaimIds((m) => ({ ...m, [r.id]: v }))}
                />
                <Button size="small" disabled={!claimIds[r.id]} onClick={() => void match(r)}>
                  Match and post
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
