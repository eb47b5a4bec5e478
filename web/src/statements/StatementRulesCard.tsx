import { App, Button, Card, Form, Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { MANAGERS } from '../../../src/auth/roles.ts';
import { formatDollars, parseDollars } from '../../../src/shared/money.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';

interface Rules {
  practiceId: number;
  minimumBalanceCents: number;
  daysBetweenStatements: number;
  dueInDays: number;
  howToPay: string;
}

interface Values {
  minimumBalance: string;
  daysBetweenStatements: number;
  dueInDays: number;
  howToPay: string;
}

/** The practice's statement rules: who is billed (minimum balance, days between) and what the statement says. */
export function StatementRulesCard({ practiceId, onSaved }: { practiceId: number; onSaved: () => void }) {
  const canEdit = useHasRole(MANAGERS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.get<Rules>('/api/statements/settings', { practiceId }).then(
      (r) =>
        form.setFieldsValue({
          minimumBalance: formatDollars(r.minimumBalanceCents),
          daysBetweenStatements: r.daysBetweenStatements,
          dueInDays: r.dueInDays,
          howToPay: r.howToPay,
        }),
      () => undefined,
    );
  }, [practiceId, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await api.put('/api/statements/settings', {
        practiceId,
        minimumBalanceCents: parseDollars(String(v.minimumBalance)),
        daysBetweenStatements: v.daysBetweenStatements,
        dueInDays: v.dueInDays,
        howToPay: v.howToPay,
      });
      message.success('Statement rules saved');
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not save the rules');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title="Statement rules" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} disabled={!canEdit}>
        <Form.Item label="Minimum balance ($)" name="minimumBalance" rules={[{ required: true }]}>
          <InputNumber<string> stringMode min="0" step="1.00" precision={2} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="Days between statements" name="daysBetweenStatements" rules={[{ required: true }]}>
          <InputNumber min={0} max={365} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item label="Due in (days)" name="dueInDays" rules={[{ required: true }]}>
          <InputNumber min={0} max={120} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item
          label="How to pay"
          name="howToPay"
          rules={[{ required: true, max: 600 }]}
          style={{ flex: 1, minWidth: 320, marginTop: 8 }}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        {canEdit && (
          <Form.Item style={{ marginTop: 8 }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              Save rules
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
