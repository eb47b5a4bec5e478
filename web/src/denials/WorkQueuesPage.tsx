import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { WorkItemJson, WorkItemPageJson } from '../../../src/denials/work-queue-schema.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { useSession } from '../auth/session-context.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { SavedFilters } from './SavedFilters.tsx';
import { WriteOffDialog } from './WriteOffDialog.tsx';

type WorkItem = WorkItemJson;

interface HistoryEvent {
  id: number;
  at: string;
  userName: string | null;
  kind: string;
  note: string | null;
  detail: unknown;
}

interface Filter {
  queue?: string;
  status?: string;
  owner?: number;
  minAmount?: number;
  due?: string;
  sort?: string;
}

const TABS = [
  { key: 'no-response', label: 'No response' },
  { key: 'denials', label: 'Denials' },
  { key: 'underpayments', label: 'Underpayments' },
  { key: 'rejections', label: 'Rejections' },
  { key: 'patient-balances', label: 'Patient balances' },
  { key: 'claim-status', label: 'Claim status' },
];
const STATUSES = ['open', 'in-progress', 'waiting', 'done'].map((s) => ({ value: s, label: s }));
const SORTS = [
  { value: 'amount', label: 'Amount at stake' },
  { value: 'due', label: 'Due date' },
  { value: 'opened', label: 'Newest' },
];
const problem = (e: unknown, fallback: string) => (e instanceof ApiProblem ? e.message : fallback);

/** One item: its reason, owner, status, next date, a note, and its history. */
function ItemDrawer({ item, onClose }: { item: WorkItem; onClose(changed: boolean): void }) {
  const { message } = App.useApp();
  const me = useSession().user.id;
  const [history, setHistory] = useState<HistoryEvent[]>();
  const [note, setNote] = useState('');
  const [writeOff, setWriteOff] = useState(false);
  const load = useCallback(() => {
    api.get<{ items: HistoryEvent[] }>(`/api/work-queues/${item.id}/history`).then(
      (r) => setHistory(r.items),
      () => setHistory([]),
    );
  }, [item.id]);
  useEffect(load, [load]);

  const change = async (body: Record<string, unknown>) => {
    try {
      await api.patch(`/api/work-queues/${item.id}`, body);
      message.success('Saved');
      onClose(true);
    } catch (e) {
      message.error(problem(e, 'not saved'));
    }
  };

  return (
    <Drawer open title={item.patientName || `Item ${item.id}`} width={520} onClose={() => onClose(false)}>
      <Flex vertical gap="middle">
        <Typography.Paragraph>{item.reason}</Typography.Paragraph>
        <Space wrap>
          <Tag>{item.queue}</Tag>
          <Tag color="gold">{dollars(item.amountCents)}</Tag>
          {item.dueOn && <Tag color="red">due {item.dueOn}</Tag>}
          {item.claimId && (
            <Link to={`/claims/${item.claimId}`}>claim {item.patientControlNumber || item.claimId}</Link>
          )}
        </Space>
        {item.state === 'open' && (
          <>
            <Space wrap>
              <Button onClick={() => void change({ owner: me })}>Take it</Button>
              <Select
                aria-label="Status"
                style={{ width: 140 }}
                value={item.status}
                options={STATUSES}
                onChange={(status) => void change({ status, ...(note ? { note } : {}) })}
              />
              <Input
                type="date"
                aria-label="Next follow-up"
                style={{ width: 160 }}
                defaultValue={item.nextFollowUpOn ?? ''}
                onBlur={(e) =>
                  e.target.value !== (item.nextFollowUpOn ?? '') &&
                  void change({ nextFollowUpOn: e.target.value || null })
                }
              />
              {item.claimId && <Button onClick={() => setWriteOff(true)}>Write off…</Button>}
            </Space>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label="Note"
                placeholder="What was done"
                value={note}
                maxLength={2000}
                onChange={(e) => setNote(e.target.value)}
              />
              <Button type="primary" disabled={!note} onClick={() => void change({ note })}>
                Add note
              </Button>
            </Space.Compact>
          </>
        )}
        <Typography.Title level={5}>History</Typography.Title>
        <Timeline
          items={(history ?? []).map((h) => ({
            children: (
              <span>
                <b>{h.kind}</b> {timestamp(h.at)} {h.userName ?? 'system'}
                {h.note ? `: ${h.note}` : ''}
                {h.detail && h.kind !== 'opened' ? ` ${JSON.stringify(h.detail)}` : ''}
              </span>
            ),
          }))}
        />
      </Flex>
      {item.claimId && (
        <WriteOffDialog
          claimId={item.claimId}
          suggestedCents={item.queue === 'underpayments' ? item.amountCents : undefined}
          open={writeOff}
          onClose={(posted) => (setWriteOff(false), posted && load())}
        />
      )}
    </Drawer>
  );
}

/**
 * The work queues: every unpaid dollar with an owner, a status, a next date and a deadline; tabs
 * per queue, filters (saved per user), bulk assignment, and the item's history in a drawer.
 */
export function WorkQueuesPage() {
  const practiceId = usePracticeId();
  const me = useSession().user.id;
  const { message } = App.useApp();
  const isManager = useHasRole(MANAGERS);
  const [filter, setFilter] = useState<Filter>({ queue: 'no-response', sort: 'amount' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [data, setData] = useState<WorkItemPageJson>();
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<WorkItem>();

  const load = useCallback(() => {
    if (!practiceId) return;
    api
      .get<WorkItemPageJson>('/api/work-queues', {
        practiceId,
        ...filter,
        page,
        pageSize,
      })
      .then(
        (r) => (setData(r), setError(undefined)),
        (e: unknown) => setError(problem(e, 'could not load the work queue')),
      );
  }, [practiceId, filter, page, pageSize]);
  useEffect(load, [load]);

  const set = (f: Partial<Filter>) => (setFilter((old) => ({ ...old, ...f })), setPage(1));

  const assign = async (owner: number | null) => {
    try {
      const r = await api.post<{ assigned: number }>('/api/work-queues/assign', { ids: selected, owner });
      message.success(`${r.assigned} assigned`);
      setSelected([]);
      load();
    } catch (e) {
      message.error(problem(e, 'not assigned'));
    }
  };

  const refresh = async () => {
    try {
      const r = await api.post<{ opened: number; closed: number }>('/api/work-queues/refresh', {
        practiceId,
      });
      message.success(`${r.opened} opened, ${r.closed} closed`);
      load();
    } catch (e) {
      message.error(problem(e, 'the queues were not refreshed'));
    }
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} className="page-title">
          Work queues
        </Typography.Title>
        {isManager && <Button onClick={() => void refresh()}>Rebuild the queues now</Button>}
      </Flex>
      {error && <Alert type="error" title={error} showIcon />}
      <Tabs activeKey={filter.queue} onChange={(queue) => set({ queue })} items={TABS} />
      <Card size="small">
        <Flex gap="small" wrap>
          <Select
            aria-label="Status"
            allowClear
            placeholder="Any open status"
            style={{ width: 150 }}
            value={filter.status}
            onChange={(status) => set({ status })}
            options={STATUSES}
          />
          <Select
            aria-label="Owner"
            allowClear
            placeholder="Anyone"
            style={{ width: 120 }}
            value={filter.owner}
            onChange={(owner) => set({ owner })}
            options={[{ value: me, label: 'Mine' }]}
          />
          <InputNumber
            aria-label="Minimum amount"
            placeholder="Min $"
            min={0}
            value={filter.minAmount === undefined ? null : filter.minAmount / 100}
            onChange={(v) => set({ minAmount: v == null ? undefined : Math.round(Number(v) * 100) })}
          />
          <Input
            type="date"
            aria-label="Due by"
            style={{ width: 160 }}
            value={filter.due ?? ''}
            onChange={(e) => set({ due: e.target.value || undefined })}
          />
          <Select
            aria-label="Sort"
            style={{ width: 160 }}
            value={filter.sort}
            onChange={(sort) => set({ sort })}
            options={SORTS}
          />
          <SavedFilters
            page="work-queues"
            practiceId={practiceId}
            filter={filter}
            onPick={(f) => (setFilter(f), setPage(1))}
          />
        </Flex>
      </Card>
      {selected.length > 0 && (
        <Space>
          <Typography.Text>{selected.length} selected</Typography.Text>
          <Button onClick={() => void assign(me)}>Assign to me</Button>
          <Button onClick={() => void assign(null)}>Unassign</Button>
        </Space>
      )}
      <Table<WorkItem>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        onRow={(item) => ({ onClick: () => setOpen(item), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => `${n.toLocaleString('en-US')}${data?.totalCapped ? '+' : ''} items`,
          onChange: (p, s) => (setPage(p), setPageSize(s)),
        }}
        columns={[
          { title: 'Patient', dataIndex: 'patientName' },
          { title: 'Claim', dataIndex: 'patientControlNumber' },
          { title: 'Payer', dataIndex: 'payerName' },
          { title: 'Reason', dataIndex: 'reason', ellipsis: true },
          { title: 'Amount', dataIndex: 'amountCents', align: 'right', render: (v: number) => dollars(v) },
          { title: 'Due', dataIndex: 'dueOn' },
          { title: 'Owner', dataIndex: 'ownerName', render: (v: string | null) => v ?? '—' },
          { title: 'Status', dataIndex: 'status', render: (v: string) => <Tag>{v}</Tag> },
          { title: 'Next follow-up', dataIndex: 'nextFollowUpOn' },
        ]}
      />
      {open && <ItemDrawer item={open} onClose={(changed) => (setOpen(undefined), changed && load())} />}
    </Flex>
  );
}
