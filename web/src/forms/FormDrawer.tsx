import { Alert, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

interface Props<V> {
  title: string;
  name: string;
  open: boolean;
  form: FormInstance<V>;
  busy: boolean;
  error: string | undefined;
  onClose(): void;
  onSave(values: V): void;
  children: ReactNode;
  width?: number;
}

/** Every create and edit form of master data: a drawer with the form, its error and Save. */
export function FormDrawer<V extends object>(props: Props<V>) {
  return (
    <Drawer
      title={props.title}
      open={props.open}
      onClose={props.onClose}
      size={props.width ?? 640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="primary" loading={props.busy} onClick={() => props.form.submit()}>
            Save
          </Button>
        </Space>
      }
    >
      {props.error && <Alert type="error" title={props.error} showIcon className="form-alert" role="alert" />}
      <Form<V>
        form={props.form}
        name={props.name}
        layout="vertical"
        onFinish={props.onSave}
        aria-label={props.title}
      >
        {props.children}
      </Form>
    </Drawer>
  );
}
