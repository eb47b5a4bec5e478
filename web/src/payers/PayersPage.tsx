import type { TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { Payer } from '../api/types.ts';
import { phone } from '../lists/format.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { FILING_INDICATOR_OPTIONS } from './filing-indicators.ts';
import { PayerForm } from './PayerForm.tsx';

const columns: TableColumnsType<Payer> = [
  { title: 'Name', dataIndex: 'name', key: 'name', sorter: true },
  { title: 'Payer ID', dataIndex: 'payerId', key: 'payerId', sorter: true },
  {
    title: 'Claim filing indicator',
    dataIndex: 'claimFilingIndicator',
    key: 'claimFilingIndicator',
    sorter: true,
    render: (code: string) => FILING_INDICATOR_OPTIONS.find((o) => o.value === code)?.label ?? code,
    filters: FILING_INDICATOR_OPTIONS.map((o) => ({ text: o.label, value: o.value })),
    filterMultiple: false,
  },
  { title: 'Timely filing (days)', dataIndex: 'timelyFilingDays', key: 'timelyFilingDays', align: 'right' },
  { title: 'Phone', dataIndex: 'phone', key: 'phone', render: phone },
];

export function PayersPage() {
  return (
    <MasterDataPage<Payer>
      title="Payers"
      path="payers"
      noun="payer"
      columns={columns}
      writeRoles={MANAGERS}
      Form={PayerForm}
    />
  );
}
