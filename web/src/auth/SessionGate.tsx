import { Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { LoginPage } from './LoginPage.tsx';
import { SessionContext } from './session-context.ts';

/** Resumes the session from the cookie; shows the login page until there is one. */
export function SessionGate({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const accept = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? '');
    setSession(next);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => accept(null));
    api.get<Session>('/api/auth/session').then(accept, () => accept(null));
  }, [accept]);

  const state = useMemo(
    () =>
      session
        ? {
            user: session.user,
            logout: async () => {
              await api.post('/api/auth/logout').catch(() => undefined);
              accept(null);
            },
          }
        : undefined,
    [session, accept],
  );

  if (session === undefined) return <Spin fullscreen description="Loading" />;
  if (!state) return <LoginPage onLoggedIn={accept} />;
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
