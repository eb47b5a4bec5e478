import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Empty, Flex, Form, Modal, Select, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { OFFICE } from '../../../src/auth/roles.ts';
import { todayIso } from '../../../src/shared/dates.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Coverage, Patient } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { timestamp } from '../lists/format.ts';
import { BenefitsSummary, StatusTag } from './BenefitsSummary.tsx';
import { SERVICE_TYPE_OPTIONS, type CheckView } from './types.ts';

interface CheckValues {
  dateOfService: string;
  coverageId?: number;
  serviceTypes: string[];
}

const RAW = { maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;
// One segment a line, as a biller reads an X12 file.
const segments = (x12: string | null | undefined) => (x12 ?? '').replace(/~\s*/g, '~\n');

/** The raw 270 and 271 of one check, fetched when opened. */
export function RawExchangeDrawer({ checkId, onClose }: { checkId?: number; onClose(): void }) {
  const [check, setCheck] = useState<CheckView>();
  useEffect(() => {
    setCheck(undefined);
    if (checkId === undefined) return;
    api.get<CheckView>(`/api/eligibility/checks/${checkId}`).then(setCheck, () => setCheck(undefined));
  }, [checkId]);
  return (
    <Drawer
      open={checkId !== undefined}
      onClose={onClose}
      title="The payer's answer as sent (271)"
      size={800}
    >
      <Typography.Title level={5}>271</Typography.Title>
      <pre style={RAW} data-testid="raw-271">
        {check ? segments(check.response) || 'no answer yet' : ''}
      </pre>
      <Typography.Title level={5}>Our request (270)</Typography.Title>
      <pre style={RAW}>{segments(check?.request)}</pre>
    </Drawer>
  );
}

/**
 * The patient's benefits: "Check eligibility" for a date of service and service types, the last
 * answer as a front desk reads it (BenefitsSummary), and every check asked before.
 */
export function BenefitsCard({ patient }: { patient: Patient }) {
  const { message } = App.useApp();
  const canCheck = useHasRole(OFFICE);
  const [checks, setChecks] = useState<CheckView[]>();
  const [shown, setShown] = useState<number>();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [raw, setRaw] = useState<number>();
  const [coverages, setCoverages] = useState<Coverage[]>([]);
  const [form] = Form.useForm<CheckValues>();

  const load = useCallback(() => {
    api.get<{ items: CheckView[] }>(`/api/patients/${patient.id}/eligibility`).then(
      (r) => setChecks(r.items),
      () => setChecks([]),
    );
  }, [patient.id]);
  useEffect(load, [load]);
  // A check the clearinghouse answers later (batch): look again until it is answered.
  const waiting = (checks ?? []).some((c) => !c.summary && !c.failure && c.state !== 'failed');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(load, 3000);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const open = () => {
    api.get<{ items: Coverage[] }>('/api/coverages', { patientId: patient.id }).then(
      (r) => setCoverages(r.items),
      () => setCoverages([]),
    );
    form.resetFields();
    form.setFieldsValue({ dateOfService: todayIso(), serviceTypes: ['30'] });
    setAsking(true);
  };

  const ask = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const check = await api.post<CheckView>('/api/eligibility/checks', {
        patientId: patient.id,
        dateOfService: v.dateOfService,
        serviceTypes: v.serviceTypes,
        ...(v.coverageId ? { coverageId: v.coverageId } : {}),
      });
      setAsking(false);
      setShown(check.id);
      setChecks((list) => [check, ...(list ?? []).filter((c) => c.id !== check.id)]);
      if (!check.summary && !check.failure)
        message.info('Sent to the payer: the answer shows here when it comes back');
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the eligibility check could not be sent');
    } finally {
      setBusy(false);
    }
  };

  const listed = checks?.find((c) => c.id === shown) ?? checks?.[0];
  // The shown check in full: the list leaves out the visit's estimate (and the raw files).
  const [detail, setDetail] = useState<CheckView>();
  const answeredAt = listed?.answeredAt;
  useEffect(() => {
    if (!listed) return;
    api.get<CheckView>(`/api/eligibility/checks/${listed.id}`).then(setDetail, () => setDetail(undefined));
  }, [listed?.id, answeredAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const current = listed && detail?.id === listed.id ? { ...listed, estimate: detail.estimate } : listed;
  return (
    <Card
      size="small"
      title="Benefits"
      data-testid="benefits-card"
      extra={
        canCheck && (
          <Button icon={<SafetyCertificateOutlined />} onClick={open}>
            Check eligibility
          </Button>
        )
      }
    >
      {checks && !current && (
        <Empty
          description="Eligibility has not been checked for this patient"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      )}
      {current && (
        <Flex vertical gap="middle">
          <BenefitsSummary check={current} />
          <Table<CheckView>
            rowKey="id"
            size="small"
            dataSource={checks}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            data-testid="eligibility-history"
            rowClassName={(c) =>
              c.id === current.id ? 'ant-table-row-selected clickable-row' : 'clickable-row'
            }
            onRow={(c) => ({ onClick: () => setShown(c.id) })}
            columns={[
              { title: 'Asked', render: (_, c) => timestamp(c.askedAt) },
              { title: 'By', render: (_, c) => c.askedByEmail ?? 'system' },
              { title: 'How', dataIndex: 'how' },
              { title: 'Date of service', dataIndex: 'dateOfService' },
              { title: 'Payer', render: (_, c) => c.payerName ?? '—' },
              { title: 'Answer', render: (_, c) => <StatusTag check={c} /> },
              {
                title: '',
                render: (_, c) => (
                  <Button
                    size="small"
                    type="link"
                    onClick={(e) => {
                      e.stopPropagation();
                      setRaw(c.id);
                    }}
                  >
                    Raw 271
                  </Button>
                ),
              },
            ]}
          />
        </Flex>
      )}
      <Modal
        open={asking}
        title="Check eligibility"
        okText="Check"
        confirmLoading={busy}
        onOk={() => void ask()}
        onCancel={() => setAsking(false)}
      >
        <Form form={form} layout="vertical" name="eligibility-check">
          <Form.Item name="dateOfService" label="Date of service" rules={[{ required: true }]}>
            <DateInput aria-label="Date of service" />
          </Form.Item>
          <Form.Item name="coverageId" label="Coverage" extra="Empty: the primary coverage">
            <Select
              aria-label="Coverage"
              allowClear
              options={coverages.map((c) => ({
                value: c.id,
                label: `${c.priority}: member ${c.memberId}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="serviceTypes" label="Service types" rules={[{ required: true }]}>
            <Select
              aria-label="Service types"
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={SERVICE_TYPE_OPTIONS}
            />
          </Form.Item>
        </Form>
      </Modal>
      <RawExchangeDrawer checkId={raw} onClose={() => setRaw(undefined)} />
    </Card>
  );
}
