import { useEffect, useState } from 'react';
import { api, type Query } from '../api/client.ts';
import type { ListResult } from '../api/types.ts';
import { usePracticeId } from '../practice/practice-context.ts';

export interface Option {
  value: number;
  label: string;
}

/** Choices for a select from a practice's master data (payers, providers, facilities): the first 200. */
export function useOptions<T extends { id: number }>(
  path: string,
  label: (row: T) => string,
  query: Query = {},
) {
  const practiceId = usePracticeId();
  const [rows, setRows] = useState<T[]>([]);
  const key = JSON.stringify(query);

  useEffect(() => {
    if (practiceId === undefined) return;
    let live = true;
    api
      .get<ListResult<T>>(path, { ...(JSON.parse(key) as Query), practiceId, pageSize: 200 })
      .then((r) => live && setRows(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [path, key, practiceId]);

  return { rows, options: rows.map((r): Option => ({ value: r.id, label: label(r) })) };
}
