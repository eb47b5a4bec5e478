import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag } from 'antd';
import { useSession } from '../auth/session-context.ts';
import { usePracticeId } from '../practice/practice-context.ts';

export function UserMenu() {
  const { user, logout } = useSession();
  const practiceId = usePracticeId();
  const roles = user.grants.filter((g) => g.practiceId === practiceId).map((g) => g.role);
  return (
    <Space>
      {roles.map((r) => (
        <Tag key={r} color="geekblue">
          {r}
        </Tag>
      ))}
      <Dropdown
        menu={{
          items: [
            { key: 'email', label: user.email, disabled: true },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: 'Log out', onClick: () => void logout() },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {user.name}
        </Button>
      </Dropdown>
    </Space>
  );
}
