import { Alert, Button, Card, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { CodeView } from '../api/types.ts';
import { BillableTag, SystemTag } from './CodeTags.tsx';

const columns = (onPick: (code: string) => void): TableColumnsType<CodeView> => [
  {
    title: 'Code',
    dataIndex: 'display',
    key: 'display',
    render: (c: string) => (
      <Button type="link" size="small" onClick={() => onPick(c)} className="code-text">
        {c}
      </Button>
    ),
  },
  { title: 'Code set', dataIndex: 'system', key: 'system', render: (s: string) => <SystemTag system={s} /> },
  {
    title: 'Verdict',
    key: 'verdict',
    render: (_, v) => (
      <Space size={4}>
        {v.valid ? <Tag color="green">valid</Tag> : <Tag color="red">not valid</Tag>}
        <BillableTag billable={v.billable} />
      </Space>
    ),
  },
  {
    title: 'Description or why',
    key: 'why',
    render: (_, v) => v.problems.map((p) => p.message).join('; ') || v.description,
  },
];

/** Checks several pasted codes at once on the date of service: valid, billable or header, and why. */
export function ValidateCodes({ dos, onPick }: { dos: string; onPick(code: string): void }) {
  const [text, setText] = useState('');
  const [views, setViews] = useState<CodeView[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const validate = async () => {
    const codes = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
    if (!codes.length) return;
    setBusy(true);
    try {
      setViews(await api.post<CodeView[]>('/api/codes/validate', { codes, dos }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="Validate codes">
      <Space.Compact className="validate-box">
        <Input.TextArea
          aria-label="Codes to validate"
          placeholder="Paste codes separated by spaces, commas or lines: E11.9 I10 A00"
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="primary" loading={busy} onClick={() => void validate()}>
          Validate
        </Button>
      </Space.Compact>
      {error && <Alert type="warning" title={error} showIcon className="code-search-alert" />}
      {views && (
        <Table<CodeView>
          className="validate-table"
          rowKey={(v) => `${v.system} ${v.code}`}
          size="small"
          pagination={false}
          dataSource={views}
          columns={columns(onPick)}
          data-testid="validate-table"
        />
      )}
    </Card>
  );
}
