import { App as AntApp, ConfigProvider } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { SessionGate } from './auth/SessionGate.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { AppRoutes } from './layout/AppRoutes.tsx';
import { PracticeProvider } from './practice/PracticeProvider.tsx';
import { theme } from './theme.ts';

export function App() {
  return (
    <ConfigProvider theme={theme}>
      <AntApp>
        <BrowserRouter>
          <SessionGate>
            <PracticeProvider>
              <AppLayout>
                <AppRoutes />
              </AppLayout>
            </PracticeProvider>
          </SessionGate>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
