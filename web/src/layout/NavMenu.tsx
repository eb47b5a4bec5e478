import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { hasRole } from '../auth/access.ts';
import { useSession } from '../auth/session-context.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { PAGES, type PageDef } from './pages.tsx';

const GROUPS: NonNullable<PageDef['group']>[] = ['Records', 'Workflows', 'Practice setup', 'Admin'];

/** The navigation: only the pages the user's roles in the current practice open. */
export function NavMenu() {
  const { user } = useSession();
  const practiceId = usePracticeId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = PAGES.filter((p) => p.group && hasRole(user, practiceId, p.roles));
  const items: MenuProps['items'] = GROUPS.map((group) => ({
    type: 'group' as const,
    key: group,
    label: group,
    children: visible
      .filter((p) => p.group === group)
      .map((p) => ({ key: p.path, icon: p.icon, label: p.label })),
  })).filter((g) => g.children.length > 0);
  // the longest match: /denials/dashboard is the dashboard's item, not the denials'
  const selected = visible
    .map((p) => p.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Menu
      mode="inline"
      theme="dark"
      aria-label="Main navigation"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => navigate(key)}
    />
  );
}
