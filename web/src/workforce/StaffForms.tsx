import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ROLES } from '../../../src/auth/roles.ts';
import type { StaffCredentialRow, StaffView } from '../../../src/workforce/staff-store.ts';
import { CREDENTIALS, CredentialBody, StaffBody } from '../../../src/workforce/staff-schema.ts';
import { api } from '../api/client.ts';
import { toBody } from '../forms/body.ts';
import { centsOrAsTyped } from '../forms/dollars.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { fieldsNamed } from '../forms/field-errors.ts';
import { FormDrawer } from '../forms/FormDrawer.tsx';
import { useSave } from '../forms/useSave.ts';
import { formatDollars } from '../../../src/shared/money.ts';

// The manager's forms of the staff page: a person's record (pay in dollars typed, cents sent) and
// their credentials.

type StaffValues = Record<string, unknown> & { payType?: string; exempt?: boolean };

const staffFields = fieldsNamed(
  Object.keys(StaffBody.properties).map((k) =>
    k === 'rateCents' ? 'rate' : k === 'annualSalaryCents' ? 'salary' : k,
  ),
  {
    rateCents: 'rate',
    annualSalaryCents: 'salary',
  },
);

interface StaffFormProps {
  open: boolean;
  practiceId: number;
  member?: StaffView | undefined;
  logins: { id: number; name: string | null }[];
  onClose(): void;
  onSaved(): void;
}

export function StaffForm({ open, practiceId, member, logins, onClose, onSaved }: StaffFormProps) {
  const [form] = Form.useForm<StaffValues>();
  const { busy, error, save, clear } = useSave(form, staffFields);
  const payType = Form.useWatch('payType', form);
  const exempt = Form.useWatch('exempt', form);

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(
      member
        ? {
            ...member,
            rate: member.rateCents == null ? undefined : formatDollars(member.rateCents),
            salary: member.annualSalaryCents == null ? undefined : formatDollars(member.annualSalaryCents),
          }
        : { payType: 'hourly', exempt: false, remote: false, role: 'coder', workSetting: '621100' },
    );
  }, [open, member, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = async (values: StaffValues) => {
    const { rate, salary, ...rest } = values;
    const hourly = values.payType === 'hourly';
    const body = toBody(StaffBody, {
      ...rest,
      practiceId,
      exempt: Boolean(values.exempt),
      remote: Boolean(values.remote),
      rateCents: hourly ? centsOrAsTyped(rate) : null,
      annualSalaryCents: hourly ? null : centsOrAsTyped(salary),
      salariedHoursPerWeek: hourly || values.exempt ? null : values.salariedHoursPerWeek,
    });
    const saved = await save(StaffBody, body, () =>
      member ? api.put(`/api/staff/${member.id}`, body) : api.post('/api/staff', body),
    );
    if (saved) onSaved();
  };

  return (
    <FormDrawer
      title={member ? `Edit ${member.name}` : 'New staff member'}
      name="staff"
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={onClose}
      onSave={onSave}
      width={560}
    >
      <Form.Item label="Name" name="name">
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item label="Role" name="role">
          <Select
            style={{ width: 140 }}
            aria-label="Role"
            options={ROLES.map((r) => ({ value: r, label: r }))}
          />
        </Form.Item>
        <Form.Item label="Job title" name="jobTitle">
          <Input placeholder="Senior coder" />
        </Form.Item>
      </Space>
      <Form.Item
        label="Login"
        name="userId"
        extra="The person's login: they may then see their own record and enter their time"
      >
        <Select
          allowClear
          aria-label="Login"
          options={logins.map((l) => ({ value: l.id, label: l.name ?? `user ${l.id}` }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label="Pay" name="payType">
          <Select
            style={{ width: 140 }}
            aria-label="Pay"
            options={[
              { value: 'hourly', label: 'Hourly' },
              { value: 'salaried', label: 'Salaried' },
            ]}
          />
        </Form.Item>
        {payType === 'hourly' ? (
          <Form.Item label="Hourly rate ($)" name="rate">
            <Input style={{ width: 140 }} />
          </Form.Item>
        ) : (
          <Form.Item label="Annual salary ($)" name="salary">
            <Input style={{ width: 160 }} />
          </Form.Item>
        )}
        {payType === 'salaried' && (
          <Form.Item label="Exempt from overtime" name="exempt" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {payType === 'salaried' && !exempt && (
          <Form.Item label="Hours the salary covers a week" name="salariedHoursPerWeek">
            <InputNumber min={1} max={40} />
          </Form.Item>
        )}
      </Space>
      <Space wrap>
        <Form.Item label="State" name="state">
          <Input style={{ width: 70 }} maxLength={2} />
        </Form.Item>
        <Form.Item label="Remote" name="remote" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          label="Work setting (NAICS)"
          name="workSetting"
          extra="621100 physicians' offices, 622100 hospitals"
        >
          <Input style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item label="Hired" name="hireDate">
          <DateInput aria-label="Hired" />
        </Form.Item>
        <Form.Item label="Left" name="endDate">
          <DateInput aria-label="Left" />
        </Form.Item>
      </Space>
    </FormDrawer>
  );
}

const credentialFields = fieldsNamed(Object.keys(CredentialBody.properties));

/** Whether a credential needs attention: expired, or expiring within 90 days. */
export function expiryColor(expiresOn: string | null, today: string): string | undefined {
  if (!expiresOn) return undefined;
  if (expiresOn < today) return 'red';
  const days = (Date.parse(expiresOn) - Date.parse(today)) / 86_400_000;
  return days <= 90 ? 'orange' : 'green';
}

interface CredentialsProps {
  open: boolean;
  practiceId: number;
  member: StaffView | undefined;
  today: string;
  onClose(): void;
  onChanged(): void;
}

/** A person's credentials: each renewed or removed, and a new one added. */
export function CredentialsDrawer({ open, practiceId, member, today, onClose, onChanged }: CredentialsProps) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [editing, setEditing] = useState<StaffCredentialRow>();
  const { busy, error, save, clear } = useSave(form, credentialFields);

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(editing ?? { credential: 'CPC', ceuRequired: 36, ceuEarned: 0 });
  }, [open, editing, form]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!member) return null;
  const onSave = async (values: Record<string, unknown>) => {
    const { id: _id, staffId: _s, createdAt: _c, updatedAt: _u, ...fields } = values;
    const body = toBody(CredentialBody, { ...fields, practiceId });
    const saved = await save(CredentialBody, body, () =>
      editing
        ? api.put(`/api/staff/credentials/${editing.id}`, body)
        : api.post(`/api/staff/${member.id}/credentials`, body),
    );
    if (saved) {
      setEditing(undefined);
      form.resetFields();
      onChanged();
    }
  };
  const remove = async (id: number) => {
    await api.delete(`/api/staff/credentials/${id}?practiceId=${practiceId}`);
    onChanged();
  };

  return (
    <FormDrawer
      title={`${member.name}: credentials`}
      name="credential"
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={() => {
        setEditing(undefined);
        onClose();
      }}
      onSave={onSave}
      width={640}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={member.credentials}
        style={{ marginBottom: 16 }}
        columns={[
          { title: 'Credential', dataIndex: 'credential' },
          { title: 'Number', dataIndex: 'number' },
          {
            title: 'Expires',
            dataIndex: 'expiresOn',
            render: (d: string | null) => (d ? <Tag color={expiryColor(d, today)}>{d}</Tag> : '—'),
          },
          { title: 'CEUs', render: (_, c) => `${c.ceuEarned} / ${c.ceuRequired}` },
          {
            title: '',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setEditing(c)}>
                  Renew
                </Button>
                <Popconfirm title={`Remove ${c.credential}?`} onConfirm={() => void remove(c.id)}>
                  <Button size="small" danger>
                    Remove
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Space wrap>
        <Form.Item label={editing ? `Renew ${editing.credential}` : 'Add credential'} name="credential">
          <Select
            style={{ width: 120 }}
            aria-label="Credential"
            showSearch
            options={CREDENTIALS.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item label="Specialty" name="specialty">
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="Number" name="number">
          <Input style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item label="Issued" name="issuedOn">
          <DateInput aria-label="Issued" />
        </Form.Item>
        <Form.Item label="Expires" name="expiresOn">
          <DateInput aria-label="Expires" />
        </Form.Item>
        <Form.Item label="CEUs required" name="ceuRequired">
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Form.Item label="CEUs earned" name="ceuEarned">
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Space>
    </FormDrawer>
  );
}
