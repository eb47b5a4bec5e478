import { InputNumber, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CLAIM_STATES } from '../../../src/claims/states.ts';
import type { ClaimSummary, Payer, Provider } from '../api/types.ts';
import { dollars, personName } from '../lists/format.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { useOptions } from '../lists/useOptions.ts';
import { useServerList } from '../lists/useServerList.ts';
import { STATE_COLORS, stateLabel } from './claim-states.ts';

const STATE_OPTIONS = CLAIM_STATES.map((s) => ({ value: s, label: stateLabel(s) }));
const FINDING_OPTIONS = [
  { value: 'errors', label: 'With errors' },
  { value: 'warnings', label: 'With warnings' },
  { value: 'none', label: 'Clean' },
];

function columns(
  payers: Map<number, string>,
  providers: Map<number, string>,
): TableColumnsType<ClaimSummary> {
  return [
    { title: 'Patient control no.', dataIndex: 'patientControlNumber', key: 'patientControlNumber' },
    { title: 'Patient', dataIndex: 'patientName', key: 'patientName' },
    { title: 'Date of service', dataIndex: 'serviceDate', key: 'serviceDate', sorter: true },
    { title: 'Payer', dataIndex: 'payerId', key: 'payer', render: (id: number) => payers.get(id) ?? id },
    {
      title: 'Rendering provider',
      dataIndex: 'renderingProviderId',
      key: 'rendering',
      render: (id: number) => providers.get(id) ?? id,
    },
    {
      title: 'Charges',
      dataIndex: 'totalChargeCents',
      key: 'totalChargeCents',
      align: 'right',
      sorter: true,
      render: dollars,
    },
    {
      title: 'Findings',
      key: 'findings',
      render: (_, c) => (
        <>
          {c.errors > 0 && (
            <Tag color="red">
              {c.errors} error{c.errors > 1 ? 's' : ''}
            </Tag>
          )}
          {c.warnings > 0 && (
            <Tag color="gold">
              {c.warnings} warning{c.warnings > 1 ? 's' : ''}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: 'State',
      dataIndex: 'state',
      key: 'state',
      sorter: true,
      render: (s: string) => <Tag color={STATE_COLORS[s as keyof typeof STATE_COLORS]}>{stateLabel(s)}</Tag>,
    },
  ];
}

/** The practice's claims: filtered by state, payer, rendering provider, age and findings; paged by the server. */
export function ClaimsPage() {
  const [state, setState] = useState<string>();
  const [payerId, setPayerId] = useState<number>();
  const [renderingProviderId, setRendering] = useState<number>();
  const [minAgeDays, setMinAge] = useState<number | null>(null);
  const [hasFindings, setFindings] = useState<string>();
  const list = useServerList<ClaimSummary>('/api/claims', {
    state,
    payerId,
    renderingProviderId,
    minAgeDays,
    hasFindings,
  });
  const payers = useOptions<Payer>('/api/payers', (p) => p.name);
  const providers = useOptions<Provider>('/api/providers', (p) => personName(p));
  const navigate = useNavigate();
  const names = (o: { value: number; label: string }[]) => new Map(o.map((x) => [x.value, x.label]));

  const filters = (
    <Space wrap className="list-filters">
      <Select
        aria-label="State"
        placeholder="Any state"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={state}
        onChange={setState}
        options={STATE_OPTIONS}
        className="status-filter"
      />
      <Select
        aria-label="Payer"
        placeholder="Any payer"
        allowClear
        value={payerId}
        onChange={setPayerId}
        options={payers.options}
        className="claim-filter"
      />
      <Select
        aria-label="Rendering provider"
        placeholder="Any rendering provider"
        allowClear
        value={renderingProviderId}
        onChange={setRendering}
        options={providers.options}
        className="claim-filter"
      />
      <InputNumber
        aria-label="Older than (days)"
        placeholder="Older than (days)"
        min={0}
        max={3650}
        value={minAgeDays}
        onChange={setMinAge}
        className="age-filter"
      />
      <Select
        aria-label="Findings"
        placeholder="Any findings"
        allowClear
        value={hasFindings}
        onChange={setFindings}
        options={FINDING_OPTIONS}
        className="status-filter"
      />
    </Space>
  );

  return (
    <>
      <ListToolbar
        title="Claims"
        searchLabel="Search claims by patient or control number"
        onSearch={list.search}
        query={list.query}
        error={list.error}
      />
      {filters}
      <Table<ClaimSummary>
        {...list.tableProps}
        columns={columns(names(payers.options), names(providers.options))}
        data-testid="claims-table"
        onRow={(c) => ({ onClick: () => navigate(`/claims/${c.id}`), className: 'clickable-row' })}
      />
    </>
  );
}
