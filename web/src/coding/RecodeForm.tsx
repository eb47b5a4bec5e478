import { App, Button, Form, Space, Typography } from 'antd';
import type { CodedChart } from '../../../src/coding/audits-score.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { DiagnosisList } from '../encounters/DiagnosisList.tsx';
import { NEW_LINE } from '../encounters/encounter-values.ts';
import { ServiceLinesTable } from '../encounters/ServiceLinesTable.tsx';

interface RecodeValues {
  diagnoses: string[];
  lines: { procedureCode?: string; modifiers?: string[]; units?: number; diagnosisPointers?: number[] }[];
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
        pointers: l.diagnosisPointers ?? [],
      })),
  };
}

/**
 * The auditor's blind re-code of one sampled chart, with the encounter form's diagnoses and
 * service lines (the code picker: suggestions as they type, the finder, the code set in force on
 * the date of service).
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
      initialValues={{ diagnoses: [''], lines: [{ ...NEW_LINE }] }}
      aria-label={`Re-code of encounter ${encounterId}`}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          Re-code encounter {encounterId} ({serviceDate}) from its chart documents; the coder's codes stay
          hidden until you save.
        </Typography.Text>
        <DiagnosisList dos={serviceDate} />
        <ServiceLinesTable name="lines" dos={serviceDate} codesOnly />
        <Button type="primary" htmlType="submit">
          Save re-code
        </Button>
      </Space>
    </Form>
  );
}
