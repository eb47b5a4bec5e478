import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { DENIAL_CATEGORIES } from '../../../src/denials/mapping.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars, personName, timestamp } from '../lists/format.ts';
import { useOptions } from '../lists/useOptions.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { AppealButton } from './appeals/AppealButton.tsx';

interface Denial {
  id: number;
  practiceId: number;
  claimId: number;
  claimLineId: number | null;
  source: string;
  groupCode: string;
  reasonCode: string;
  remarkCodes: string[];
  amountCents: number;
  openedAt: string;
  state: string;
  category: string | null;
  explanation: string | null;
  action: string | null;
  remittanceDate: string | null;
  appealBy: string | null;
  resolution: string | null;
  patientName: string;
  patientControlNumber: string;
  payerName: string;
  payerId: number | null;
}

interface Detail {
  carcText: string | null;
  remarks: { code: string; text: string | null }[];
  mapping: {
    number: number;
    row: { groupCode: string | null; reasonCode: string; remarkCode: string | null } | null;
  } | null;
  eob: { traceNumber: string; paymentDate: string | null; payerClaimNumber: string | null } | null;
}

interface Filter {
  state?: string;
  payerId?: number;
  providerId?: number;
  category?: string;
  reasonCode?: string;
  from?: string;
  to?: string;
  sort: 'amount' | 'deadline';
}

const ACTION_WORDS: Record<string, string> = {
  'correct-resubmit': 'Correct and resubmit',
  appeal: 'Appeal',
  'write-off': 'Write off',
  'bill-patient': 'Bill the patient',
  'bill-secondary': 'Bill the secondary',
  'send-records': 'Send records',
  none: 'No action',
};
const RESOLUTIONS = [
  'appealed',
  'corrected',
  'written-off',
  'billed-patient',
  'billed-secondary',
  'records-sent',
  'paid',
  'no-action',
];
const codes = (d: Denial) => (d.groupCode ? `${d.groupCode}-${d.reasonCode}` : `${d.source} ${d.reasonCode}`);

/** Days from today to the deadline: red within two weeks or past, orange within a month. */
function Deadline({ on }: { on: string | null }) {
  if (!on) return <>—</>;
  const today = new Date().toISOString().slice(0, 10);
  const days = Math.round((Date.parse(on) - Date.parse(today)) / 86_400_000);
  const color = days <= 14 ? 'red' : days <= 30 ? 'orange' : undefined;
  return (
    <span style={{ color, fontWeight: days <= 14 ? 600 : undefined }}>
      {on} ({days < 0 ? `${-days} days past` : `${days} days`})
    </span>
  );
}

/**
 * The denial queue: each denial's category, what it means in plain words, the next step, the money
 * at stake and the appeal deadline (red when near), sorted by amount or deadline and filtered.
 */
export function DenialsPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({ state: 'open', sort: 'amount' });
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const [data, setData] = useState<{ items: Denial[]; total: number; totalCapped?: boolean }>({
    items: [],
    total: 0,
  });
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<{ denial: Denial; detail?: Detail }>();
  const [resolving, setResolving] = useState<Denial>();
  const [form] = Form.useForm<{ resolution: string; note: string }>();
  const payers = useOptions<{ id: number; name: string }>('/api/payers', (p) => p.name);
  const providers = useOptions<{ id: number; firstName: string; lastName: string }>('/api/providers', (p) =>
    personName(p),
  );

  const load = useCallback(() => {
    if (!practiceId) return;
    api
      .get<{ items: Denial[]; total: number; totalCapped: boolean }>('/api/denials', {
        practiceId,
        ...filter,
        limit: page.pageSize,
        offset: (page.current - 1) * page.pageSize,
      })
      .then(
        (r) => {
          setData(r);
          setError(undefined);
        },
        (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the denials'),
      );
  }, [practiceId, filter, page]);
  useEffect(load, [load]);

  const show = (d: Denial) => {
    setOpen({ denial: d });
    api.get<Detail>(`/api/denials/${d.id}`).then(
      (detail) => setOpen({ denial: d, detail }),
      (e: unknown) => void message.error(e instanceof ApiProblem ? e.message : 'could not load the denial'),
    );
  };

  const resolve = async () => {
    if (!resolving) return;
    const v = await form.validateFields();
    try {
      await api.post(`/api/denials/${resolving.id}/resolve`, v);
      setResolving(undefined);
      form.resetFields();
      load();
    } catch (e) {
      void message.error(e instanceof ApiProblem ? e.message : 'could not resolve the denial');
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Denials</Typography.Title>
      {error ? <Alert type="error" message={error} /> : null}
      <Space wrap>
        <Select
          aria-label="State"
          style={{ width: 130 }}
          value={filter.state ?? 'all'}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'resolved', label: 'Resolved' },
            { value: 'all', label: 'All' },
          ]}
          onChange={(v) => setFilter({ ...filter, state: v === 'all' ? undefined : v })}
        />
        <Select
          aria-label="Category"
          allowClear
          placeholder="Category"
          style={{ width: 220 }}
          value={filter.category}
          options={DENIAL_CATEGORIES.map((c) => ({ value: c, label: c }))}
          onChange={(v) => setFilter({ ...filter, category: v })}
        />
        <Select
          aria-label="Payer"
          allowClear
          placeholder="Payer"
          style={{ width: 200 }}
          value={filter.payerId}
          options={payers.options}
          onChange={(v) => setFilter({ ...filter, payerId: v })}
        />
        <Select
          aria-label="Provider"
          allowClear
          placeholder="Provider"
          style={{ width: 200 }}
          value={filter.providerId}
          options={providers.options}
          onChange={(v) => setFilter({ ...filter, providerId: v })}
        />
        <Input.Search
          aria-label="Reason code"
          placeholder="CARC, e.g. 50"
          allowClear
          style={{ width: 160 }}
          onSearch={(v) => setFilter({ ...filter, reasonCode: v || undefined })}
        />
        <DatePicker.RangePicker
          aria-label="Remittance dates"
          onChange={(r) =>
            setFilter({
              ...filter,
              from: r?.[0]?.format('YYYY-MM-DD'),
              to: r?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
        <Select
          aria-label="Sort"
          style={{ width: 220 }}
          value={filter.sort}
          options={[
            { value: 'amount', label: 'Most money at stake first' },
            { value: 'deadline', label: 'Nearest appeal deadline first' },
          ]}
          onChange={(v) => setFilter({ ...filter, sort: v })}
        />
      </Space>
      <Table<Denial>
        rowKey="id"
        dataSource={data.items}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data.total,
          showTotal: (n) => `${n.toLocaleString('en-US')}${data.totalCapped ? '+' : ''} denials`,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          {
            title: 'Claim',
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <Link to={`/claims/${d.claimId}`}>{d.patientControlNumber || d.claimId}</Link>
                <Typography.Text type="secondary">{d.patientName}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Payer', dataIndex: 'payerName' },
          {
            title: 'Reason',
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <Tag color="volcano">{codes(d)}</Tag>
                {d.remarkCodes.length ? (
                  <Typography.Text type="secondary">{d.remarkCodes.join(', ')}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: 'Category', render: (_, d) => (d.category ? <Tag>{d.category}</Tag> : '—') },
          {
            title: 'What it means',
            render: (_, d) => (
              <Typography.Paragraph
                style={{ margin: 0, maxWidth: 420 }}
                ellipsis={{ rows: 3, expandable: true }}
              >
                {d.explanation}
              </Typography.Paragraph>
            ),
          },
          {
            title: 'Next step',
            render: (_, d) => <Tag color="blue">{ACTION_WORDS[d.action ?? ''] ?? d.action}</Tag>,
          },
          { title: 'Amount', align: 'right', render: (_, d) => dollars(d.amountCents) },
          {
            title: 'Appeal by',
            render: (_, d) => (d.state === 'open' ? <Deadline on={d.appealBy} /> : d.resolution),
          },
          {
            title: '',
            render: (_, d) => (
              <Space>
                <Button size="small" onClick={() => show(d)}>
                  Details
                </Button>
                <AppealButton denial={d} onDone={load} />
                <Button size="small" disabled={d.state !== 'open'} onClick={() => setResolving(d)}>
                  Resolve
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        title={open ? `Denial ${codes(open.denial)}` : ''}
        open={!!open}
        width={560}
        onClose={() => setOpen(undefined)}
      >
        {open ? (
          <Space direction="vertical">
            <Typography.Text strong>{open.denial.category}</Typography.Text>
            <Typography.Paragraph>{open.denial.explanation}</Typography.Paragraph>
            <Typography.Text>
              Next step:{' '}
              <Tag color="blue">{ACTION_WORDS[open.denial.action ?? ''] ?? open.denial.action}</Tag>
            </Typography.Text>
            {open.detail?.carcText ? (
              <Typography.Paragraph type="secondary">
                The payer's reason ({open.denial.reasonCode}): {open.detail.carcText}
              </Typography.Paragraph>
            ) : null}
            {open.detail?.remarks.map((r) => (
              <Typography.Paragraph key={r.code} type="secondary">
                {r.code}: {r.text ?? 'not in the remark code list'}
              </Typography.Paragraph>
            ))}
            {open.detail?.mapping ? (
              <Typography.Text type="secondary">
                Read by mapping version {open.detail.mapping.number}
                {open.detail.mapping.row ? '' : ' (no row: unmapped)'}
              </Typography.Text>
            ) : null}
            {open.detail?.eob ? (
              <Typography.Text type="secondary">
                835 trace {open.detail.eob.traceNumber}, paid {open.detail.eob.paymentDate ?? '—'}, payer
                claim {open.detail.eob.payerClaimNumber ?? '—'}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary">Opened {timestamp(open.denial.openedAt)}</Typography.Text>
          </Space>
        ) : null}
      </Drawer>
      <Modal
        title={resolving ? `Resolve ${codes(resolving)}` : ''}
        open={!!resolving}
        onOk={() => void resolve()}
        onCancel={() => setResolving(undefined)}
        okText="Resolve"
      >
        <Form form={form} layout="vertical" initialValues={{ resolution: 'no-action' }}>
          <Form.Item name="resolution" label="What was done" rules={[{ required: true }]}>
            <Select options={RESOLUTIONS.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="note" label="Note" rules={[{ required: true, message: 'say what was done' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
