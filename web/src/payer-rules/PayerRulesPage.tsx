import { Tag, type TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import type { Payer, PayerRule } from '../api/types.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { useOptions } from '../lists/useOptions.ts';
import { kindLabel } from './payer-rule-kinds.ts';
import { PayerRuleForm } from './PayerRuleForm.tsx';

function columns(payers: Map<number, string>): TableColumnsType<PayerRule> {
  return [
    { title: 'Payer', dataIndex: 'payerId', key: 'payerId', render: (id: number) => payers.get(id) ?? id },
    {
      title: 'Rule',
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      render: kindLabel,
    },
    {
      title: 'Procedure codes',
      dataIndex: 'procedureCodes',
      key: 'procedureCodes',
      render: (codes: string[]) => codes.map((c) => <Tag key={c}>{c}</Tag>),
    },
    { title: 'Note', dataIndex: 'note', key: 'note' },
    {
      title: 'Active',
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean | undefined) =>
        a === false ? <Tag>inactive</Tag> : <Tag color="green">active</Tag>,
    },
  ];
}

/** Payer rules the scrubber reads as data: per payer, the procedure codes needing prior auth, taxonomy or CLIA. */
export function PayerRulesPage() {
  const payers = useOptions<Payer>('/api/payers', (p) => p.name);
  return (
    <MasterDataPage<PayerRule>
      title="Payer rules"
      path="payer-rules"
      noun="payer rule"
      columns={columns(new Map(payers.options.map((o) => [o.value, o.label])))}
      writeRoles={MANAGERS}
      Form={PayerRuleForm}
    />
  );
}
