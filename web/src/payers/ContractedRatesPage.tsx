import type { TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { ContractedRate, Payer } from '../api/types.ts';
import { dollars } from '../lists/format.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { useOptions } from '../lists/useOptions.ts';
import { ContractedRateForm } from './ContractedRateForm.tsx';

function columns(payers: Map<number, string>): TableColumnsType<ContractedRate> {
  return [
    { title: 'Payer', dataIndex: 'payerId', key: 'payerId', render: (id: number) => payers.get(id) ?? id },
    { title: 'Procedure', dataIndex: 'procedureCode', key: 'procedureCode', sorter: true },
    { title: 'Modifier', dataIndex: 'modifier', key: 'modifier' },
    {
      title: 'Allowed',
      dataIndex: 'allowedCents',
      key: 'allowedCents',
      sorter: true,
      align: 'right',
      render: dollars,
    },
    { title: 'Effective', dataIndex: 'effectiveDate', key: 'effectiveDate', sorter: true },
    { title: 'Ends', dataIndex: 'endDate', key: 'endDate' },
  ];
}

/** The payers' fee schedules: what each contract allows; a payment below it is an underpayment to work. */
export function ContractedRatesPage() {
  const payers = useOptions<Payer>('/api/payers', (p) => p.name);
  return (
    <MasterDataPage<ContractedRate>
      title="Contracted rates"
      path="payer-fee-schedule"
      noun="contracted rate"
      columns={columns(new Map(payers.options.map((o) => [o.value, o.label])))}
      writeRoles={MANAGERS}
      Form={ContractedRateForm}
    />
  );
}
