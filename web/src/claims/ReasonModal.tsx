import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** The server's minimum: 5 for an override, 3 for a state change. */
  minLength: number;
  danger?: boolean;
  busy: boolean;
  /** Also ask for the payer's claim number (a replacement or void names the claim it replaces). */
  askPayerClaimNumber?: boolean;
  onCancel(): void;
  onSubmit(reason: string, payerClaimNumber?: string): void;
}

/** Asks why before an audited action: overriding a warning or moving a claim by hand. */
export function ReasonModal(props: Props) {
  const [form] = Form.useForm<{ reason: string; payerClaimNumber?: string }>();
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger ?? false, loading: props.busy }}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => props.onSubmit(v.reason.trim(), v.payerClaimNumber?.trim())}
        aria-label={props.title}
      >
        {props.askPayerClaimNumber && (
          <Form.Item
            label="Payer claim number (ICN/DCN)"
            name="payerClaimNumber"
            rules={[{ required: true, whitespace: true, message: 'is required' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
        <Form.Item
          label="Reason"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'is required' },
            { min: props.minLength, message: `is shorter than ${props.minLength} characters` },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
