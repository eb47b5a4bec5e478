import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { withQuery, type Query } from '../api/client.ts';

interface Props {
  title: string;
  searchLabel?: string;
  onSearch?: (text: string) => void;
  /** Shown only to roles that may create; absent otherwise. */
  onNew?: (() => void) | undefined;
  newLabel?: string;
  exportPath?: string;
  query?: Query;
  error?: string | undefined;
  extra?: ReactNode;
}

/** The header of every list page: title, search, filters, New and Export CSV. */
export function ListToolbar(props: Props) {
  const { page: _p, pageSize: _s, ...exportQuery } = props.query ?? {};
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap="small" className="list-toolbar">
        <Typography.Title level={3} className="page-title">
          {props.title}
        </Typography.Title>
        <Space wrap>
          {props.extra}
          {props.onSearch && (
            <Input.Search
              aria-label={props.searchLabel}
              placeholder={props.searchLabel}
              allowClear
              onSearch={props.onSearch}
              className="list-search"
            />
          )}
          {props.exportPath && (
            <Button icon={<DownloadOutlined />} href={withQuery(props.exportPath, exportQuery)}>
              Export CSV
            </Button>
          )}
          {props.onNew && (
            <Button type="primary" icon={<PlusOutlined />} onClick={props.onNew}>
              {props.newLabel ?? 'New'}
            </Button>
          )}
        </Space>
      </Flex>
      {props.error && <Alert type="error" title={props.error} showIcon className="form-alert" />}
    </>
  );
}
