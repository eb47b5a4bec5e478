import { App as AntApp, ConfigProvider } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionGate } from './auth/SessionGate.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { AppRoutes } from './layout/AppRoutes.tsx';
import { PracticeProvider } from './practice/PracticeProvider.tsx';
import { theme } from './theme.ts';

// The salary explorer is public (no login), so it sits outside the session gate.
const SalaryExplorerPage = lazy(() => import('./workforce/SalaryExplorerPage.tsx'));

export function App() {
  return (
    <ConfigProvider theme={theme}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route
              path="/salary"
              element={
                <Suspense>
                  <SalaryExplorerPage />
                </Suspense>
              }
            />
            <Route
              path="*"
              element={
                <SessionGate>
                  <PracticeProvider>
                    <AppLayout>
                      <AppRoutes />
                    </AppLayout>
                  </PracticeProvider>
                </SessionGate>
              }
            />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
