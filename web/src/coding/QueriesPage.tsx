import {
  App,
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { CodingQueryRow } from '../../../src/coding/queries-store.ts';
import { OTHER } from '../../../src/coding/queries.ts';
import type { FieldError } from '../../../src/shared/field-error.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

// Physician queries (CDI): a coder asks the chart's provider a compliant multiple-choice question
// (the chart waits); the provider answers here; the answer becomes an addendum on the encounter.

type Query = Omit<CodingQueryRow, 'sentAt' | 'answeredAt'> & { sentAt: string; answeredAt: string | null };

function SendQueryForm({ practiceId, onSent }: { practiceId: number; onSent: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  // /coding/queries?encounterId=N: the query starts on that visit (a link from the chart being coded).
  const fromChart = Number(useSearchParams()[0].get('encounterId')) || undefined;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const draft = () => {
    const v = form.getFieldsValue();
    return {
      question: v.question ?? '',
      clinicalIndicators: v.clinicalIndicators ?? '',
      options: (v.options ?? []) as string[],
    };
  };
  const check = async () => {
    const out = await api.post<{ errors: FieldError[] }>('/api/coding/queries/check', draft());
    setErrors(out.errors);
    return out.errors;
  };
  const send = async () => {
    if ((await check()).length > 0) return;
    try {
      await api.post('/api/coding/queries', {
        practiceId,
        encounterId: form.getFieldValue('encounterId'),
        ...draft(),
      });
      message.success('Query sent: the chart waits for the answer');
      form.resetFields();
      onSent();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the query was not sent');
    }
  };
  return (
    <Card title="New physician query" size="small">
      <Form form={form} layout="vertical" onFinish={send} initialValues={{ encounterId: fromChart }}>
        <Form.Item
          name="encounterId"
          label="Encounter"
          rules={[{ required: true, message: 'the encounter' }]}
        >
          <InputNumber min={1} aria-label="Encounter" />
        </Form.Item>
        <Form.Item name="question" label="Question" rules={[{ required: true, message: 'the question' }]}>
          <Input.TextArea
            rows={2}
            aria-label="Question"
            placeholder="Based on the clinical indicators, please clarify…"
          />
        </Form.Item>
        <Form.Item name="clinicalIndicators" label="Clinical indicators from the record">
          <Input.TextArea rows={3} aria-label="Clinical indicators" />
        </Form.Item>
        <Form.Item
          name="options"
          label="Clinically reasonable options"
          extra={`"${OTHER}" and "Clinically undetermined" are always added.`}
        >
          <Select mode="tags" aria-label="Options" open={false} tokenSeparators={[';']} />
        </Form.Item>
        {errors.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message="Not a compliant query yet"
            description={
              <ul>
                {errors.map((e) => (
                  <li key={`${e.pointer}${e.detail}`}>{e.detail}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => void check()}>Check</Button>
          <Button type="primary" htmlType="submit">
            Send to provider
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function AnswerForm({ query, onAnswered }: { query: Query; onAnswered: () => void }) {
  const { message } = App.useApp();
  const [option, setOption] = useState<string>();
  const [text, setText] = useState('');
  const answer = async () => {
    try {
      await api.post(`/api/coding/queries/${query.id}/answer`, { option, ...(text.trim() ? { text } : {}) });
      message.success('Answered: the addendum is on the encounter');
      onAnswered();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the answer was not saved');
    }
  };
  return (
    <Space direction="vertical">
      <Typography.Text strong>{query.question}</Typography.Text>
      <Typography.Text type="secondary">Clinical indicators: {query.clinicalIndicators}</Typography.Text>
      <Radio.Group value={option} onChange={(e) => setOption(e.target.value)} aria-label="Answer">
        <Space direction="vertical">
          {query.options.map((o) => (
            <Radio key={o} value={o}>
              {o}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Input.TextArea
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Your words"
        placeholder={option === OTHER ? 'What is the diagnosis or finding?' : 'Comment (optional)'}
      />
      <Button type="primary" disabled={!option} onClick={() => void answer()}>
        Answer
      </Button>
    </Space>
  );
}

export function QueriesPage() {
  const practiceId = usePracticeId();
  const canSend = useHasRole(['admin', 'manager', 'coder']);
  const canAnswer = useHasRole(['admin', 'manager', 'provider']);
  const [state, setState] = useState<string>('open');
  const [items, setItems] = useState<Query[]>([]);
  const load = useCallback(async () => {
    if (!practiceId) return;
    const out = await api.get<{ items: Query[] }>('/api/coding/queries', { practiceId, state });
    setItems(out.items);
  }, [practiceId, state]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!practiceId) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Physician queries</Typography.Title>
      {canSend && <SendQueryForm practiceId={practiceId} onSent={() => void load()} />}
      <Select
        value={state}
        onChange={setState}
        aria-label="State"
        style={{ width: 180 }}
        options={['open', 'answered', 'withdrawn'].map((s) => ({ value: s, label: s }))}
      />
      <Table<Query>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 20 }}
        expandable={
          canAnswer
            ? {
                rowExpandable: (q) => q.state === 'open',
                expandedRowRender: (q) => <AnswerForm query={q} onAnswered={() => void load()} />,
              }
            : undefined
        }
        columns={[
          { title: '#', dataIndex: 'id' },
          { title: 'Encounter', dataIndex: 'encounterId' },
          { title: 'Question', dataIndex: 'question' },
          { title: 'Sent', dataIndex: 'sentAt', render: (v: string) => timestamp(v) },
          { title: 'State', dataIndex: 'state', render: (s: string) => <Tag>{s}</Tag> },
          {
            title: 'Answer',
            key: 'answer',
            render: (_, q) =>
              q.answerOption ? `${q.answerOption}${q.answerText ? `: ${q.answerText}` : ''}` : null,
          },
          {
            title: 'Addendum',
            dataIndex: 'addendumDocumentId',
            // The addendum sits with the visit's notes, where the coder cites it.
            render: (id: number | null, q) =>
              id ? <Link to={`/encounters/${q.encounterId}`}>{`addendum (document ${id})`}</Link> : null,
          },
        ]}
      />
    </Space>
  );
}
