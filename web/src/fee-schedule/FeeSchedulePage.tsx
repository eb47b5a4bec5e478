import type { TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { Fee } from '../api/types.ts';
import { dollars } from '../lists/format.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { FeeForm } from './FeeForm.tsx';

const columns: TableColumnsType<Fee> = [
  { title: 'Procedure', dataIndex: 'procedureCode', key: 'procedureCode', sorter: true },
  { title: 'Modifier', dataIndex: 'modifier', key: 'modifier' },
  {
    title: 'Charge',
    dataIndex: 'chargeCents',
    key: 'chargeCents',
    sorter: true,
    align: 'right',
    render: dollars,
  },
  { title: 'Effective', dataIndex: 'effectiveDate', key: 'effectiveDate', sorter: true },
  { title: 'Ends', dataIndex: 'endDate', key: 'endDate' },
];

export function FeeSchedulePage() {
  return (
    <MasterDataPage<Fee>
      title="Fee schedule"
      path="fee-schedule"
      noun="fee"
      columns={columns}
      writeRoles={MANAGERS}
      Form={FeeForm}
    />
  );
}
