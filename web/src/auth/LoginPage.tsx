import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem } from '../api/client.ts';
import type { Session } from '../api/types.ts';

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const login = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      onLoggedIn(await api.post<Session>('/api/auth/login', values));
    } catch (e) {
      setError(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={2} className="brand-title">
          cleanclaim
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Medical billing and coding. Log in to your practice.
        </Typography.Paragraph>
        {error && (
          <Alert type="error" title={error} showIcon className="form-alert" data-testid="login-error" />
        )}
        <Form<Credentials> layout="vertical" onFinish={login} requiredMark={false} aria-label="Log in">
          <Form.Item label="Email" name="email" rules={[{ required: true, message: 'Enter your email' }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="Password"
            name="password"
            rules={[{ required: true, message: 'Enter your password' }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Log in
          </Button>
        </Form>
      </Card>
    </div>
  );
}
