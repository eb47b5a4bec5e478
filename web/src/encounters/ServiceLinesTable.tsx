import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, type FormListFieldData } from 'antd';
import { MAX_MODIFIERS, MAX_POINTERS } from '../../../src/encounters/schema.ts';
import { NDC_UNITS } from '../../../src/encounters/service-line.ts';
import { CodePicker } from '../components/CodePicker.tsx';
import { NEW_LINE } from './encounter-values.ts';

interface Props {
  /** The form list's name: serviceLines on an encounter, lines on a claim. */
  name?: string;
  /** A claim's lines are edited in place: none added or removed. */
  fixed?: boolean;
  /** date of service for the code picker (default: the form's serviceDateFrom, else today) */
  dos?: string;
  /** Only what a coder assigns (an audit's re-code): no charge, no drug. */
  codesOnly?: boolean;
}

const chargeColumn = {
  title: 'Charge ($)',
  key: 'charge',
  width: 140,
  render: (_: unknown, f: FormListFieldData, i: number) => (
    <Form.Item name={[f.name, 'charge']} className="compact-item">
      <Input aria-label={`Line ${i + 1} charge`} placeholder="fee schedule" prefix="$" />
    </Form.Item>
  ),
};

// Loop 2410: a drug line's NDC (11 digits, 5-4-2), quantity and unit.
const drugColumn = {
  title: 'Drug (NDC, quantity, unit)',
  key: 'ndc',
  width: 260,
  render: (_: unknown, f: FormListFieldData, i: number) => (
    <Space.Compact>
      <Form.Item name={[f.name, 'ndc']} className="compact-item">
        <Input aria-label={`Line ${i + 1} NDC`} placeholder="00003029305" maxLength={13} />
      </Form.Item>
      <Form.Item name={[f.name, 'ndcQuantity']} className="compact-item">
        <InputNumber aria-label={`Line ${i + 1} NDC quantity`} min={0} style={{ width: 70 }} />
      </Form.Item>
      <Form.Item name={[f.name, 'ndcUnit']} className="compact-item">
        <Select
          aria-label={`Line ${i + 1} NDC unit`}
          allowClear
          style={{ width: 70 }}
          options={NDC_UNITS.map((u) => ({ value: u, label: u }))}
        />
      </Form.Item>
    </Space.Compact>
  ),
};

/** Service lines (837P loop 2400 SV1): procedure, modifiers, units, charge, diagnosis pointers and drug. */
export function ServiceLinesTable({ name = 'serviceLines', fixed = false, dos, codesOnly = false }: Props) {
  const serviceDate = Form.useWatch('serviceDateFrom') as string | undefined;
  const diagnoses = (Form.useWatch('diagnoses') as string[] | undefined) ?? [];
  // A UB-04 line is billed by revenue code (FL42); the 837I has no diagnosis pointers.
  const facility = Boolean(Form.useWatch(['institutional', 'enabled']));
  const pointerOptions = diagnoses.map((code, i) => ({
    value: i + 1,
    label: `${i + 1}${code ? ` ${code}` : ''}`,
  }));

  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Card
          title="Service lines"
          size="small"
          extra={
            !fixed && (
              <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_LINE })}>
                Add service line
              </Button>
            )
          }
        >
          <Table<FormListFieldData>
            dataSource={fields}
            rowKey="key"
            pagination={false}
            size="small"
            data-testid="service-lines"
            columns={[
              { title: '#', key: 'n', width: 40, render: (_, f, i) => i + 1 },
              ...(facility
                ? [
                    {
                      title: 'Revenue code',
                      key: 'revenueCode',
                      width: 120,
                      render: (_: unknown, f: FormListFieldData, i: number) => (
                        <Form.Item name={[f.name, 'revenueCode']} className="compact-item">
                          <Input aria-label={`Line ${i + 1} revenue code`} placeholder="0450" maxLength={4} />
                        </Form.Item>
                      ),
                    },
                  ]
                : []),
              {
                title: 'Procedure (CPT/HCPCS)',
                key: 'procedureCode',
                render: (_, f, i) => (
                  <Form.Item
                    name={[f.name, 'procedureCode']}
                    className="compact-item"
                    normalize={(v: string) => v.toUpperCase()}
                  >
                    <CodePicker
                      kind="procedure"
                      dos={dos ?? serviceDate}
                      aria-label={`Line ${i + 1} procedure code`}
                      finderLabel={`Find procedure code for line ${i + 1}`}
                      placeholder="99213"
                    />
                  </Form.Item>
                ),
              },
              {
                title: `Modifiers (up to ${MAX_MODIFIERS})`,
                key: 'modifiers',
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'modifiers']} className="compact-item">
                    <Select
                      mode="tags"
                      aria-label={`Line ${i + 1} modifiers`}
                      maxCount={MAX_MODIFIERS}
                      tokenSeparators={[',', ' ']}
                      open={false}
                      suffixIcon={null}
                      placeholder="25"
                      className="modifier-select"
                    />
                  </Form.Item>
                ),
              },
              {
                title: 'Units',
                key: 'units',
                width: 90,
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'units']} className="compact-item">
                    <InputNumber aria-label={`Line ${i + 1} units`} min={0} max={9999} />
                  </Form.Item>
                ),
              },
              ...(codesOnly ? [] : [chargeColumn]),
              {
                title: `Diagnosis pointers (up to ${MAX_POINTERS})`,
                key: 'diagnosisPointers',
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'diagnosisPointers']} className="compact-item">
                    <Select
                      mode="multiple"
                      aria-label={`Line ${i + 1} diagnosis pointers`}
                      maxCount={MAX_POINTERS}
                      options={pointerOptions}
                      className="pointer-select"
                    />
                  </Form.Item>
                ),
              },
              ...(codesOnly ? [] : [drugColumn]),
              ...(fixed
                ? []
                : [
                    {
                      title: '',
                      key: 'remove',
                      width: 48,
                      render: (_: unknown, f: FormListFieldData, i: number) => (
                        <Button
                          aria-label={`Remove line ${i + 1}`}
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                        />
                      ),
                    },
                  ]),
            ]}
          />
        </Card>
      )}
    </Form.List>
  );
}
