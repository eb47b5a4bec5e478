import { ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Popover, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

interface Values {
  patients: number;
  encounters: number;
}

/** Queues a synthetic demo practice (POST /api/jobs/demo-seed); the jobs table shows its progress. */
export function DemoSeedButton({ onQueued }: { onQueued(): void }) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();

  const queue = async (values: Values) => {
    try {
      await api.post('/api/jobs/demo-seed', values);
      setOpen(false);
      onQueued();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not queue the job');
    }
  };

  const content = (
    <Form<Values> layout="vertical" initialValues={{ patients: 200, encounters: 1000 }} onFinish={queue}>
      <Space align="end">
        <Form.Item label="Patients" name="patients" className="compact-item">
          <InputNumber min={1} max={100000} />
        </Form.Item>
        <Form.Item label="Encounters" name="encounters" className="compact-item">
          <InputNumber min={0} max={1000000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          Queue
        </Button>
      </Space>
    </Form>
  );

  return (
    <Popover
      content={content}
      title="Load a demo practice"
      trigger="click"
      open={open}
      onOpenChange={setOpen}
    >
      <Button icon={<ExperimentOutlined />}>Load demo practice</Button>
    </Popover>
  );
}
