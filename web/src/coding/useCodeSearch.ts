import { useEffect, useState } from 'react';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { CodeHit, CodeSetNotLoaded } from '../api/types.ts';

const DEBOUNCE_MS = 250;

/** The search path: one `system` parameter per code set searched (none: all of them). */
export function searchPath(q: string, dos: string, systems: readonly string[] = [], limit = 50): string {
  const path = withQuery('/api/codes/search', { q, dos, limit });
  return systems.reduce((p, s) => `${p}&system=${encodeURIComponent(s)}`, path);
}

/** Searches codes, descriptions, inclusion and index terms as the user types (debounced). */
export function useCodeSearch(q: string, dos: string, systems: readonly string[] = [], limit = 50) {
  const [hits, setHits] = useState<CodeHit[]>([]);
  const [notLoaded, setNotLoaded] = useState<CodeSetNotLoaded[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const systemsKey = systems.join(',');

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      setNotLoaded([]);
      setError(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<{ hits: CodeHit[]; notLoaded: CodeSetNotLoaded[] }>(
          searchPath(text, dos, systemsKey ? systemsKey.split(',') : [], limit),
        )
        .then(
          (r) => live && (setHits(r.hits), setNotLoaded(r.notLoaded), setError(undefined)),
          (e: unknown) => live && setError(e instanceof ApiProblem ? e.message : 'the search did not answer'),
        )
        .finally(() => live && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, dos, systemsKey, limit]);

  return { hits, notLoaded, loading, error };
}
