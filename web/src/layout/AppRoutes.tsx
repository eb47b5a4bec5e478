import { Result, Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { hasRole } from '../auth/access.ts';
import { ForbiddenPage } from '../auth/ForbiddenPage.tsx';
import { useSession } from '../auth/session-context.ts';
import { usePractice } from '../practice/practice-context.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PAGES } from './pages.tsx';

/** Each page behind the roles it declares: without them the user sees the 403 page. */
export function AppRoutes() {
  const { user } = useSession();
  const { loaded, current } = usePractice();
  const practiceId = current?.id;
  if (!loaded) return <Spin />;
  if (!current)
    return (
      <Result
        status="warning"
        title="You are not granted any practice"
        subTitle="Ask an administrator to grant you a role."
      />
    );
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/patients" replace />} />
      {PAGES.map((p) => (
        <Route
          key={p.path}
          path={p.path}
          element={hasRole(user, practiceId, p.roles) ? p.element : <ForbiddenPage />}
        />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
