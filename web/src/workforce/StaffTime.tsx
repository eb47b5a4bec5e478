import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import type { StaffView, TimeEntryRow } from '../../../src/workforce/staff-store.ts';
import { addDays } from '../../../src/shared/dates.ts';
import { api, ApiProblem } from '../api/client.ts';

// Time worked: a week's days typed in hours (sent as minutes; the day typed before is replaced),
// the person's weekly totals, and for managers a time sheet imported from CSV (refused whole with
// every row's error shown).

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Monday of the week of a day. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

interface Props {
  practiceId: number;
  staff: StaffView[];
  manager: boolean;
  today: string;
}

export function StaffTime({ practiceId, staff, manager, today }: Props) {
  const [staffId, setStaffId] = useState<number | undefined>(staff[0]?.id);
  const [monday, setMonday] = useState(mondayOf(today));
  const [typed, setTyped] = useState<(number | null)[]>(Array(7).fill(null));
  const [weeks, setWeeks] = useState<{ week: string; minutes: number }[]>([]);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string; lines?: string[] }>();

  useEffect(() => {
    if (staffId === undefined && staff[0]) setStaffId(staff[0].id);
  }, [staff, staffId]);

  const load = useCallback(async () => {
    if (!staffId) return;
    const r = await api.get<{ days: TimeEntryRow[]; weeks: { week: string; minutes: number }[] }>(
      `/api/staff/${staffId}/time`,
      { practiceId, from: addDays(monday, -49), to: addDays(monday, 6) },
    );
    setWeeks(r.weeks);
    // The typed minutes of each day of the week shown (imported time is counted, not edited here).
    setTyped(
      WEEKDAYS.map((_, i) => {
        const day = r.days.find((d) => d.workDate === addDays(monday, i) && d.source === 'entry');
        return day ? hours(day.minutes) : null;
      }),
    );
  }, [staffId, practiceId, monday]);
  useEffect(() => void load(), [load]);

  const saveWeek = async () => {
    if (!staffId) return;
    const days = typed.map((h, i) => ({ workDate: addDays(monday, i), minutes: Math.round((h ?? 0) * 60) }));
    try {
      await api.put(`/api/staff/${staffId}/time`, { practiceId, days });
      setMessage({ type: 'success', text: `Week of ${monday} saved.` });
      await load();
    } catch (e) {
      setMessage({ type: 'error', text: e instanceof ApiProblem ? e.message : 'not saved; try again' });
    }
  };

  const importSheet = async (file: File) => {
    try {
      const r = await api.post<{ days: number; minutes: number }>('/api/staff/time/import', {
        practiceId,
        csv: await file.text(),
      });
      setMessage({
        type: 'success',
        text: `${file.name}: ${r.days} days, ${hours(r.minutes)} hours imported.`,
      });
      await load();
    } catch (e) {
      if (e instanceof ApiProblem)
        setMessage({
          type: 'error',
          text: `${file.name} was not imported (nothing was kept):`,
          lines: e.errors.map((x) => `${x.pointer.replace('/csv/', '')}: ${x.detail}`),
        });
    }
    return false;
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {manager && (
          <Select
            style={{ width: 220 }}
            aria-label="Staff member"
            value={staffId}
            onChange={setStaffId}
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <Input
          type="date"
          aria-label="Week of"
          value={monday}
          onChange={(e) => e.target.value && setMonday(mondayOf(e.target.value))}
        />
        {manager && (
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(f) => importSheet(f)}>
            <Button icon={<UploadOutlined />}>Import time sheet (CSV)</Button>
          </Upload>
        )}
      </Space>
      {message && (
        <Alert
          type={message.type}
          showIcon
          closable
          onClose={() => setMessage(undefined)}
          title={message.text}
          description={
            message.lines && (
              <ul data-testid="time-import-errors">
                {message.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Card size="small" title={`Hours worked, week of ${monday}`}>
        <Space wrap>
          {WEEKDAYS.map((d, i) => (
            <Space direction="vertical" size={2} key={d}>
              <Typography.Text type="secondary">
                {d} {addDays(monday, i).slice(5)}
              </Typography.Text>
              <InputNumber
                aria-label={`Hours ${d}`}
                min={0}
                max={24}
                step={0.25}
                style={{ width: 80 }}
                value={typed[i]}
                onChange={(v) => setTyped((t) => t.map((x, j) => (j === i ? v : x)))}
              />
            </Space>
          ))}
          <Button type="primary" onClick={() => void saveWeek()} disabled={!staffId}>
            Save week
          </Button>
        </Space>
      </Card>
      <Table
        size="small"
        rowKey="week"
        pagination={false}
        dataSource={[...weeks].reverse()}
        columns={[
          { title: 'Workweek (Mon–Sun)', dataIndex: 'week' },
          { title: 'Hours', dataIndex: 'minutes', render: (m: number) => hours(m) },
          {
            title: 'Over 40',
            dataIndex: 'minutes',
            render: (m: number) => (m > 2400 ? hours(m - 2400) : ''),
          },
        ]}
      />
      <Typography.Text type="secondary">
        A time sheet has columns staffId or staff (name), date (YYYY-MM-DD) and hours (7.5) or minutes, and an
        optional note; each row replaces that person&apos;s imported time for the day. Typed and imported time
        of one day add up.
      </Typography.Text>
    </Space>
  );
}
