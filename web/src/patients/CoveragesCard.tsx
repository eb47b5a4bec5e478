import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Coverage, Patient, Payer } from '../api/types.ts';
import { useOptions } from '../lists/useOptions.ts';
import { useServerList } from '../lists/useServerList.ts';
import { CoverageForm } from './CoverageForm.tsx';
import { relationshipLabel } from './relationships.ts';

/** The patient's coverages in priority order, with add and edit. */
export function CoveragesCard({ patient, canWrite }: { patient: Patient; canWrite: boolean }) {
  const list = useServerList<Coverage>('/api/coverages', { patientId: patient.id });
  const payers = useOptions<Payer>('/api/payers', (p) => p.name);
  const [editing, setEditing] = useState<Coverage | 'new'>();

  const columns: TableColumnsType<Coverage> = [
    { title: 'Priority', dataIndex: 'priority', key: 'priority', sorter: true },
    {
      title: 'Payer',
      key: 'payer',
      render: (_, c) => payers.options.find((o) => o.value === c.payerId)?.label ?? c.payerId,
    },
    { title: 'Member ID', dataIndex: 'memberId', key: 'memberId', sorter: true },
    { title: 'Group', dataIndex: 'groupNumber', key: 'groupNumber' },
    { title: 'Relationship', dataIndex: 'relationship', key: 'relationship', render: relationshipLabel },
    {
      title: 'Subscriber',
      key: 'subscriber',
      render: (_, c) => `${c.subscriberLastName}, ${c.subscriberFirstName}`,
    },
    { title: 'Effective', dataIndex: 'effectiveDate', key: 'effectiveDate', sorter: true },
    { title: 'Terminates', dataIndex: 'terminationDate', key: 'terminationDate' },
  ];

  return (
    <Card
      title="Coverages"
      size="small"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Add coverage
          </Button>
        )
      }
    >
      <Table<Coverage>
        {...list.tableProps}
        pagination={{ ...list.tableProps.pagination, hideOnSinglePage: true }}
        locale={{ emptyText: 'No coverage on file: the patient is self-pay until one is added' }}
        size="small"
        columns={columns}
        data-testid="coverages-table"
        onRow={(c) => ({
          onClick: () => canWrite && setEditing(c),
          className: canWrite ? 'clickable-row' : '',
        })}
      />
      <CoverageForm
        open={editing !== undefined}
        patient={patient}
        coverage={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </Card>
  );
}
