import type { TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { Facility } from '../api/types.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { FacilityForm } from './FacilityForm.tsx';

const columns: TableColumnsType<Facility> = [
  { title: 'Name', dataIndex: 'name', key: 'name', sorter: true },
  { title: 'NPI', dataIndex: 'npi', key: 'npi' },
  { title: 'Address', dataIndex: 'address1', key: 'address1' },
  { title: 'City', dataIndex: 'city', key: 'city', sorter: true },
  { title: 'State', dataIndex: 'state', key: 'state' },
  { title: 'POS', dataIndex: 'placeOfService', key: 'placeOfService' },
];

export function FacilitiesPage() {
  return (
    <MasterDataPage<Facility>
      title="Facilities"
      path="facilities"
      noun="facility"
      columns={columns}
      writeRoles={MANAGERS}
      Form={FacilityForm}
    />
  );
}
