import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { dollars } from '../lists/format.ts';
import {
  CLAIM_STATUS,
  STATE_COLORS,
  type Adjustment,
  type ClaimPaymentRow,
  type ServicePayment,
} from './types.ts';

/** CAS adjustments as a biller reads them: group-CARC amount, e.g. CO-45 $20.00. */
export function Adjustments({ items }: { items: Adjustment[] }) {
  if (!items.length) return <Typography.Text type="secondary">none</Typography.Text>;
  return (
    <Space size={4} wrap>
      {items.map((a, i) => (
        <Tag key={i} color={a.group === 'PR' ? 'gold' : a.group === 'CO' ? 'blue' : 'default'}>
          {a.group}-{a.reason} {dollars(a.amountCents)}
        </Tag>
      ))}
    </Space>
  );
}

const serviceDate = (s: ServicePayment) =>
  s.dates.find((d) => d.qualifier === '472' || d.qualifier === '150')?.date ?? '';

/** One claim payment as an EOB: the claim's figures and each service line the payer answered. */
export function EobTable({ payment }: { payment: ClaimPaymentRow }) {
  const clp = payment.payment;
  return (
    <div>
      <Descriptions size="small" column={4}>
        <Descriptions.Item label="Patient control number">{payment.patientControlNumber}</Descriptions.Item>
        <Descriptions.Item label="Patient">
          {[clp.patient?.lastOrOrganizationName, clp.patient?.firstName].filter(Boolean).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label="Status">
          {payment.status} {CLAIM_STATUS[payment.status] ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="Posting">
          <Tag color={STATE_COLORS[payment.state]}>{payment.state}</Tag>
          {payment.note ? <Typography.Text type="secondary">{payment.note}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label="Billed">{dollars(payment.chargeCents)}</Descriptions.Item>
        <Descriptions.Item label="Paid">{dollars(payment.paidCents)}</Descriptions.Item>
        <Descriptions.Item label="Patient responsibility">
          {dollars(payment.patientResponsibilityCents)}
        </Descriptions.Item>
        <Descriptions.Item label="Payer claim number">{payment.payerClaimNumber ?? ''}</Descriptions.Item>
        {clp.adjustments.length ? (
          <Descriptions.Item label="Claim adjustments" span={2}>
            <Adjustments items={clp.adjustments} />
          </Descriptions.Item>
        ) : null}
        {clp.outpatient?.remarkCodes?.length ? (
          <Descriptions.Item label="Remarks (MOA)" span={2}>
            {clp.outpatient.remarkCodes.join(', ')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Table<ServicePayment>
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={clp.serviceLines}
        columns={[
          {
            title: 'Procedure',
            render: (_, s) => [s.procedure.code, ...s.procedure.modifiers].join(' '),
          },
          { title: 'Date of service', render: (_, s) => serviceDate(s) },
          { title: 'Billed', align: 'right', render: (_, s) => dollars(s.chargeCents) },
          { title: 'Paid', align: 'right', render: (_, s) => dollars(s.paidCents) },
          { title: 'Adjustments', render: (_, s) => <Adjustments items={s.adjustments} /> },
          {
            title: 'Remarks',
            render: (_, s) =>
              s.remarks
                .filter((r) => r.qualifier === 'HE')
                .map((r) => r.code)
                .join(', '),
          },
          { title: 'Line', render: (_, s) => s.lineControlNumber ?? '' },
        ]}
      />
    </div>
  );
}
