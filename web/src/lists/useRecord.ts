import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

/** Loads one record by its API path; reload after an edit. */
export function useRecord<T>(path: string | undefined) {
  const [record, setRecord] = useState<T>();
  const [error, setError] = useState<ApiProblem>();

  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setRecord(await api.get<T>(path));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiProblem ? e : new ApiProblem(0, 'Error', 'could not load'));
    }
  }, [path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { record, error, reload, setRecord };
}
