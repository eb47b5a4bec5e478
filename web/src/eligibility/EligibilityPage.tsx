import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Flex, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { OFFICE } from '../../../src/auth/roles.ts';
import { todayIso } from '../../../src/shared/dates.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { BenefitsSummary, StatusTag, warningsOf } from './BenefitsSummary.tsx';
import { STATE_COLORS, type BatchMade, type BatchView, type CheckView } from './types.ts';

const STATES = ['waiting', 'answered', 'failed'];
// The list routes answer { items } (or a bare array from an older server).
const itemsOf = <T,>(r: { items: T[] } | T[]): T[] => (Array.isArray(r) ? r : r.items);
const problem = (e: unknown, fallback: string) => (e instanceof ApiProblem ? e.message : fallback);

/**
 * Eligibility for a day's schedule: run a batch of 270s for the encounters of a date (or a CSV of
 * patients), and the checks with their answers and warnings, by date of service and state.
 */
export function EligibilityPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const canRun = useHasRole(OFFICE);
  const [date, setDate] = useState(todayIso());
  const [state, setState] = useState<string>();
  const [batches, setBatches] = useState<BatchView[]>([]);
  const [checks, setChecks] = useState<CheckView[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<BatchMade>();
  const [open, setOpen] = useState<CheckView>();

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: BatchView[] } | BatchView[]>('/api/eligibility/batches', { practiceId }).then(
      (r) => setBatches(itemsOf(r)),
      (e: unknown) => setError(problem(e, 'could not load the batches')),
    );
    api
      .get<{ items: CheckView[] } | CheckView[]>('/api/eligibility/checks', { practiceId, date, state })
      .then(
        (r) => (setChecks(itemsOf(r)), setError(undefined)),
        (e: unknown) => setError(problem(e, 'could not load the checks')),
      );
  }, [practiceId, date, state]);
  useEffect(load, [load]);
  // Batches are answered when the clearinghouse returns the 271s: look again while any waits.
  const waiting =
    checks.some((c) => c.state === 'waiting') ||
    batches.some((b) => b.answeredCount < b.inquiryCount && !b.uploadError);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const run = async (body: Record<string, unknown>) => {
    setBusy(true);
    try {
      const batch = await api.post<BatchMade>('/api/eligibility/batches', { practiceId, ...body });
      setLast(batch);
      message.success(`${batch.inquiryCount} inquiries in ${batch.fileName}`);
      load();
    } catch (e) {
      message.error(problem(e, 'the batch could not be made'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} className="page-title">
        Eligibility
      </Typography.Title>
      {error && <Alert type="error" title={error} showIcon />}
      <Card size="small" title="Check a day's schedule">
        <Space wrap>
          <DateInput aria-label="Schedule date" value={date} onChange={(e) => setDate(targetValue(e))} />
          {canRun && (
            <>
              <Button type="primary" loading={busy} onClick={() => void run({ date })}>
                Check everyone seen that day
              </Button>
              <Upload
                accept=".csv,text/csv"
                showUploadList={false}
                beforeUpload={(file) => {
                  void file.text().then((csv) => run({ csv, fileName: file.name }));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy}>
                  Upload a CSV of patients
                </Button>
              </Upload>
            </>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          A CSV has a header row with last name, first name and date of service, and the MRN or member ID of
          each patient (date of birth and payer ID when known).
        </Typography.Paragraph>
        {last?.skipped?.length ? (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={`${last.skipped.length} not asked`}
            description={
              <ul>
                {last.skipped.map((s, i) => (
                  <li key={i}>
                    {s.row !== undefined ? `row ${s.row}` : `encounter ${s.encounterId}`}: {s.why}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Card>
      <Card size="small" title="Batches">
        <Table<BatchView>
          rowKey="id"
          size="small"
          dataSource={batches}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          data-testid="eligibility-batches"
          columns={[
            { title: 'Batch', dataIndex: 'id' },
            { title: 'For', render: (_, b) => [b.source, b.sourceDetail].filter(Boolean).join(': ') },
            { title: 'File', dataIndex: 'fileName' },
            {
              title: 'Answered',
              align: 'right',
              render: (_, b) => `${b.answeredCount} of ${b.inquiryCount}`,
            },
            {
              title: 'State',
              render: (_, b) =>
                b.uploadError ? (
                  <Tag color="error" title={b.uploadError}>
                    not sent
                  </Tag>
                ) : (
                  <Tag color={STATE_COLORS[b.state]}>{b.state}</Tag>
                ),
            },
            { title: 'Made', render: (_, b) => timestamp(b.createdAt) },
            { title: 'Sent', render: (_, b) => timestamp(b.sentAt) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`Checks for ${date}`}
        extra={
          <Select
            aria-label="State"
            allowClear
            placeholder="Any state"
            style={{ width: 160 }}
            value={state}
            onChange={setState}
            options={STATES.map((s) => ({ value: s, label: s }))}
          />
        }
      >
        <Table<CheckView>
          rowKey="id"
          size="small"
          dataSource={checks}
          data-testid="eligibility-checks"
          onRow={(c) => ({ onClick: () => setOpen(c), className: 'clickable-row' })}
          columns={[
            {
              title: 'Patient',
              render: (_, c) => (
                <Link to={`/patients/${c.patientId}`} onClick={(e) => e.stopPropagation()}>
                  {c.patientName || `patient ${c.patientId}`}
                </Link>
              ),
            },
            { title: 'Payer', render: (_, c) => c.payerName ?? '—' },
            { title: 'Member ID', dataIndex: 'memberId' },
            { title: 'Answer', render: (_, c) => <StatusTag check={c} /> },
            {
              title: 'Warnings',
              render: (_, c) =>
                warningsOf(c).map((w) => (
                  <Tag key={w} color="gold">
                    {w}
                  </Tag>
                )),
            },
            { title: 'How', dataIndex: 'how' },
            { title: 'Asked', render: (_, c) => timestamp(c.askedAt) },
          ]}
        />
      </Card>
      <Drawer open={!!open} onClose={() => setOpen(undefined)} size={800} title="Benefits">
        {open && <BenefitsSummary check={open} />}
      </Drawer>
    </Flex>
  );
}

function targetValue(e: unknown): string {
  return (e as { target: { value: string } }).target.value;
}
