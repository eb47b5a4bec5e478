import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ROLES } from '../../../src/auth/roles.ts';
import { formatUsd, parseDollars } from '../../../src/shared/money.ts';
import { readHundredths, showHundredths } from '../../../src/workforce/comp-plan.ts';
import type { CompPlan } from '../../../src/workforce/payout.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { usePracticeId } from '../practice/practice-context.ts';

// Compensation plans per role (managers): every version kept; saving makes a new version in force
// from its date. Money in dollars, charts an hour and percentages to two decimals.

type PlanRow = {
  id: number;
  role: string;
  version: number;
  effectiveFrom: string;
  plan: CompPlan;
  note: string | null;
  createdAt: string;
};

type FormValues = {
  role: string;
  effectiveFrom: string;
  targets: string;
  perChart: string;
  threshold: string;
  accuracyBonus: string;
  teamShare: string;
  note?: string;
};

/** "em-visit: 4, surgery: 2.5" ↔ { 'em-visit': 400, surgery: 250 }. */
const showTargets = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([type, n]) => `${type}: ${showHundredths(n)}`)
    .join(', ');
function readTargets(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.+):\s*([\d.]+)$/.exec(part);
    if (!m) throw new Error(`"${part}" is not "chart type: charts an hour"`);
    out[m[1]!.trim()] = readHundredths(m[2]!);
  }
  return out;
}

export default function CompPlansPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [plans, setPlans] = useState<PlanRow[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    if (!practiceId) return;
    api
      .get<{ items: PlanRow[] }>('/api/compensation-plans', { practiceId })
      .then((r) => setPlans(r.items))
      .catch((e: unknown) => setError(e instanceof ApiProblem ? e.message : String(e)));
  }, [practiceId]);
  useEffect(load, [load]);
  if (!practiceId) return null;

  const edit = (p: PlanRow) =>
    form.setFieldsValue({
      role: p.role,
      targets: showTargets(p.plan.targetPerHour),
      perChart: showHundredths(p.plan.perChartAboveTargetCents),
      threshold: showHundredths(p.plan.accuracyThresholdBp),
      accuracyBonus: showHundredths(p.plan.accuracyBonusCents),
      teamShare: showHundredths(p.plan.teamCollectionsBp),
    });

  const save = async (v: FormValues) => {
    setError(undefined);
    try {
      const plan: CompPlan = {
        targetPerHour: readTargets(v.targets ?? ''),
        perChartAboveTargetCents: parseDollars(v.perChart),
        accuracyThresholdBp: readHundredths(v.threshold),
        accuracyBonusCents: parseDollars(v.accuracyBonus),
        teamCollectionsBp: readHundredths(v.teamShare),
      };
      const row = await api.post<PlanRow>('/api/compensation-plans', {
        practiceId,
        role: v.role,
        effectiveFrom: v.effectiveFrom,
        plan,
        note: v.note || null,
      });
      message.success(`${row.role} plan version ${row.version} saved`);
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Compensation plans</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Table
        size="small"
        rowKey="id"
        dataSource={plans}
        pagination={false}
        data-testid="plans-table"
        columns={[
          { title: 'Role', dataIndex: 'role' },
          { title: 'Version', dataIndex: 'version' },
          { title: 'In force from', dataIndex: 'effectiveFrom' },
          {
            title: 'Target (charts an hour)',
            render: (_, p) => showTargets(p.plan.targetPerHour) || '—',
          },
          { title: 'Per chart above', render: (_, p) => formatUsd(p.plan.perChartAboveTargetCents) },
          {
            title: 'Accuracy bonus',
            render: (_, p) =>
              `${formatUsd(p.plan.accuracyBonusCents)} at ${showHundredths(p.plan.accuracyThresholdBp)} %`,
          },
          {
            title: 'Team share of collections',
            render: (_, p) => `${showHundredths(p.plan.teamCollectionsBp)} %`,
          },
          { title: 'Note', dataIndex: 'note' },
          {
            title: '',
            render: (_, p) => (
              <Button size="small" onClick={() => edit(p)}>
                Edit as new version
              </Button>
            ),
          },
        ]}
      />
      <Card size="small" title="New version">
        <Form
          form={form}
          layout="inline"
          onFinish={save}
          initialValues={{
            role: 'coder',
            effectiveFrom: new Date().toISOString().slice(0, 10),
            targets: 'em-visit: 4, procedure: 3, surgery: 1.5',
            perChart: '1.50',
            threshold: '95',
            accuracyBonus: '100.00',
            teamShare: '1',
          }}
        >
          <Form.Item name="role" label="Role" rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={ROLES.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="In force from" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="targets" label="Charts an hour by chart type">
            <Input style={{ width: 260 }} placeholder="em-visit: 4, surgery: 1.5" />
          </Form.Item>
          <Form.Item name="perChart" label="Per chart above target ($)" rules={[{ required: true }]}>
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="threshold" label="Accuracy at or above (%)" rules={[{ required: true }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="accuracyBonus" label="Accuracy bonus ($)" rules={[{ required: true }]}>
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="teamShare" label="Team share of collections (%)" rules={[{ required: true }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="note" label="Note">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            Save as new version
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary">
        The plan in force for a payout period is the role&apos;s highest version in force on the period&apos;s
        last day. Productivity pays each chart sent above the target for the hours spent coding that chart
        type; the accuracy bonus is paid when the period&apos;s audit score reaches the threshold; the team
        share of collections is split equally among everyone paid in the period.
      </Typography.Paragraph>
    </Space>
  );
}
