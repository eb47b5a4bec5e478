import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Form, Input, Modal, Radio, Result, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { PaymentBody } from '../../../src/ledger/schema.ts';
import { parseDollars } from '../../../src/shared/money.ts';
import { api } from '../api/client.ts';
import type { Patient } from '../api/types.ts';
import { toBody } from '../forms/body.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { fieldsNamed } from '../forms/field-errors.ts';
import { useSave } from '../forms/useSave.ts';
import { dollars } from '../lists/format.ts';
import type { PatientLedgerData } from './PatientLedger.tsx';

const fieldFor = fieldsNamed(['method', 'reference', 'amount', 'receivedDate', 'memo', 'lines'], {
  amountCents: 'amount',
});

interface Values {
  method: 'cash' | 'check' | 'card';
  reference?: string;
  amount?: string;
  receivedDate?: string;
  memo?: string;
  applyTo: 'oldest' | 'chosen';
  lines?: number[];
}

interface Outcome {
  payment: { id: number; amountCents: number };
  applied: { serviceLineId: number; amountCents: number }[];
  creditCents: number;
  receiptUrl: string;
}

const today = () => new Date().toLocaleDateString('en-CA');

/** A patient's payment: how it was paid, how much, and the lines it pays (oldest first or chosen). */
export function PostPaymentDialog(props: {
  open: boolean;
  patient: Patient;
  visits: PatientLedgerData['visits'];
  onClose(): void;
  onPosted(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { busy, error, save, clear } = useSave(form, fieldFor);
  const [outcome, setOutcome] = useState<Outcome>();
  const method = Form.useWatch('method', form);
  const applyTo = Form.useWatch('applyTo', form);

  useEffect(() => {
    if (!props.open) return;
    clear();
    setOutcome(undefined);
    form.resetFields();
    form.setFieldsValue({ method: 'cash', applyTo: 'oldest', receivedDate: today() });
  }, [props.open, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const owed = props.visits.flatMap((v) =>
    v.lines
      .filter((l) => l.patientBalance > 0)
      .map((l) => ({
        value: l.serviceLineId,
        label: `${l.serviceDate} ${l.procedureCode || l.revenueCode || ''}: owes ${dollars(l.patientBalance)}`,
      })),
  );

  const onFinish = async (values: Values) => {
    let amountCents: unknown = values.amount;
    try {
      amountCents = parseDollars(values.amount ?? '');
    } catch {
      // not a dollar amount: the schema says so beside the field
    }
    const body = toBody(PaymentBody, {
      method: values.method,
      reference: values.method === 'cash' ? undefined : values.reference,
      amountCents,
      receivedDate: values.receivedDate,
      memo: values.memo,
      lines:
        values.applyTo === 'chosen' && values.lines?.length
          ? values.lines.map((serviceLineId) => ({ serviceLineId }))
          : undefined,
    });
    const posted = await save(PaymentBody, body, () =>
      api.post<Outcome>(`/api/patients/${props.patient.id}/payments`, body),
    );
    if (posted) {
      setOutcome(posted);
      props.onPosted();
    }
  };

  return (
    <Modal
      title="Post payment"
      open={props.open}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        outcome
          ? [
              <Button key="done" type="primary" onClick={props.onClose}>
                Done
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={props.onClose}>
                Cancel
              </Button>,
              <Button key="post" type="primary" loading={busy} onClick={() => form.submit()}>
                Post payment
              </Button>,
            ]
      }
    >
      {outcome ? (
        <Result
          status="success"
          title={`Posted ${dollars(outcome.payment.amountCents)}`}
          subTitle={`${dollars(outcome.applied.reduce((s, a) => s + a.amountCents, 0))} applied to ${outcome.applied.length} line(s)${
            outcome.creditCents ? `; ${dollars(outcome.creditCents)} kept as a credit` : ''
          }`}
          extra={
            <Button icon={<FilePdfOutlined />} href={outcome.receiptUrl} target="_blank">
              Download receipt
            </Button>
          }
        />
      ) : (
        <>
          {error && <Alert type="error" title={error} showIcon className="form-alert" role="alert" />}
          <Form<Values>
            form={form}
            name="payment"
            layout="vertical"
            onFinish={onFinish}
            aria-label="Post payment"
          >
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="Method" name="method">
                  <Select
                    aria-label="Method"
                    options={[
                      { value: 'cash', label: 'Cash' },
                      { value: 'check', label: 'Check' },
                      { value: 'card', label: 'Card' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={16}>
                {method !== 'cash' && (
                  <Form.Item label={method === 'check' ? 'Check number' : 'Card reference'} name="reference">
                    <Input />
                  </Form.Item>
                )}
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label="Amount ($)" name="amount">
                  <Input inputMode="decimal" placeholder="0.00" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="Received" name="receivedDate">
                  <DateInput aria-label="Received" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="Note" name="memo">
              <Input />
            </Form.Item>
            <Form.Item label="Apply to" name="applyTo">
              <Radio.Group
                options={[
                  { value: 'oldest', label: 'What the patient owes, oldest visit first' },
                  { value: 'chosen', label: 'Chosen lines' },
                ]}
              />
            </Form.Item>
            {applyTo === 'chosen' && (
              <Form.Item name="lines" label="Lines" extra="More than these lines owe is kept as a credit.">
                <Checkbox.Group options={owed} style={{ display: 'flex', flexDirection: 'column' }} />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
