import { Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { UserCreate, UserUpdate } from '../../../src/auth/schema.ts';
import { ROLES } from '../../../src/auth/roles.ts';
import { api } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { toBody } from '../forms/body.ts';
import { fieldsNamed, type FieldFor } from '../forms/field-errors.ts';
import { FormDrawer } from '../forms/FormDrawer.tsx';
import { useSave } from '../forms/useSave.ts';
import { usePractice } from '../practice/practice-context.ts';
import { useIsInstallationAdmin } from '../auth/useHasRole.ts';

const named = fieldsNamed(['email', 'name', 'password', 'active', 'installationAdmin']);
// The grants of the current practice are edited as one list of roles.
const fieldFor: FieldFor = (path) => (path[0] === 'grants' ? ['roles'] : named(path));
type Values = {
  email?: string;
  name?: string;
  password?: string;
  active?: boolean;
  installationAdmin?: boolean;
  roles?: string[];
};

interface Props {
  open: boolean;
  user?: User | undefined;
  onClose(): void;
  onSaved(): void;
}

/** A user and their roles in the current practice (grants in other practices stay as they are). */
export function UserForm({ open, user, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { current } = usePractice();
  const { busy, error, save, clear } = useSave(form, fieldFor);
  // Only an installation admin sees, grants or removes installation admin (the server refuses others).
  const installationAdmin = useIsInstallationAdmin();

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            name: user.name,
            email: user.email,
            active: user.active,
            installationAdmin: user.installationAdmin,
            roles: user.grants.filter((g) => g.practiceId === current?.id).map((g) => g.role),
          }
        : { active: true, installationAdmin: false, roles: [] },
    );
  }, [open, user, current, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = async (values: Values) => {
    const here = (values.roles ?? []).map((role) => ({ practiceId: current?.id, role }));
    const elsewhere = (user?.grants ?? []).filter((g) => g.practiceId !== current?.id);
    const { roles: _r, email, active, installationAdmin: flag, ...fields } = values;
    const schema = user ? UserUpdate : UserCreate;
    const body = toBody(schema, {
      ...fields,
      ...(user ? { active } : { email }),
      ...(installationAdmin && flag !== user?.installationAdmin ? { installationAdmin: flag } : {}),
      grants: [...elsewhere, ...here],
    });
    const saved = await save(schema, body, () =>
      user ? api.patch(`/api/users/${user.id}`, body) : api.post('/api/users', body),
    );
    if (saved) onSaved();
  };

  return (
    <FormDrawer
      title={user ? 'Edit user' : 'New user'}
      name="user"
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={onClose}
      onSave={onSave}
      width={520}
    >
      <Form.Item label="Email" name="email">
        <Input disabled={Boolean(user)} />
      </Form.Item>
      <Form.Item label="Name" name="name">
        <Input />
      </Form.Item>
      <Form.Item
        label={user ? 'New password' : 'Password'}
        name="password"
        extra={user ? 'Blank keeps the current password' : undefined}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={`Roles in ${current?.name ?? 'this practice'}`} name="roles">
        <Select mode="multiple" aria-label="Roles" options={ROLES.map((r) => ({ value: r, label: r }))} />
      </Form.Item>
      {user && (
        <Form.Item label="Active" name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      {installationAdmin && (
        <Form.Item
          label="Installation administrator"
          name="installationAdmin"
          valuePropName="checked"
          extra="Creates practices, imports code sets and CPT files, loads demo data and manages every user"
        >
          <Switch />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
