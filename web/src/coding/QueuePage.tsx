import { Alert, App, Button, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { MANAGERS } from '../../../src/auth/roles.ts';
import { api, ApiProblem, withQuery } from '../api/client.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { useOptions } from '../lists/useOptions.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { CHART_TYPES, STATE_COLORS, useKeys, type QueueItem } from './workspace.ts';

interface Filters {
  chartType?: string;
  state?: string;
  priority?: number;
  minAgeDays?: number;
  providerId?: number;
  specialty?: string;
  mine?: boolean;
}

const PRIORITIES = [
  { value: 1, label: '1 urgent' },
  { value: 2, label: '2 high' },
  { value: 3, label: '3 routine' },
];
const STATES = ['queued', 'in-progress', 'held', 'query', 'done'].map((s) => ({ value: s, label: s }));

/** The coding queue: charts to code, most urgent and oldest first; N takes the next one. */
export function QueuePage() {
  const practiceId = usePracticeId();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [data, setData] = useState<{ items: QueueItem[]; total: number }>();
  const providers = useOptions<{ id: number; firstName: string; lastName: string }>(
    '/api/providers',
    (p) => `${p.lastName}, ${p.firstName}`,
  );
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  // Managers reorder the queue (audited); coders see the priority.
  const canReorder = useHasRole(MANAGERS);
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));

  const load = useCallback(() => {
    if (!practiceId) return;
    api
      .get<{ items: QueueItem[]; total: number }>('/api/coding/queue', { practiceId, ...filters })
      .then(setData, (e: unknown) =>
        setError(e instanceof ApiProblem ? e.message : 'the queue did not load'),
      );
  }, [practiceId, filters]);
  useEffect(load, [load]);

  const takeNext = useCallback(() => {
    const { state: _state, mine: _mine, ...rest } = filters;
    api.post<{ id: number }>(withQuery('/api/coding/queue/next', { practiceId, ...rest })).then(
      (chart) => navigate(`/coding/charts/${chart.id}`),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'no chart to take'),
    );
  }, [filters, practiceId, navigate]);
  useKeys({ n: takeNext });

  const changePriority = (row: QueueItem, priority: number) =>
    api.put(`/api/coding/charts/${row.id}/priority`, { priority }).then(
      () => {
        message.success(`Priority ${priority} for ${row.patientName}`);
        load();
      },
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'the priority was not changed'),
    );

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          Coding queue
        </Typography.Title>
        <Button type="primary" onClick={takeNext} aria-keyshortcuts="n">
          Take next chart (N)
        </Button>
      </Flex>
      <Space wrap>
        <Select
          aria-label="Chart type"
          placeholder="Any chart type"
          allowClear
          style={{ width: 160 }}
          options={CHART_TYPES}
          value={filters.chartType}
          onChange={(chartType) => set({ chartType })}
        />
        <Select
          aria-label="Provider"
          placeholder="Any provider"
          allowClear
          style={{ width: 200 }}
          options={providers.options}
          value={filters.providerId}
          onChange={(providerId) => set({ providerId })}
        />
        <Input
          aria-label="Specialty (taxonomy)"
          placeholder="Specialty taxonomy"
          allowClear
          style={{ width: 170 }}
          onChange={(e) => set({ specialty: e.target.value || undefined })}
        />
        <Select
          aria-label="Priority"
          placeholder="Any priority"
          allowClear
          style={{ width: 130 }}
          options={PRIORITIES}
          value={filters.priority}
          onChange={(priority) => set({ priority })}
        />
        <Select
          aria-label="State"
          placeholder="Not yet sent"
          allowClear
          style={{ width: 140 }}
          options={STATES}
          value={filters.state}
          onChange={(state) => set({ state })}
        />
        <InputNumber
          aria-label="At least days old"
          placeholder="Days old ≥"
          min={0}
          max={3650}
          value={filters.minAgeDays}
          onChange={(v) => set({ minAgeDays: v ?? undefined })}
        />
        <Select
          aria-label="Whose"
          style={{ width: 130 }}
          value={filters.mine ? 'mine' : 'all'}
          options={[
            { value: 'all', label: 'All coders' },
            { value: 'mine', label: 'My charts' },
          ]}
          onChange={(v) => set({ mine: v === 'mine' || undefined })}
        />
      </Space>
      {error && <Alert type="warning" showIcon title={error} closable onClose={() => setError(undefined)} />}
      <Table<QueueItem>
        rowKey="id"
        size="small"
        data-testid="coding-queue"
        dataSource={data?.items}
        loading={!data}
        pagination={false}
        footer={() => `${data?.total ?? 0} charts`}
        columns={[
          {
            title: 'Priority',
            dataIndex: 'priority',
            width: canReorder ? 130 : 80,
            render: (priority: number, row) =>
              canReorder && row.state !== 'done' ? (
                <Select
                  size="small"
                  aria-label={`Priority of ${row.patientName}`}
                  value={priority}
                  options={PRIORITIES}
                  onChange={(p: number) => void changePriority(row, p)}
                  style={{ width: 110 }}
                />
              ) : (
                priority
              ),
          },
          {
            title: 'Patient',
            dataIndex: 'patientName',
            render: (name: string, row) => <Link to={`/coding/charts/${row.id}`}>{name}</Link>,
          },
          { title: 'Account', dataIndex: 'accountNumber' },
          { title: 'Date of service', dataIndex: 'serviceDate' },
          { title: 'Age (days)', dataIndex: 'ageDays', width: 90 },
          { title: 'Provider', dataIndex: 'providerName' },
          { title: 'Specialty', dataIndex: 'specialty' },
          { title: 'Chart type', dataIndex: 'chartType' },
          {
            title: 'State',
            dataIndex: 'state',
            render: (state: string, row) => (
              <Space>
                <Tag color={STATE_COLORS[state]}>{state}</Tag>
                {row.holdReason && <Typography.Text type="secondary">{row.holdReason}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
