import { Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { User } from '../api/types.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { timestamp } from '../lists/format.ts';
import { usePractice } from '../practice/practice-context.ts';
import { UserForm } from './UserForm.tsx';

/** The users of the practices this admin administers, and their roles in each. */
export function UsersPage() {
  const { practices } = usePractice();
  const [users, setUsers] = useState<User[]>([]);
  const [q, setQ] = useState('');
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<User | 'new'>();

  const reload = useCallback(() => {
    api
      .get<User[]>('/api/users')
      .then(setUsers, (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load users'));
  }, []);
  useEffect(reload, [reload]);

  const practiceName = (id: number) => practices.find((p) => p.id === id)?.name ?? `practice ${id}`;
  const columns: TableColumnsType<User> = [
    { title: 'Name', dataIndex: 'name', key: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
    { title: 'Email', dataIndex: 'email', key: 'email', sorter: (a, b) => a.email.localeCompare(b.email) },
    {
      title: 'Roles',
      key: 'grants',
      render: (_, u) => [
        ...(u.installationAdmin
          ? [
              <Tag key="installation" color="purple">
                installation admin
              </Tag>,
            ]
          : []),
        ...u.grants.map((g) => (
          <Tag key={`${g.practiceId}-${g.role}`}>{`${g.role} · ${practiceName(g.practiceId)}`}</Tag>
        )),
      ],
    },
    {
      title: 'Active',
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) => (a ? <Tag color="green">active</Tag> : <Tag>inactive</Tag>),
    },
    { title: 'Last login', dataIndex: 'lastLoginAt', key: 'lastLoginAt', render: timestamp },
  ];
  const words = q.toLowerCase();
  const shown = users.filter(
    (u) => !words || u.name.toLowerCase().includes(words) || u.email.includes(words),
  );

  return (
    <>
      <ListToolbar
        title="Users"
        searchLabel="Search users"
        onSearch={setQ}
        onNew={() => setEditing('new')}
        newLabel="New user"
        error={error}
      />
      <Table<User>
        rowKey="id"
        size="middle"
        dataSource={shown}
        columns={columns}
        data-testid="users-table"
        onRow={(u) => ({ onClick: () => setEditing(u), className: 'clickable-row' })}
      />
      <UserForm
        open={editing !== undefined}
        user={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          reload();
        }}
      />
    </>
  );
}
