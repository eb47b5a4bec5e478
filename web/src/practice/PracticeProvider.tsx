import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { Practice } from '../api/types.ts';
import { PracticeContext } from './practice-context.ts';

const STORAGE_KEY = 'cleanclaim.practiceId';

/** Loads the practices the user is granted and remembers the chosen one in localStorage. */
export function PracticeProvider({ children }: { children: ReactNode }) {
  const [practices, setPractices] = useState<Practice[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [chosen, setChosen] = useState<number>(() => Number(localStorage.getItem(STORAGE_KEY)));

  const reload = useCallback(async () => {
    setPractices(await api.get<Practice[]>('/api/practices'));
    setLoaded(true);
  }, []);

  useEffect(() => {
    reload().catch(() => setLoaded(true));
  }, [reload]);

  const state = useMemo(() => {
    const current = practices.find((p) => p.id === chosen) ?? practices[0];
    return {
      practices,
      loaded,
      current,
      reload,
      choose: (id: number) => {
        localStorage.setItem(STORAGE_KEY, String(id));
        setChosen(id);
      },
    };
  }, [practices, loaded, chosen, reload]);

  return <PracticeContext.Provider value={state}>{children}</PracticeContext.Provider>;
}
