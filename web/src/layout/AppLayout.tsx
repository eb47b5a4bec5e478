import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PracticeSelector } from '../practice/PracticeSelector.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout className="app-layout">
      <Layout.Sider width={220} className="app-sider" breakpoint="lg" collapsedWidth={0}>
        <Typography.Title level={4} className="app-brand">
          cleanclaim
        </Typography.Title>
        <NavMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <PracticeSelector />
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
