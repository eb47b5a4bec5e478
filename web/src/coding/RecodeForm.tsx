import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
  type FormListFieldData,
} from 'antd';
import type { CodedChart } from '../../../src/coding/audits-score.ts';
import { MAX_MODIFIERS, MAX_POINTERS } from '../../../src/encounters/schema.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { CodePicker } from '../components/CodePicker.tsx';
import { DiagnosisList } from '../encounters/DiagnosisList.tsx';

interface RecodeValues {
  diagnoses: string[];
  lines: { procedureCode?: string; modifiers?: string[]; units?: number; pointers?: number[] }[];
}

/** What the auditor entered, blanks left out: the chart as the scorer reads it. */
export function codedChartOf(v: RecodeValues): CodedChart {
  return {
    diagnoses: (v.diagnoses ?? []).map((d) => d.trim().toUpperCase()).filter(Boolean),
    lines: (v.lines ?? [])
      .filter((l) => l.procedureCode?.trim())
      .map((l) => ({
        procedureCode: l.procedureCode!.trim().toUpperCase(),
        modifiers: (l.modifiers ?? []).map((m) => m.toUpperCase()),
        units: l.units ?? 1,
        pointers: l.pointers ?? [],
      })),
  };
}

/** The service lines of a re-code: procedure with the code picker, modifiers, units, diagnosis pointers. */
function RecodeLines({ dos }: { dos: string }) {
  const diagnoses = (Form.useWatch('diagnoses') as string[] | undefined) ?? [];
  const pointerOptions = diagnoses.map((code, i) => ({
    value: i + 1,
    label: `${i + 1}${code ? ` ${code}` : ''}`,
  }));
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Card
          title="Service lines"
          size="small"
          extra={
            <Button icon={<PlusOutlined />} onClick={() => add({ modifiers: [], units: 1, pointers: [1] })}>
              Add service line
            </Button>
          }
        >
          <Table<FormListFieldData>
            dataSource={fields}
            rowKey="key"
            pagination={false}
            size="small"
            columns={[
              { title: '#', key: 'n', width: 40, render: (_, f, i) => i + 1 },
              {
                title: 'Procedure (CPT/HCPCS)',
                key: 'procedureCode',
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'procedureCode']} className="compact-item">
                    <CodePicker
                      kind="procedure"
                      dos={dos}
                      aria-label={`Line ${i + 1} procedure code`}
                      finderLabel={`Find procedure code for line ${i + 1}`}
                      placeholder="99213"
                    />
                  </Form.Item>
                ),
              },
              {
                title: 'Modifiers',
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
                    <InputNumber aria-label={`Line ${i + 1} units`} min={1} max={9999} />
                  </Form.Item>
                ),
              },
              {
                title: 'Diagnosis pointers',
                key: 'pointers',
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'pointers']} className="compact-item">
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
              {
                title: '',
                key: 'remove',
                width: 48,
                render: (_, f, i) => (
                  <Button
                    aria-label={`Remove line ${i + 1}`}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                  />
                ),
              },
            ]}
          />
        </Card>
      )}
    </Form.List>
  );
}

/**
 * The auditor's blind re-code of one sampled chart, with the same code picker as the encounter
 * form (suggestions as they type, the finder, the code set in force on the date of service).
 */
export function RecodeForm({
  auditChartId,
  encounterId,
  serviceDate,
  onDone,
}: {
  auditChartId: number;
  encounterId: number;
  serviceDate: string;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecodeValues>();
  const save = async (values: RecodeValues) => {
    try {
      await api.put(`/api/coding/audit-charts/${auditChartId}/recode`, codedChartOf(values));
      message.success('Re-code scored');
      onDone();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the re-code was not saved');
    }
  };
  return (
    <Form
      form={form}
      onFinish={(v) => void save(v)}
      initialValues={{ diagnoses: [''], lines: [{ modifiers: [], units: 1, pointers: [1] }] }}
      aria-label={`Re-code of encounter ${encounterId}`}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          Re-code encounter {encounterId} ({serviceDate}) from its chart documents; the coder's codes stay
          hidden until you save.
        </Typography.Text>
        <DiagnosisList dos={serviceDate} />
        <RecodeLines dos={serviceDate} />
        <Button type="primary" htmlType="submit">
          Save re-code
        </Button>
      </Space>
    </Form>
  );
}
