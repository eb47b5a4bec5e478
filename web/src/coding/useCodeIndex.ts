import { useEffect, useState } from 'react';
import type { IndexTable } from '../../../src/codesets/book/indexBook.ts';
import type { IndexLookup } from '../../../src/codesets/book/lookUp.ts';
import { api, withQuery } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

export type IndexSystem = 'ICD-10-CM' | 'ICD-10-PCS';

export interface IndexQuery {
  system: IndexSystem;
  table: IndexTable;
  term: string;
  path?: readonly string[];
  dos: string;
  depth?: number;
}

const DEBOUNCE_MS = 250;

export function indexPath(q: IndexQuery): string {
  const base = withQuery('/api/codes/index', {
    system: q.system,
    table: q.system === 'ICD-10-PCS' ? undefined : q.table,
    term: q.term.trim(),
    dos: q.dos,
    depth: q.depth,
  });
  return (q.path ?? []).reduce((p, s) => `${p}&path=${encodeURIComponent(s)}`, base);
}

/** Looks a term up in the index as the user types (debounced); no request without a term. */
export function useCodeIndex(query: IndexQuery | undefined) {
  const [result, setResult] = useState<IndexLookup>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const path = query && query.term.trim() ? indexPath(query) : undefined;

  useEffect(() => {
    if (!path) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<IndexLookup>(path)
        .then(
          (r) => live && (setResult(r), setError(undefined)),
          (e: unknown) => live && setError(e instanceof ApiProblem ? e.message : 'the index did not answer'),
        )
        .finally(() => live && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [path]);

  return { result, loading, error };
}
