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
  onCancel(): void;
  onSubmit(reason: string): void;
}

/** Asks why before an audited action: overriding a warning or moving a claim by hand. */
export function ReasonModal(props: Props) {
  const [form] = Form.useForm<{ reason: string }>();
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
        onFinish={(v) => props.onSubmit(v.reason.trim())}
        aria-label={props.title}
      >
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
