import { Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { OFFICE } from '../../../src/auth/roles.ts';
import type { Patient } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { personName, phone } from '../lists/format.ts';
import { useServerList } from '../lists/useServerList.ts';
import { PatientForm } from './PatientForm.tsx';
import { SEX_OPTIONS, sexLabel } from './sexes.ts';

const columns: TableColumnsType<Patient> = [
  { title: 'Account', dataIndex: 'accountNumber', key: 'accountNumber', sorter: true },
  {
    title: 'Patient',
    key: 'lastName',
    sorter: true,
    defaultSortOrder: 'ascend',
    render: (_, p) => personName(p),
  },
  { title: 'Date of birth', dataIndex: 'dateOfBirth', key: 'dateOfBirth', sorter: true },
  {
    title: 'Sex',
    dataIndex: 'sex',
    key: 'sex',
    render: sexLabel,
    filters: SEX_OPTIONS.map((o) => ({ text: o.label, value: o.value })),
    filterMultiple: false,
  },
  { title: 'City', key: 'city', render: (_, p) => `${p.city}, ${p.state}` },
  { title: 'Phone', dataIndex: 'phone', key: 'phone', render: phone },
];

export function PatientsPage() {
  const list = useServerList<Patient>('/api/patients');
  const canWrite = useHasRole(OFFICE);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  return (
    <>
      <ListToolbar
        title="Patients"
        searchLabel="Search patients by name or account"
        onSearch={list.search}
        onNew={canWrite ? () => setCreating(true) : undefined}
        newLabel="New patient"
        exportPath="/api/patients/export.csv"
        query={list.query}
        error={list.error}
      />
      <Table<Patient>
        {...list.tableProps}
        columns={columns}
        data-testid="patients-table"
        onRow={(p) => ({ onClick: () => navigate(`/patients/${p.id}`), className: 'clickable-row' })}
      />
      <PatientForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          navigate(`/patients/${p.id}`);
        }}
      />
    </>
  );
}
