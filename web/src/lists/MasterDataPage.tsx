import { Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Role } from '../../../src/auth/roles.ts';
import type { Query } from '../api/client.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { useServerList } from './useServerList.ts';

export interface DrawerProps<T> {
  open: boolean;
  record?: T | undefined;
  onClose(): void;
  onSaved(record: T): void;
}

interface Props<T> {
  title: string;
  /** e.g. 'providers': the API path /api/providers and its export. */
  path: string;
  noun: string;
  columns: TableColumnsType<T>;
  writeRoles: Role[];
  fixed?: Query;
  Form(props: DrawerProps<T>): ReactNode;
}

/** A practice's master-data list: server paging, sorting, filters, search, export, and a create/edit drawer. */
export function MasterDataPage<T extends { id: number }>({
  title,
  path,
  noun,
  columns,
  writeRoles,
  fixed,
  Form,
}: Props<T>) {
  const list = useServerList<T>(`/api/${path}`, fixed);
  const canWrite = useHasRole(writeRoles);
  const [editing, setEditing] = useState<T | 'new'>();

  return (
    <>
      <ListToolbar
        title={title}
        searchLabel={`Search ${title.toLowerCase()}`}
        onSearch={list.search}
        onNew={canWrite ? () => setEditing('new') : undefined}
        newLabel={`New ${noun}`}
        exportPath={`/api/${path}/export.csv`}
        query={list.query}
        error={list.error}
      />
      <Table<T>
        {...list.tableProps}
        columns={columns}
        data-testid={`${path}-table`}
        onRow={(r) => ({
          onClick: () => canWrite && setEditing(r),
          className: canWrite ? 'clickable-row' : '',
        })}
      />
      <Form
        open={editing !== undefined}
        record={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </>
  );
}
