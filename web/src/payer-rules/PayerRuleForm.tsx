import { Form, Input, Select, Switch } from 'antd';
import { PayerRuleCreate, PayerRuleUpdate } from '../../../src/scrubber/schema.ts';
import type { Payer, PayerRule } from '../api/types.ts';
import { fieldsNamed, type FieldFor } from '../forms/field-errors.ts';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';
import { useOptions } from '../lists/useOptions.ts';
import { PAYER_RULE_KINDS } from './payer-rule-kinds.ts';

const named = fieldsNamed(Object.keys(PayerRuleUpdate.properties));
// An error about one procedure code (/procedureCodes/2) is shown on the codes field.
const fieldFor: FieldFor = (path) => (path[0] === 'procedureCodes' ? ['procedureCodes'] : named(path));

/** A payer's rule the scrubber applies to its claims: which procedure codes need prior auth, taxonomy or CLIA. */
export function PayerRuleForm(props: DrawerProps<PayerRule>) {
  const payers = useOptions<Payer>('/api/payers', (p) => `${p.name} (${p.payerId})`);
  return (
    <RecordDrawer<PayerRule>
      {...props}
      label="payer rule"
      path="/api/payer-rules"
      schemas={{ create: PayerRuleCreate, update: PayerRuleUpdate }}
      initialValues={{ active: true, procedureCodes: [] }}
      fieldFor={fieldFor}
    >
      <Form.Item label="Payer" name="payerId">
        <Select aria-label="Payer" showSearch={{ optionFilterProp: 'label' }} options={payers.options} />
      </Form.Item>
      <Form.Item label="Rule" name="kind">
        <Select aria-label="Rule" options={PAYER_RULE_KINDS} />
      </Form.Item>
      <Form.Item
        label="Procedure codes"
        name="procedureCodes"
        extra="CPT/HCPCS codes the rule applies to; type a code and press Enter"
        normalize={(codes: string[]) => codes.map((c) => c.trim().toUpperCase())}
      >
        <Select
          mode="tags"
          aria-label="Procedure codes"
          tokenSeparators={[',', ' ']}
          open={false}
          suffixIcon={null}
          placeholder="72148"
        />
      </Form.Item>
      <Form.Item label="Note" name="note">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="Active" name="active" valuePropName="checked">
        <Switch />
      </Form.Item>
    </RecordDrawer>
  );
}
