// The pay estimate's assumptions (not BLS figures): an installation administrator sets each from
// a source they trust, with its year; every change is audited.
import { App, Button, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PayAssumption } from '../../../src/workforce/default-assumptions.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

const range = (a: PayAssumption) =>
  a.kind === 'experience' ? `${a.low}th – ${a.high}th percentile` : `${a.low / 100} % to ${a.high / 100} %`;

export function PayAssumptionsPage() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<PayAssumption[]>([]);
  const [editing, setEditing] = useState<PayAssumption>();
  const [form] = Form.useForm();
  const load = useCallback(() => api.get<PayAssumption[]>('/api/wages/assumptions').then(setRows), []);
  useEffect(() => {
    void load();
  }, [load]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put(`/api/wages/assumptions/${encodeURIComponent(editing!.key)}`, v);
      setEditing(undefined);
      message.success('Saved');
      await load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : String(e));
    }
  };
  return (
    <>
      <Typography.Title level={3}>Pay assumptions</Typography.Title>
      <Typography.Paragraph>
        What the <a href="/salary">salary explorer</a>&apos;s estimate assumes beyond the BLS figures.
        Experience bands are BLS percentiles (10, 25, 50, 75, 90); certification and remote adjustments are in
        basis points of the base (500 = +5 %). Only an installation administrator can change them.
      </Typography.Paragraph>
      <Table<PayAssumption>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="pay-assumptions"
        columns={[
          { title: 'Assumption', dataIndex: 'label' },
          { title: 'Kind', dataIndex: 'kind' },
          { title: 'Range', render: (_, a) => range(a) },
          { title: 'Source', render: (_, a) => `${a.source} (${a.sourceYear})` },
          {
            title: '',
            render: (_, a) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue(a);
                  setEditing(a);
                }}
              >
                Edit
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.label}
        onOk={save}
        onCancel={() => setEditing(undefined)}
        okText="Save"
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="low"
            label={editing?.kind === 'experience' ? 'Low percentile' : 'Low (basis points)'}
            rules={[{ required: true }]}
          >
            <InputNumber precision={0} />
          </Form.Item>
          <Form.Item
            name="high"
            label={editing?.kind === 'experience' ? 'High percentile' : 'High (basis points)'}
            rules={[{ required: true }]}
          >
            <InputNumber precision={0} />
          </Form.Item>
          <Form.Item name="source" label="Source" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sourceYear" label="Source year" rules={[{ required: true }]}>
            <InputNumber precision={0} min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="note" label="Note">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
