import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DENIAL_ACTIONS, DENIAL_CATEGORIES, GROUP_CODES } from '../../../src/denials/mapping.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface Version {
  id: number;
  number: number;
  note: string;
  createdAt: string;
  rows: number;
}

interface Row {
  groupCode: string | null;
  reasonCode: string;
  remarkCode: string | null;
  category: string;
  explanation: string;
  action: string;
  carcText: string | null;
}

const keyOf = (r: Pick<Row, 'groupCode' | 'reasonCode' | 'remarkCode'>) =>
  `${r.groupCode ?? '*'}-${r.reasonCode}${r.remarkCode ? `/${r.remarkCode}` : ''}`;

/**
 * The denial mapping for managers: each CARC (with a group code or remark when they change the
 * meaning) → category, plain words, next step. Saving a change makes a new version; denials already
 * open keep the version that read them.
 */
export function DenialMappingPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [versions, setVersions] = useState<Version[]>([]);
  const [versionId, setVersionId] = useState<number>();
  const [rows, setRows] = useState<Row[]>([]);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string>();
  const [editing, setEditing] = useState<Partial<Row>>();
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<Row & { note: string }>();

  const loadVersions = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: Version[] }>('/api/denial-mapping/versions', { practiceId }).then(
      (r) => {
        setVersions(r.items);
        setVersionId(r.items[0]?.id);
      },
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the mapping'),
    );
  }, [practiceId]);
  useEffect(loadVersions, [loadVersions]);
  useEffect(() => {
    if (!versionId) return;
    api.get<{ items: Row[] }>(`/api/denial-mapping/versions/${versionId}/rows`).then(
      (r) => setRows(r.items),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the rows'),
    );
  }, [versionId]);

  const shown = useMemo(() => {
    const q = search.trim().toUpperCase();
    return rows.filter(
      (r) =>
        (!category || r.category === category) &&
        (!q || r.reasonCode === q || r.remarkCode === q || keyOf(r).includes(q)),
    );
  }, [rows, search, category]);
  const latest = versions[0]?.id === versionId;

  const edit = (r: Partial<Row>) => {
    setEditing(r);
    form.setFieldsValue({ groupCode: null, remarkCode: null, ...r, note: '' } as Row & { note: string });
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put('/api/denial-mapping/rows', {
        practiceId,
        note: v.note,
        set: [
          {
            groupCode: v.groupCode || null,
            reasonCode: v.reasonCode.trim().toUpperCase(),
            remarkCode: v.remarkCode ? v.remarkCode.trim().toUpperCase() : null,
            category: v.category,
            explanation: v.explanation,
            action: v.action,
          },
        ],
      });
      setEditing(undefined);
      void message.success('Saved as a new version');
      loadVersions();
    } catch (e) {
      void message.error(e instanceof ApiProblem ? e.message : 'could not save');
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Denial mapping</Typography.Title>
      <Typography.Paragraph type="secondary">
        How each payer reason code reads in the denial queue. A change is saved as a new version; denials
        already open keep the version they were read by.
      </Typography.Paragraph>
      {error ? <Alert type="error" message={error} /> : null}
      <Space wrap>
        <Select
          aria-label="Version"
          style={{ width: 360 }}
          value={versionId}
          options={versions.map((v) => ({
            value: v.id,
            label: `Version ${v.number} — ${v.note} (${timestamp(v.createdAt)}, ${v.rows} rows)`,
          }))}
          onChange={setVersionId}
        />
        <Input.Search
          aria-label="Code"
          placeholder="CARC or RARC"
          allowClear
          style={{ width: 180 }}
          onSearch={setSearch}
        />
        <Select
          aria-label="Category"
          allowClear
          placeholder="Category"
          style={{ width: 220 }}
          value={category}
          options={DENIAL_CATEGORIES.map((c) => ({ value: c, label: c }))}
          onChange={setCategory}
        />
        <Button type="primary" disabled={!latest} onClick={() => edit({})}>
          Add a row
        </Button>
      </Space>
      <Table<Row>
        rowKey={keyOf}
        dataSource={shown}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: 'Codes', render: (_, r) => <Tag>{keyOf(r)}</Tag> },
          {
            title: "Payer's words (CARC)",
            render: (_, r) => <Typography.Text type="secondary">{r.carcText ?? '—'}</Typography.Text>,
          },
          { title: 'Category', dataIndex: 'category' },
          { title: 'Our words', dataIndex: 'explanation' },
          { title: 'Next step', render: (_, r) => <Tag color="blue">{r.action}</Tag> },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" disabled={!latest} onClick={() => edit(r)}>
                Edit
              </Button>
            ),
          },
        ]}
      />
      <Modal
        title={editing?.reasonCode ? `Edit ${keyOf(editing as Row)}` : 'Add a row'}
        open={!!editing}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
        okText="Save as a new version"
      >
        <Form form={form} layout="vertical">
          <Space>
            <Form.Item name="groupCode" label="Group">
              <Select
                style={{ width: 100 }}
                options={[{ value: null, label: 'any' }, ...GROUP_CODES.map((g) => ({ value: g, label: g }))]}
              />
            </Form.Item>
            <Form.Item name="reasonCode" label="CARC" rules={[{ required: true }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="remarkCode" label="RARC (optional)">
              <Input style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item name="category" label="Category" rules={[{ required: true }]}>
            <Select options={DENIAL_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="explanation" label="In plain words" rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="action" label="Next step" rules={[{ required: true }]}>
            <Select options={DENIAL_ACTIONS.map((a) => ({ value: a, label: a }))} />
          </Form.Item>
          <Form.Item name="note" label="Why (kept with the version)" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
