import { Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CLINICAL } from '../../../src/auth/roles.ts';
import type { EncounterSummary } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { useServerList } from '../lists/useServerList.ts';
import { encounterColumns } from './encounterColumns.tsx';

const columns = encounterColumns(true);

export function EncountersPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<string>();
  const list = useServerList<EncounterSummary>('/api/encounters', { from, to, status });
  const canWrite = useHasRole(CLINICAL);
  const navigate = useNavigate();

  const filters = (
    <Space.Compact>
      <Input type="date" aria-label="Service from" value={from} onChange={(e) => setFrom(e.target.value)} />
      <Input type="date" aria-label="Service to" value={to} onChange={(e) => setTo(e.target.value)} />
      <Select
        aria-label="Status"
        placeholder="Any status"
        allowClear
        value={status}
        onChange={setStatus}
        options={[{ value: 'open', label: 'open' }]}
        className="status-filter"
      />
    </Space.Compact>
  );

  return (
    <>
      <ListToolbar
        title="Encounters"
        searchLabel="Search encounters by patient or account"
        onSearch={list.search}
        onNew={canWrite ? () => navigate('/encounters/new') : undefined}
        newLabel="New encounter"
        query={list.query}
        error={list.error}
        extra={filters}
      />
      <Table<EncounterSummary>
        {...list.tableProps}
        columns={columns}
        data-testid="encounters-table"
        onRow={(e) => ({ onClick: () => navigate(`/encounters/${e.id}`), className: 'clickable-row' })}
      />
    </>
  );
}
