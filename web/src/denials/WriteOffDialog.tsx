import { App, Form, InputNumber, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { WRITE_OFF_REASONS } from '../../../src/ledger/write-off-reasons.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

const REASON_LABELS: Record<(typeof WRITE_OFF_REASONS)[number], string> = {
  'small-balance': 'Small balance',
  'timely-filing': 'Timely filing',
  bundled: 'Bundled',
  'non-covered': 'Non-covered service',
  'bad-debt': 'Bad debt',
  charity: 'Charity care',
  administrative: 'Administrative',
  'contractual-other': 'Contractual (other)',
};

/**
 * Write off what insurance left open on a claim (or one line), with a reason code: posted at once
 * within the practice's limit, otherwise sent to a manager for approval.
 */
export function WriteOffDialog({
  claimId,
  claimLineId,
  suggestedCents,
  open,
  onClose,
}: {
  claimId: number;
  claimLineId?: number;
  suggestedCents?: number;
  open: boolean;
  onClose(posted: boolean): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dollars: number; reasonCode: string; note?: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const r = await api.post<{ state: string }>('/api/write-offs', {
        claimId,
        ...(claimLineId ? { claimLineId } : {}),
        amountCents: Math.round(v.dollars * 100),
        reasonCode: v.reasonCode,
        ...(v.note ? { note: v.note } : {}),
      });
      message.success(r.state === 'pending' ? 'Sent to a manager for approval' : 'Written off');
      form.resetFields();
      onClose(true);
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the write-off was not saved');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`Write off on claim ${claimId}`}
      open={open}
      okText="Write off"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        A write-off is a ledger entry, never an edit. Above the practice&apos;s limit it waits for a manager.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={suggestedCents ? { dollars: suggestedCents / 100 } : {}}
      >
        <Form.Item name="dollars" label="Amount ($)" rules={[{ required: true, message: 'the amount' }]}>
          <InputNumber aria-label="Amount" min={0.01} step={0.01} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reasonCode" label="Reason" rules={[{ required: true, message: 'a reason code' }]}>
          <Select
            aria-label="Reason"
            options={WRITE_OFF_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item name="note" label="Note">
          <Input.TextArea aria-label="Note" maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
