import { DollarOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { MANAGERS, OFFICE } from '../../../src/auth/roles.ts';
import { api, ApiProblem } from '../api/client.ts';
import type { Patient } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { dollars } from '../lists/format.ts';
import { useRecord } from '../lists/useRecord.ts';
import { ReasonModal } from '../claims/ReasonModal.tsx';
import { PostPaymentDialog } from './PostPaymentDialog.tsx';

export interface Balances {
  charge: number;
  insurancePaid: number;
  adjustments: number;
  patientResponsibility: number;
  insuranceBalance: number;
  patientPaid: number;
  patientWriteOffs: number;
  refunds: number;
  patientBalance: number;
}

export interface LedgerLine extends Balances {
  serviceLineId: number;
  lineNumber: number;
  serviceDate: string;
  procedureCode: string;
  modifiers: string[];
  revenueCode: string | null;
}

export interface PatientLedgerData {
  totals: Balances & { creditCents: number };
  visits: { encounterId: number; visitDate: string; lines: LedgerLine[]; totals: Balances }[];
  unbilledVisits: { encounterId: number; visitDate: string; lines: number; chargeCents: number }[];
  payments: {
    id: number;
    method: string;
    reference: string | null;
    amountCents: number;
    receivedDate: string;
    memo: string | null;
    lines: { serviceLineId: number; amountCents: number }[];
    creditCents: number;
    refundedCents: number;
    reversed: boolean;
  }[];
}

type Row = Partial<Balances> & { key: string; label: string; children?: Row[] };

const money = (cents: number | undefined) => (cents === undefined ? '' : dollars(cents));
const amountColumn = (title: string, key: keyof Balances) => ({
  title,
  dataIndex: key,
  align: 'right' as const,
  render: (v: number | undefined) => money(v),
});

const columns = [
  { title: 'Visit / service', dataIndex: 'label' },
  amountColumn('Charge', 'charge'),
  amountColumn('Insurance paid', 'insurancePaid'),
  amountColumn('Adjustments', 'adjustments'),
  amountColumn('Patient responsibility', 'patientResponsibility'),
  amountColumn('Patient paid', 'patientPaid'),
  amountColumn('Written off', 'patientWriteOffs'),
  amountColumn('Insurance balance', 'insuranceBalance'),
  amountColumn('Patient balance', 'patientBalance'),
];

const METHODS: Record<string, string> = { cash: 'Cash', check: 'Check', card: 'Card' };

/** The patient's money: each visit's lines with what insurance and the patient paid and owe, and their payments. */
export function PatientLedger({ patient }: { patient: Patient }) {
  const {
    record: ledger,
    error,
    reload,
  } = useRecord<PatientLedgerData>(`/api/patients/${patient.id}/ledger`);
  const canPost = useHasRole(OFFICE);
  const canWriteOff = useHasRole(MANAGERS);
  const [writingOff, setWritingOff] = useState(false);
  const [posting, setPosting] = useState(false);
  const [reversing, setReversing] = useState<number>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!ledger) return <Spin />;

  const rows: Row[] = ledger.visits.map((v) => ({
    key: `v${v.encounterId}`,
    label: `Visit ${v.visitDate}`,
    ...v.totals,
    children: v.lines.map((l) => ({
      key: `l${l.serviceLineId}`,
      label: `${l.serviceDate} ${l.procedureCode || l.revenueCode || ''}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}`,
      ...l,
    })),
  }));
  const t = ledger.totals;
  const billPatient = (encounterId: number) => async () => {
    try {
      await api.post(`/api/patients/${patient.id}/visits/${encounterId}/bill-patient`, {});
      void message.success('Visit billed to the patient');
      await reload();
    } catch (e) {
      void message.error(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    }
  };
  const reverse = async (reason: string) => {
    setBusy(true);
    try {
      await api.post(`/api/payments/${reversing}/reverse`, { reason });
      void message.success('Payment reversed');
      setReversing(undefined);
      await reload();
    } catch (e) {
      void message.error(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    } finally {
      setBusy(false);
    }
  };
  const writeOff = async (reason: string) => {
    setBusy(true);
    try {
      await api.post(`/api/patients/${patient.id}/write-off`, { reason });
      void message.success('Balance written off');
      setWritingOff(false);
      await reload();
    } catch (e) {
      void message.error(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    } finally {
      setBusy(false);
    }
  };
  const credit = (action: 'apply' | 'refund') => async () => {
    try {
      await api.post(`/api/patients/${patient.id}/credit/${action}`, {});
      void message.success(action === 'apply' ? 'Credit applied' : 'Credit refunded');
      await reload();
    } catch (e) {
      void message.error(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    }
  };

  return (
    <Flex vertical gap="middle" data-testid="patient-ledger">
      <Card
        size="small"
        title="Balance"
        extra={
          canPost && (
            <Space>
              {t.creditCents > 0 && (
                <>
                  <Button onClick={credit('apply')}>Apply credit</Button>
                  <Popconfirm
                    title={`Refund ${dollars(t.creditCents)} to the patient?`}
                    onConfirm={credit('refund')}
                  >
                    <Button>Refund credit</Button>
                  </Popconfirm>
                </>
              )}
              {canWriteOff && t.patientBalance > 0 && (
                <Button onClick={() => setWritingOff(true)}>Write off balance</Button>
              )}
              <Button type="primary" icon={<DollarOutlined />} onClick={() => setPosting(true)}>
                Post payment
              </Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="Charges">{dollars(t.charge)}</Descriptions.Item>
          <Descriptions.Item label="Insurance paid">{dollars(t.insurancePaid)}</Descriptions.Item>
          <Descriptions.Item label="Adjustments">{dollars(t.adjustments)}</Descriptions.Item>
          <Descriptions.Item label="Insurance balance">{dollars(t.insuranceBalance)}</Descriptions.Item>
          <Descriptions.Item label="Patient responsibility">
            {dollars(t.patientResponsibility)}
          </Descriptions.Item>
          <Descriptions.Item label="Patient paid">{dollars(t.patientPaid)}</Descriptions.Item>
          <Descriptions.Item label="Written off (patient)">{dollars(t.patientWriteOffs)}</Descriptions.Item>
          <Descriptions.Item label="Refunded">{dollars(t.refunds)}</Descriptions.Item>
          <Descriptions.Item label="Patient balance">
            <span data-testid="patient-balance">{dollars(t.patientBalance)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Credit">{dollars(t.creditCents)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="Visits">
        <Table<Row>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: 'Nothing billed yet' }}
          data-testid="ledger-table"
        />
      </Card>
      {ledger.unbilledVisits.length > 0 && (
        <Card size="small" title="Not billed yet">
          <Table
            size="small"
            rowKey="encounterId"
            pagination={false}
            dataSource={ledger.unbilledVisits}
            data-testid="unbilled-visits"
            columns={[
              { title: 'Visit', dataIndex: 'visitDate' },
              { title: 'Lines', dataIndex: 'lines', align: 'right' },
              { title: 'Charges', dataIndex: 'chargeCents', align: 'right', render: money },
              {
                title: '',
                align: 'right',
                render: (_: unknown, v: PatientLedgerData['unbilledVisits'][number]) =>
                  canPost && (
                    <Popconfirm
                      title="Bill this visit to the patient (self-pay)?"
                      onConfirm={billPatient(v.encounterId)}
                    >
                      <Button size="small">Bill to patient</Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="Payments">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={ledger.payments}
          locale={{ emptyText: 'No payments yet' }}
          data-testid="payments-table"
          columns={[
            { title: 'Received', dataIndex: 'receivedDate' },
            {
              title: 'Method',
              render: (_: unknown, p: PatientLedgerData['payments'][number]) =>
                `${METHODS[p.method] ?? p.method}${p.reference ? ` ${p.reference}` : ''}`,
            },
            { title: 'Amount', dataIndex: 'amountCents', align: 'right', render: money },
            {
              title: 'Applied',
              align: 'right',
              render: (_: unknown, p: PatientLedgerData['payments'][number]) =>
                money(p.lines.reduce((s, l) => s + l.amountCents, 0)),
            },
            {
              title: '',
              render: (_: unknown, p: PatientLedgerData['payments'][number]) => (
                <Space>
                  {p.creditCents > 0 && <Tag color="blue">credit {dollars(p.creditCents)}</Tag>}
                  {p.refundedCents > 0 && <Tag>refunded {dollars(p.refundedCents)}</Tag>}
                  {p.reversed && <Tag color="red">reversed</Tag>}
                  {canPost && !p.reversed && p.refundedCents === 0 && (
                    <Button size="small" type="link" danger onClick={() => setReversing(p.id)}>
                      Reverse
                    </Button>
                  )}
                  <a href={`/api/payments/${p.id}/receipt.pdf`} target="_blank" rel="noreferrer">
                    <FilePdfOutlined /> Receipt
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={reversing !== undefined}
        title="Reverse payment (returned check, chargeback)"
        okText="Reverse payment"
        minLength={3}
        danger
        busy={busy}
        onCancel={() => setReversing(undefined)}
        onSubmit={(reason) => void reverse(reason)}
      />
      <ReasonModal
        open={writingOff}
        title="Write off what the patient owes on every line (say why)"
        okText="Write off"
        minLength={3}
        danger
        busy={busy}
        onCancel={() => setWritingOff(false)}
        onSubmit={(reason) => void writeOff(reason)}
      />
      <PostPaymentDialog
        open={posting}
        patient={patient}
        visits={ledger.visits}
        onClose={() => setPosting(false)}
        onPosted={() => void reload()}
      />
    </Flex>
  );
}
