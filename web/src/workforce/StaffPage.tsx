import { Alert, Button, Card, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Reminder } from '../../../src/workforce/staff.ts';
import type { StaffView } from '../../../src/workforce/staff-store.ts';
import { formatUsd } from '../../../src/shared/money.ts';
import { todayIso } from '../../../src/shared/dates.ts';
import { api } from '../api/client.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { CredentialsDrawer, StaffForm, expiryColor } from './StaffForms.tsx';
import { StaffTime } from './StaffTime.tsx';

// The team (issue 17): each person's role, pay, work setting and credentials, credential reminders
// and time worked. A manager sees and keeps everyone's record; anyone else sees only their own.

type Team = { manager: boolean; items: StaffView[] };
type Reminders = {
  today: string;
  items: Reminder[];
  open: { id: number; staffName: string; credential: string; kind: string; openedOn: string }[];
};

const payOf = (s: StaffView) =>
  s.payType === 'hourly'
    ? `${formatUsd(s.rateCents ?? 0)} an hour`
    : `${formatUsd(s.annualSalaryCents ?? 0)} a year, ${s.exempt ? 'exempt' : `non-exempt (${s.salariedHoursPerWeek} h a week)`}`;

export default function StaffPage() {
  const practiceId = usePracticeId();
  const [team, setTeam] = useState<Team>();
  const [reminders, setReminders] = useState<Reminders>();
  const [logins, setLogins] = useState<{ id: number; name: string | null }[]>([]);
  const [editing, setEditing] = useState<StaffView | 'new'>();
  const [credentialsOf, setCredentialsOf] = useState<number>();
  const today = reminders?.today ?? todayIso();

  const load = useCallback(async () => {
    if (!practiceId) return;
    const t = await api.get<Team>('/api/staff', { practiceId });
    setTeam(t);
    setReminders(await api.get<Reminders>('/api/staff/reminders', { practiceId }));
    if (t.manager)
      setLogins((await api.get<{ items: typeof logins }>('/api/staff/logins', { practiceId })).items);
  }, [practiceId]);
  useEffect(() => void load(), [load]);

  if (!practiceId || !team) return null;
  const dismiss = async (id: number) => {
    await api.post(`/api/staff/reminders/${id}/dismiss`, { practiceId });
    await load();
  };

  const staffTable = (
    <Table
      size="small"
      rowKey="id"
      data-testid="staff-table"
      pagination={false}
      dataSource={team.items}
      columns={[
        { title: 'Name', dataIndex: 'name' },
        { title: 'Role', render: (_, s) => (s.jobTitle ? `${s.jobTitle} (${s.role})` : s.role) },
        { title: 'Pay', render: (_, s) => payOf(s) },
        {
          title: 'Where',
          render: (_, s) =>
            `${s.state}${s.remote ? ', remote' : ''}${s.workSetting ? ` · ${s.workSetting}` : ''}`,
        },
        {
          title: 'Hired',
          dataIndex: 'hireDate',
          render: (d: string, s) => (s.endDate ? `${d} – ${s.endDate}` : d),
        },
        { title: 'Login', dataIndex: 'userName' },
        {
          title: 'Credentials',
          render: (_, s) =>
            s.credentials.map((c) => (
              <Tag
                key={c.id}
                color={expiryColor(c.expiresOn, today)}
                title={c.expiresOn ? `expires ${c.expiresOn}` : undefined}
              >
                {c.credential}
              </Tag>
            )),
        },
        ...(team.manager
          ? [
              {
                title: '',
                render: (_: unknown, s: StaffView) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing(s)}>
                      Edit
                    </Button>
                    <Button size="small" onClick={() => setCredentialsOf(s.id)}>
                      Credentials
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{team.manager ? 'Staff' : 'My record'}</Typography.Title>
      {!team.manager && team.items.length === 0 && (
        <Alert type="info" showIcon title="No staff record is linked to your login in this practice." />
      )}
      {reminders && reminders.items.length > 0 && (
        <Card size="small" title="Credential reminders (expiring within 90 days, or CEUs short)">
          <List
            size="small"
            data-testid="credential-reminders"
            dataSource={reminders.items}
            renderItem={(r) => (
              <List.Item>
                <Tag color={r.kind === 'ceu-short' ? 'gold' : r.kind === 'expired' ? 'red' : 'orange'}>
                  {r.kind}
                </Tag>
                {r.staffName}: {r.message}
              </List.Item>
            )}
          />
          {reminders.open.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Opened by the daily job:{' '}
              {reminders.open.map((o) => (
                <Tag key={o.id} closable onClose={() => void dismiss(o.id)}>
                  {o.staffName} {o.credential} {o.kind} (since {o.openedOn})
                </Tag>
              ))}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <Tabs
        items={[
          {
            key: 'staff',
            label: team.manager ? 'Staff' : 'Record',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {team.manager && (
                  <Button type="primary" onClick={() => setEditing('new')}>
                    New staff member
                  </Button>
                )}
                {staffTable}
                {team.manager && (
                  <Typography.Text type="secondary">
                    Pay and hours are personal: every time a manager opens this list or a record, the audit
                    log keeps it.
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'time',
            label: 'Time',
            children: (
              <StaffTime practiceId={practiceId} staff={team.items} manager={team.manager} today={today} />
            ),
          },
        ]}
      />
      <StaffForm
        open={editing !== undefined}
        practiceId={practiceId}
        member={editing === 'new' ? undefined : editing}
        logins={logins}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void load();
        }}
      />
      <CredentialsDrawer
        open={credentialsOf !== undefined}
        practiceId={practiceId}
        member={team.items.find((s) => s.id === credentialsOf)}
        today={today}
        onClose={() => setCredentialsOf(undefined)}
        onChanged={() => void load()}
      />
    </Space>
  );
}
