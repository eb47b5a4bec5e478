import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { MANAGERS } from '../../../../src/auth/roles.ts';
import { DENIAL_CATEGORIES } from '../../../../src/denials/mapping.ts';
import { api } from '../../api/client.ts';
import { ApiProblem } from '../../api/problem.ts';
import { useHasRole } from '../../auth/useHasRole.ts';
import { useOptions } from '../../lists/useOptions.ts';
import { usePracticeId } from '../../practice/practice-context.ts';
import type { AppealTemplate } from './types.ts';

interface Fields {
  name: string;
  category: string | null;
  payerId: number | null;
  body: string;
  active: boolean;
}

/** Appeal letter templates: the built-in ones to read and copy, the practice's own to write (managers). */
export function AppealTemplatesPage() {
  const practiceId = usePracticeId();
  const isManager = useHasRole(MANAGERS);
  const { message } = App.useApp();
  const payers = useOptions<{ id: number; name: string }>('/api/payers', (p) => p.name);
  const [items, setItems] = useState<AppealTemplate[]>([]);
  const [placeholders, setPlaceholders] = useState<{ name: string; means: string }[]>([]);
  const [editing, setEditing] = useState<{ id?: number; initial: Fields }>();
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<Fields>();
  const load = useCallback(() => {
    if (!practiceId) return;
    api
      .get<{ items: AppealTemplate[]; placeholders: { name: string; means: string }[] }>(
        '/api/appeal-templates',
        {
          practiceId,
        },
      )
      .then((r) => {
        setItems(r.items);
        setPlaceholders(r.placeholders);
      });
  }, [practiceId]);
  useEffect(load, [load]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing?.id) await api.put(`/api/appeal-templates/${editing.id}`, v);
      else await api.post('/api/appeal-templates', { ...v, practiceId });
      message.success('Template saved');
      setEditing(undefined);
      load();
    } catch (e) {
      setError(e instanceof ApiProblem ? e.message : 'could not save the template');
    }
  };
  const open = (t: AppealTemplate, copy: boolean) => {
    setError(undefined);
    setEditing({
      ...(copy ? {} : { id: t.id }),
      initial: {
        name: copy ? `${t.name} (ours)` : t.name,
        category: t.category,
        payerId: t.payerId,
        body: t.body,
        active: t.active,
      },
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Appeal templates</Typography.Title>
      <Typography.Paragraph type="secondary">
        An appeal starts from the practice's template for the payer and the denial's category, else the
        practice's for the category, else the built-in letter for the category, else the general one.
      </Typography.Paragraph>
      <Table<AppealTemplate>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        columns={[
          { title: 'Name', dataIndex: 'name' },
          { title: 'Category', render: (_, t) => t.category ?? 'any' },
          {
            title: 'Payer',
            render: (_, t) =>
              t.payerId ? (payers.rows.find((p) => p.id === t.payerId)?.name ?? t.payerId) : 'any',
          },
          {
            title: '',
            render: (_, t) => (
              <Space>
                {t.practiceId === null ? <Tag>built-in</Tag> : null}
                {t.active ? null : <Tag color="default">retired</Tag>}
                {isManager ? (
                  <Button size="small" onClick={() => open(t, t.practiceId === null)}>
                    {t.practiceId === null ? 'Copy' : 'Edit'}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <Modal
          open
          width={820}
          title="Appeal template"
          onOk={save}
          onCancel={() => setEditing(undefined)}
          okText="Save"
        >
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
          <Form form={form} layout="vertical" initialValues={editing.initial}>
            <Form.Item name="name" label="Name" rules={[{ required: true }]}>
              <Input maxLength={120} />
            </Form.Item>
            <Space>
              <Form.Item name="category" label="Denial category">
                <Select
                  style={{ width: 240 }}
                  options={[
                    { value: null, label: 'any' },
                    ...DENIAL_CATEGORIES.map((c) => ({ value: c, label: c })),
                  ]}
                />
              </Form.Item>
              <Form.Item name="payerId" label="Payer">
                <Select style={{ width: 240 }} options={[{ value: null, label: 'any' }, ...payers.options]} />
              </Form.Item>
              <Form.Item name="active" label="In use" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Form.Item name="body" label="Letter" rules={[{ required: true }]}>
              <Input.TextArea autoSize={{ minRows: 14, maxRows: 28 }} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">
            Placeholders: {placeholders.map((p) => `{{${p.name}}} ${p.means}`).join(' · ')}
          </Typography.Text>
        </Modal>
      ) : null}
    </Space>
  );
}
