import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CLINICAL } from '../../../src/auth/roles.ts';
import type { EncounterSummary, Patient } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { encounterColumns } from '../encounters/encounterColumns.tsx';
import { useServerList } from '../lists/useServerList.ts';

const columns = encounterColumns(false);

export function PatientEncounters({ patient }: { patient: Patient }) {
  const list = useServerList<EncounterSummary>('/api/encounters', { patientId: patient.id });
  const canWrite = useHasRole(CLINICAL);
  const navigate = useNavigate();
  return (
    <Card
      title="Encounters"
      size="small"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => navigate(`/encounters/new?patientId=${patient.id}`)}>
            New encounter
          </Button>
        )
      }
    >
      <Table<EncounterSummary>
        {...list.tableProps}
        pagination={{ ...list.tableProps.pagination, hideOnSinglePage: true }}
        locale={{ emptyText: 'No encounters yet' }}
        size="small"
        columns={columns}
        data-testid="patient-encounters-table"
        onRow={(e) => ({ onClick: () => navigate(`/encounters/${e.id}`), className: 'clickable-row' })}
      />
    </Card>
  );
}
