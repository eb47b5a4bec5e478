import {
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
  type TablePaginationConfig,
} from 'antd';
import { useEffect, useState } from 'react';
import { changesOf, detailLines } from '../../../src/audit/changes.ts';
import { api, type Query } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { AuditEvent, ListResult } from '../api/types.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { timestamp } from '../lists/format.ts';
import { usePractice } from '../practice/practice-context.ts';

const ACTIONS = ['read', 'list', 'export', 'create', 'update', 'login', 'login-failed', 'logout'];
const ENTITIES = [
  'patient',
  'coverage',
  'encounter',
  'provider',
  'facility',
  'payer',
  'fee_schedule_entry',
  'practice',
  'user',
];
const ACTION_COLORS: Record<string, string> = {
  read: 'blue',
  list: 'cyan',
  export: 'purple',
  create: 'green',
  update: 'gold',
  'login-failed': 'red',
};

/** What an event changed (field: before → after), or what it read or exported, in words. */
function EventChanges({ event }: { event: AuditEvent }) {
  const changes = changesOf(event.before, event.after);
  const lines = detailLines(event.detail);
  if (!changes.length && !lines.length) return null;
  // A creation has no "before": what was set reads as one wrapped line.
  if (event.before == null && changes.length)
    return (
      <Typography.Text className="audit-created" data-testid="audit-changes">
        {changes.map((c) => `${c.field}: ${c.after}`).join(' · ')}
      </Typography.Text>
    );
  return (
    <ul className="audit-changes" data-testid="audit-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <Typography.Text strong>{c.field}</Typography.Text>{' '}
          <Typography.Text delete type="secondary">
            {c.before}
          </Typography.Text>{' '}
          → {c.after}
        </li>
      ))}
      {lines.map((l) => (
        <li key={l}>
          <Typography.Text type="secondary">{l}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

// Fixed widths: a long change list wraps in its own column instead of widening the page.
const columns: TableColumnsType<AuditEvent> = [
  { title: 'When', dataIndex: 'at', key: 'at', render: timestamp, width: 180 },
  { title: 'User', dataIndex: 'userEmail', key: 'userEmail', width: 200, ellipsis: true },
  {
    title: 'Action',
    dataIndex: 'action',
    key: 'action',
    width: 110,
    render: (a: string) => <Tag color={ACTION_COLORS[a]}>{a}</Tag>,
  },
  {
    title: 'Record',
    key: 'entity',
    width: 170,
    render: (_, e) => `${e.entity}${e.entityId ? ` ${e.entityId}` : ''}`,
  },
  { title: 'IP', dataIndex: 'ip', key: 'ip', width: 130, ellipsis: true },
  { title: 'Changes', key: 'changes', render: (_, e) => <EventChanges event={e} /> },
];

/** Who read or changed what, newest first: the HIPAA access trail of the current practice. */
export function AuditLogPage() {
  const { practices } = usePractice();
  const [filter, setFilter] = useState<Query>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [result, setResult] = useState<ListResult<AuditEvent>>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.get<ListResult<AuditEvent>>('/api/audit', { ...filter, ...paging }).then(
      (r) => (setResult(r), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the audit log'),
    );
  }, [filter, paging]);

  const set = (key: string, value: string | undefined) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  // Log-ins belong to no practice: they show only when no practice is chosen.
  const filters = (
    <Space wrap>
      <Select
        aria-label="Filter by practice"
        placeholder="All my practices"
        allowClear
        className="practice-filter"
        options={practices.map((p) => ({ value: String(p.id), label: p.name }))}
        onChange={(v: string | undefined) => set('practiceId', v)}
      />
      <Select
        aria-label="Action"
        placeholder="Any action"
        allowClear
        className="status-filter"
        options={ACTIONS.map((a) => ({ value: a, label: a }))}
        onChange={(v: string | undefined) => set('action', v)}
      />
      <Select
        aria-label="Record type"
        placeholder="Any record"
        allowClear
        className="status-filter"
        options={ENTITIES.map((e) => ({ value: e, label: e }))}
        onChange={(v: string | undefined) => set('entity', v)}
      />
      <Input type="date" aria-label="From" onChange={(e) => set('from', e.target.value)} />
      <Input type="date" aria-label="To" onChange={(e) => set('to', e.target.value)} />
    </Space>
  );

  return (
    <>
      <ListToolbar
        title="Audit log"
        searchLabel="Record ID (e.g. patient 12: type 12)"
        onSearch={(v) => set('entityId', v)}
        error={error}
        extra={filters}
      />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        dataSource={result?.items}
        columns={columns}
        tableLayout="fixed"
        data-testid="audit-table"
        loading={!result && !error}
        onChange={(p: TablePaginationConfig) =>
          setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 })
        }
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: result?.total ?? 0,
          showSizeChanger: true,
        }}
      />
    </>
  );
}
