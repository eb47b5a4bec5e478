import { Form, Select } from 'antd';
import { PayerFeeCreate, PayerFeeUpdate } from '../../../src/payers/schema.ts';
import { formatDollars } from '../../../src/shared/money.ts';
import type { ContractedRate, Payer } from '../api/types.ts';
import { centsOrAsTyped } from '../forms/dollars.ts';
import { RateFields } from '../forms/RateFields.tsx';
import { fieldsNamed } from '../forms/field-errors.ts';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';
import { useOptions } from '../lists/useOptions.ts';

const fieldFor = fieldsNamed(
  ['payerId', 'procedureCode', 'modifier', 'allowed', 'effectiveDate', 'endDate'],
  {
    allowedCents: 'allowed',
  },
);

/** What a payer's contract allows per unit of a procedure (and modifier) from a date. */
export function ContractedRateForm(props: DrawerProps<ContractedRate>) {
  const payers = useOptions<Payer>('/api/payers', (p) => `${p.name} (${p.payerId})`);
  return (
    <RecordDrawer<ContractedRate>
      {...props}
      label="contracted rate"
      path="/api/payer-fee-schedule"
      schemas={{ create: PayerFeeCreate, update: PayerFeeUpdate }}
      fieldFor={fieldFor}
      toValues={(r) => ({ ...r, allowed: formatDollars(r.allowedCents) })}
      fromValues={({ allowed, ...rest }) => ({ ...rest, allowedCents: centsOrAsTyped(allowed) })}
    >
      <Form.Item label="Payer" name="payerId">
        <Select aria-label="Payer" showSearch={{ optionFilterProp: 'label' }} options={payers.options} />
      </Form.Item>
      <RateFields amountLabel="Allowed (per unit)" amountName="allowed" />
    </RecordDrawer>
  );
}
