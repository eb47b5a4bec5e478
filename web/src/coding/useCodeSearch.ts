import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { CodeHit } from '../api/types.ts';

const DEBOUNCE_MS = 250;

/** Searches codes, descriptions, inclusion and index terms as the user types (debounced). */
export function useCodeSearch(q: string, dos: string) {
  const [hits, setHits] = useState<CodeHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      setError(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<CodeHit[]>('/api/codes/search', { q: text, dos, limit: 50 })
        .then(
          (r) => live && (setHits(r), setError(undefined)),
          (e: unknown) => live && setError(e instanceof ApiProblem ? e.message : 'the search did not answer'),
        )
        .finally(() => live && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, dos]);

  return { hits, loading, error };
}
