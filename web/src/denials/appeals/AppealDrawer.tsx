import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiProblem } from '../../api/problem.ts';
import { dollars, timestamp } from '../../lists/format.ts';
import {
  APPEAL_STATE_COLORS,
  COMMON_DOCUMENTS,
  type Appeal,
  type AppealProblem,
  type AppealTemplate,
  type Drafted,
} from './types.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  claimId: number;
  denialId: number | null;
  practiceId?: number | undefined;
  /** Open this appeal; otherwise the denial's latest, or a new draft. */
  appealId?: number | undefined;
  onChanged?: () => void;
}

const message = (e: unknown) => (e instanceof ApiProblem ? e.message : 'the request failed');

/** Documents chosen: the common ones ticked, any other typed in. */
function DocumentsPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const others = value.filter((d) => !COMMON_DOCUMENTS.includes(d));
  return (
    <Flex vertical gap="small">
      <Checkbox.Group
        options={COMMON_DOCUMENTS}
        value={value.filter((d) => COMMON_DOCUMENTS.includes(d))}
        onChange={(ticked) => onChange([...(ticked as string[]), ...others])}
      />
      <Select
        mode="tags"
        placeholder="Other documents (type and press Enter)"
        value={others}
        onChange={(typed: string[]) =>
          onChange([...value.filter((d) => COMMON_DOCUMENTS.includes(d)), ...typed])
        }
        open={false}
        aria-label="Other documents"
      />
    </Flex>
  );
}

/** The appeal editor: template, documents, letter, PDF, send, outcome, next level. */
export function AppealDrawer({ open, onClose, claimId, denialId, practiceId, appealId, onChanged }: Props) {
  const { message: toast } = App.useApp();
  const [appeal, setAppeal] = useState<Appeal | null>(null);
  const [templates, setTemplates] = useState<AppealTemplate[]>([]);
  const [templateId, setTemplateId] = useState<number>();
  const [documents, setDocuments] = useState<string[]>([]);
  const [letter, setLetter] = useState('');
  const [problems, setProblems] = useState<AppealProblem[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome] = Form.useForm<{ state: 'won' | 'partly-won' | 'lost'; recovered: number; note: string }>();

  const show = useCallback((a: Appeal | null, p: AppealProblem[] = []) => {
    setAppeal(a);
    setProblems(p);
    setError(undefined);
    if (a) {
      setLetter(a.letter);
      setDocuments(a.documents);
      setTemplateId(a.templateId ?? undefined);
    }
  }, []);

  // Bumped by every action: the appeal read when the drawer opened must not, arriving late on a slow
  // connection, put back "no appeal yet" over the letter the user has since written and saved.
  const acted = useRef(0);
  useEffect(() => {
    if (!open) return;
    const at = acted.current;
    api.get<{ items: AppealTemplate[] }>('/api/appeal-templates', { practiceId }).then(
      (r) => setTemplates(r.items.filter((t) => t.active)),
      () => setTemplates([]),
    );
    api.get<{ items: Appeal[] }>('/api/appeals', denialId ? { denialId } : { claimId }).then(
      (r) => {
        if (acted.current !== at) return;
        const found = appealId ? r.items.find((a) => a.id === appealId) : r.items[0];
        show(found ?? null);
        if (!found) setDocuments([]);
      },
      (e: unknown) => {
        if (acted.current === at) setError(message(e));
      },
    );
  }, [open, claimId, denialId, practiceId, appealId, show]);

  const run = async (work: () => Promise<void>) => {
    acted.current++;
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onChanged?.();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const draft = () =>
    run(async () => {
      const r = await api.post<Drafted>('/api/appeals', {
        claimId,
        ...(denialId ? { denialId } : {}),
        ...(templateId ? { templateId } : {}),
        documents,
      });
      show(r.appeal, r.problems);
    });
  const save = (change: { letter?: string; templateId?: number }) =>
    run(async () => {
      const r = await api.put<Drafted>(`/api/appeals/${appeal!.id}`, { documents, ...change });
      show(r.appeal, r.problems);
      toast.success('Appeal saved');
    });
  const makePdf = () =>
    run(async () => {
      if (
        appeal!.state === 'draft' &&
        (letter !== appeal!.letter || documents.join() !== appeal!.documents.join())
      )
        show((await api.put<Drafted>(`/api/appeals/${appeal!.id}`, { documents, letter })).appeal);
      show(await api.post<Appeal>(`/api/appeals/${appeal!.id}/pdf`));
      window.open(`/api/appeals/${appeal!.id}/pdf`, '_blank');
    });
  const send = () => run(async () => show(await api.post<Appeal>(`/api/appeals/${appeal!.id}/send`)));
  const decide = () =>
    run(async () => {
      const v = await outcome.validateFields();
      show(
        await api.post<Appeal>(`/api/appeals/${appeal!.id}/outcome`, {
          state: v.state,
          recoveredCents: v.state === 'lost' ? 0 : Math.round((v.recovered ?? 0) * 100),
          note: v.note ?? '',
        }),
      );
    });
  const nextLevel = () =>
    run(async () => {
      const r = await api.post<Drafted>(`/api/appeals/${appeal!.id}/next-level`);
      show(r.appeal, r.problems);
    });

  const isDraft = appeal?.state === 'draft';
  const templateOptions = templates.map((t) => ({
    value: t.id,
    label: `${t.name}${t.practiceId === null ? ' (built-in)' : ''}${t.category ? ` · ${t.category}` : ''}`,
  }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={
        appeal ? (
          <Space>
            {`Appeal level ${appeal.level}`}
            <Tag color={APPEAL_STATE_COLORS[appeal.state]}>{appeal.state}</Tag>
          </Space>
        ) : (
          'New appeal'
        )
      }
    >
      <Flex vertical gap="middle">
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {problems.map((p, i) => (
          <Alert key={i} type={p.severity === 'error' ? 'error' : 'warning'} showIcon message={p.message} />
        ))}
        <Form layout="vertical" disabled={busy || (appeal !== null && !isDraft)}>
          <Form.Item label="Template" extra="Empty: the best fit for the denial's category and payer">
            <Select
              allowClear
              options={templateOptions}
              value={templateId}
              onChange={setTemplateId}
              placeholder="Best fit"
              aria-label="Template"
            />
          </Form.Item>
          <Form.Item label="Documents enclosed">
            <DocumentsPicker value={documents} onChange={setDocuments} />
          </Form.Item>
          {appeal ? (
            <Form.Item label="Letter" extra="Placeholders such as {{patient.name}} are filled when saved">
              <Input.TextArea
                value={letter}
                onChange={(e) => setLetter(e.target.value)}
                autoSize={{ minRows: 16, maxRows: 32 }}
                aria-label="Letter"
                style={{ fontFamily: 'monospace' }}
              />
            </Form.Item>
          ) : null}
        </Form>
        {!appeal ? (
          <Button type="primary" loading={busy} onClick={draft}>
            Write the letter
          </Button>
        ) : (
          <Space wrap>
            {isDraft ? (
              <>
                <Button onClick={() => save({ letter })} loading={busy}>
                  Save
                </Button>
                {templateId && templateId !== appeal.templateId ? (
                  <Button onClick={() => save({ templateId })} loading={busy}>
                    Start again from the template
                  </Button>
                ) : null}
              </>
            ) : null}
            <Button onClick={makePdf} loading={busy} disabled={!isDraft && !appeal.hasPdf}>
              {isDraft ? 'Make PDF' : 'Download PDF'}
            </Button>
            {isDraft ? (
              <Popconfirm title="Mark the appeal sent to the payer?" onConfirm={send}>
                <Button type="primary" loading={busy}>
                  Send
                </Button>
              </Popconfirm>
            ) : null}
            {appeal.state === 'lost' ? (
              <Button onClick={nextLevel} loading={busy}>
                Second-level appeal
              </Button>
            ) : null}
          </Space>
        )}
        {appeal && appeal.state !== 'draft' ? (
          <Typography.Text type="secondary">
            Sent {timestamp(appeal.sentAt)}
            {appeal.decidedAt
              ? ` · decided ${timestamp(appeal.decidedAt)}: ${appeal.state}${appeal.recoveredCents ? `, ${dollars(appeal.recoveredCents)} recovered` : ''}${appeal.outcomeNote ? ` (${appeal.outcomeNote})` : ''}`
              : ''}
          </Typography.Text>
        ) : null}
        {appeal?.state === 'sent' ? (
          <Form form={outcome} layout="inline" disabled={busy} initialValues={{ state: 'won', recovered: 0 }}>
            <Form.Item name="state" label="Outcome" rules={[{ required: true }]}>
              <Select
                style={{ width: 130 }}
                options={[
                  { value: 'won', label: 'Won' },
                  { value: 'partly-won', label: 'Partly won' },
                  { value: 'lost', label: 'Lost' },
                ]}
              />
            </Form.Item>
            <Form.Item name="recovered" label="Recovered $">
              <InputNumber min={0} step={0.01} precision={2} />
            </Form.Item>
            <Form.Item name="note" label="Note">
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Button onClick={decide} loading={busy}>
              Record outcome
            </Button>
          </Form>
        ) : null}
      </Flex>
    </Drawer>
  );
}
