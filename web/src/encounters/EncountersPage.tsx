import { Alert, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { CLINICAL } from '../../../src/auth/roles.ts';
import type { EncounterSummary } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { useServerList } from '../lists/useServerList.ts';
import { useCodeDescriptions } from '../coding/useCodeDescriptions.ts';
import { todayIso } from '../../../src/shared/dates.ts';
import { encounterColumns } from './encounterColumns.tsx';

/** Set by the encounter form when it returns here: the encounter just saved. */
export interface EncounterSavedState {
  saved?: number;
}

// open: entered or on the coding queue; ready: coded and sent to billing from the coding queue.
const STATUSES = [
  { value: 'open', label: 'open' },
  { value: 'ready', label: 'ready' },
];

export function EncountersPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<string>();
  // Back from saving: the last saved first, so the encounter is on the first page whatever its date.
  const saved = (useLocation().state as EncounterSavedState | null)?.saved;
  const list = useServerList<EncounterSummary>(
    '/api/encounters',
    { from, to, status },
    saved ? { sort: 'updatedAt', order: 'desc' } : undefined,
  );
  const rows = (list.tableProps.dataSource ?? []) as EncounterSummary[];
  const labelOf = useCodeDescriptions(
    rows.flatMap((r) => r.diagnoses),
    rows[0]?.serviceDateFrom ?? todayIso(),
    'ICD-10-CM',
  );
  const columns = encounterColumns(true, (code) => {
    const label = labelOf(code);
    return label?.valid ? label.text : undefined;
  });
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
        options={STATUSES}
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
      {saved !== undefined && list.query.sort === 'updatedAt' && (
        <Alert
          type="success"
          showIcon
          className="list-note"
          data-testid="saved-note"
          title={`Encounter ${saved} saved. Showing the last saved first; sort by a column to change the order.`}
        />
      )}
      <Table<EncounterSummary>
        {...list.tableProps}
        columns={columns}
        data-testid="encounters-table"
        onRow={(e) => ({
          onClick: () => navigate(`/encounters/${e.id}`),
          className: e.id === saved ? 'clickable-row saved-row' : 'clickable-row',
          ...(e.id === saved ? { 'data-saved': 'true' } : {}),
        })}
      />
    </>
  );
}
