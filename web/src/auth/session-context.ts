import { createContext, useContext } from 'react';
import type { SessionUser } from '../api/types.ts';

export interface SessionState {
  user: SessionUser;
  logout(): Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

/** The logged-in user; only used below SessionGate, which renders the login page otherwise. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionGate');
  return state;
}
