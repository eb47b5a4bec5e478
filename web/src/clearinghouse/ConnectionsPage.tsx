import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { timestamp } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface Connection {
  id: number;
  name: string;
  kind: 'sftp' | 'folder' | 'http';
  /** kind 'http': the real-time (270/271, 276/277) endpoint. */
  url: string | null;
  host: string | null;
  port: number | null;
  username: string | null;
  authMethod: 'password' | 'key' | null;
  password: 'set' | null;
  privateKey: 'set' | null;
  passphrase: 'set' | null;
  outboundDir: string;
  inboundDirs: string[];
  hostKeyFingerprint: string | null;
  hostKeyConfirmed: boolean;
  lastPolledAt: string | null;
}

interface TestResult {
  ok: boolean;
  folders?: { folder: string; files: string[] }[];
  hostKeyFingerprint: string | null;
  hostKeyConfirmed?: boolean;
  failure?: string;
  detail?: string;
}

type FormValues = Omit<Connection, 'id' | 'inboundDirs' | 'password' | 'privateKey' | 'passphrase'> & {
  inboundDirs?: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
};

/**
 * Connections to the clearinghouse (practice admins): SFTP with a pinned host key, a folder pair,
 * or an HTTP endpoint for real-time eligibility and claim status (its token is sealed, shown as "set").
 */
export function ConnectionsPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Connection[]>([]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<Connection | 'new'>();
  const [tested, setTested] = useState<{ connection: Connection; result: TestResult }>();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const authMethod = Form.useWatch('authMethod', form);
  const base = `/api/practices/${practiceId}/connections`;

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<Connection[]>(`/api/practices/${practiceId}/connections`).then(
      (r) => (setRows(r), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the connections'),
    );
  }, [practiceId]);
  useEffect(load, [load]);

  const open = (c: Connection | 'new') => {
    setEditing(c);
    form.resetFields();
    form.setFieldsValue(
      c === 'new'
        ? {
            kind: 'sftp',
            port: 22,
            authMethod: 'password',
            inboundDirs: '/inbound',
            outboundDir: '/outbound',
          }
        : {
            ...c,
            inboundDirs: c.inboundDirs.join(', '),
            password: undefined,
            privateKey: undefined,
            passphrase: undefined,
          },
    );
  };

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      inboundDirs: (v.inboundDirs ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      ...(v.password ? {} : { password: undefined }),
      ...(v.privateKey ? {} : { privateKey: undefined }),
      ...(v.passphrase ? {} : { passphrase: undefined }),
      // An HTTP endpoint has no folders; the others no URL.
      ...(v.kind === 'http' ? { outboundDir: undefined, inboundDirs: undefined } : { url: undefined }),
    };
    try {
      if (editing === 'new') await api.post(base, body);
      else await api.put(`${base}/${editing!.id}`, body);
      setEditing(undefined);
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the connection could not be saved');
    }
  };

  const test = async (connection: Connection) => {
    try {
      const result = await api.post<TestResult>(`${base}/${connection.id}/test`);
      setTested({ connection, result });
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the test could not run');
    }
  };

  const confirm = async () => {
    try {
      await api.post(`${base}/${tested!.connection.id}/confirm-host-key`, {
        fingerprint: tested!.result.hostKeyFingerprint,
      });
      message.success('host key confirmed: the connection is in use');
      setTested(undefined);
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the host key could not be confirmed');
    }
  };

  const poll = async (connection: Connection) => {
    try {
      await api.post(`${base}/${connection.id}/poll`);
      message.success('polling now: see the Inbox');
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the poll could not start');
    }
  };

  return (
    <Card
      title="Clearinghouse connections"
      extra={
        <Button type="primary" onClick={() => open('new')}>
          Add connection
        </Button>
      }
    >
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Table<Connection>
        rowKey="id"
        dataSource={rows}
        size="small"
        columns={[
          { title: 'Name', dataIndex: 'name' },
          { title: 'Kind', dataIndex: 'kind' },
          {
            title: 'Where',
            render: (_, c) =>
              c.kind === 'sftp'
                ? `${c.username}@${c.host}:${c.port}`
                : c.kind === 'http'
                  ? c.url
                  : c.outboundDir,
          },
          {
            title: 'Host key',
            render: (_, c) =>
              c.kind !== 'sftp' ? (
                '—'
              ) : c.hostKeyConfirmed ? (
                <Tag color="green">confirmed</Tag>
              ) : c.hostKeyFingerprint ? (
                <Tag color="gold">to confirm</Tag>
              ) : (
                <Tag>not seen yet</Tag>
              ),
          },
          {
            title: 'Last polled',
            dataIndex: 'lastPolledAt',
            render: (v: string | null) => (v ? timestamp(v) : '—'),
          },
          {
            title: '',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => open(c)}>
                  Edit
                </Button>
                <Button size="small" onClick={() => void test(c)}>
                  Test connection
                </Button>
                {c.kind !== 'http' && (
                  <Button size="small" onClick={() => void poll(c)}>
                    Poll now
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? 'Add connection' : 'Edit connection'}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="Name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="Kind">
            <Select
              options={[
                { value: 'sftp', label: 'SFTP' },
                { value: 'folder', label: 'Folder pair' },
                { value: 'http', label: 'HTTP (real-time eligibility and claim status)' },
              ]}
            />
          </Form.Item>
          {kind === 'sftp' && (
            <>
              <Form.Item name="host" label="Host" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="port" label="Port">
                <InputNumber min={1} max={65535} />
              </Form.Item>
              <Form.Item name="username" label="User name" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="authMethod" label="Log in with">
                <Select
                  options={[
                    { value: 'password', label: 'Password' },
                    { value: 'key', label: 'Private key' },
                  ]}
                />
              </Form.Item>
              {authMethod === 'password' ? (
                <Form.Item
                  name="password"
                  label="Password"
                  extra={editing !== 'new' && editing?.password ? 'set: leave empty to keep it' : undefined}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              ) : (
                <>
                  <Form.Item
                    name="privateKey"
                    label="Private key (OpenSSH format)"
                    extra={
                      editing !== 'new' && editing?.privateKey ? 'set: leave empty to keep it' : undefined
                    }
                  >
                    <Input.TextArea rows={4} />
                  </Form.Item>
                  <Form.Item name="passphrase" label="Passphrase (if the key has one)">
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                </>
              )}
            </>
          )}
          {kind === 'http' ? (
            <>
              <Form.Item
                name="url"
                label="URL"
                rules={[{ required: true }, { type: 'url', message: 'an http(s) address' }]}
              >
                <Input placeholder="https://clearinghouse.example/realtime" />
              </Form.Item>
              <Form.Item
                name="username"
                label="User name (optional)"
                extra="With a user name the secret goes as basic auth; without one, as a bearer token"
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="password"
                label="Token or password (optional)"
                extra={editing !== 'new' && editing?.password ? 'set: leave empty to keep it' : undefined}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="outboundDir"
                label="Outbound folder (batches go here)"
                rules={[{ required: true }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="inboundDirs"
                label="Inbound folders (comma separated)"
                rules={[{ required: true }]}
              >
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal
        open={!!tested}
        title={`Test of ${tested?.connection.name ?? ''}`}
        onCancel={() => setTested(undefined)}
        footer={
          tested?.result.hostKeyFingerprint && !tested.result.hostKeyConfirmed && tested.result.ok ? (
            <Button type="primary" onClick={() => void confirm()}>
              This is the clearinghouse's key: confirm
            </Button>
          ) : null
        }
      >
        {tested?.result.ok ? (
          <>
            {tested.result.hostKeyFingerprint && (
              <Typography.Paragraph>
                Host key:{' '}
                <Typography.Text code copyable>
                  {tested.result.hostKeyFingerprint}
                </Typography.Text>{' '}
                {tested.result.hostKeyConfirmed ? (
                  <Tag color="green">confirmed</Tag>
                ) : (
                  <Tag color="gold">compare it with the one your clearinghouse publishes</Tag>
                )}
              </Typography.Paragraph>
            )}
            {tested.result.detail && <Typography.Paragraph>{tested.result.detail}</Typography.Paragraph>}
            {tested.result.folders?.map((f) => (
              <Typography.Paragraph key={f.folder}>
                <Typography.Text strong>{f.folder}</Typography.Text>:{' '}
                {f.files.length ? f.files.join(', ') : 'empty'}
              </Typography.Paragraph>
            ))}
          </>
        ) : (
          <Alert type="error" message={tested?.result.failure} description={tested?.result.detail} />
        )}
      </Modal>
    </Card>
  );
}
