import { Tag, type TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { Provider } from '../api/types.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { ProviderForm } from './ProviderForm.tsx';

const columns: TableColumnsType<Provider> = [
  { title: 'Last name', dataIndex: 'lastName', key: 'lastName', sorter: true },
  { title: 'First name', dataIndex: 'firstName', key: 'firstName', sorter: true },
  { title: 'Credentials', dataIndex: 'credentials', key: 'credentials' },
  { title: 'NPI', dataIndex: 'npi', key: 'npi', sorter: true },
  { title: 'Taxonomy', dataIndex: 'taxonomy', key: 'taxonomy' },
  {
    title: 'Roles on claims',
    dataIndex: 'kinds',
    key: 'kinds',
    render: (kinds: string[]) => kinds.map((k) => <Tag key={k}>{k}</Tag>),
  },
  {
    title: 'Status',
    dataIndex: 'active',
    key: 'active',
    render: (a: boolean | undefined) => (a === false ? <Tag>inactive</Tag> : <Tag color="green">active</Tag>),
    filters: [
      { text: 'Active', value: 'true' },
      { text: 'Inactive', value: 'false' },
    ],
    filterMultiple: false,
  },
];

export function ProvidersPage() {
  return (
    <MasterDataPage<Provider>
      title="Providers"
      path="providers"
      noun="provider"
      columns={columns}
      writeRoles={MANAGERS}
      Form={ProviderForm}
    />
  );
}
