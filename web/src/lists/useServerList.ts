import type { TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Query } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { ListResult } from '../api/types.ts';
import { usePracticeId } from '../practice/practice-context.ts';

interface Paging {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  filters: Record<string, string | undefined>;
}

/**
 * One list protocol for every page: the server pages, sorts, filters and searches
 * (page, pageSize, sort, order, q, practiceId and the list's own filters).
 */
export function useServerList<T extends object>(
  path: string,
  fixed: Query = {},
  initialSort?: { sort: string; order: 'asc' | 'desc' },
) {
  const practiceId = usePracticeId();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 25, filters: {}, ...initialSort });
  const [q, setQ] = useState('');
  const [result, setResult] = useState<ListResult<T>>({ items: [], total: 0, page: 1, pageSize: 25 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const fixedKey = JSON.stringify(fixed);

  const query = useMemo<Query>(
    () => ({
      ...(JSON.parse(fixedKey) as Query),
      ...paging.filters,
      page: paging.page,
      pageSize: paging.pageSize,
      sort: paging.sort,
      order: paging.order,
      q,
      practiceId,
    }),
    [fixedKey, paging, q, practiceId],
  );

  useEffect(() => {
    if (practiceId === undefined) return;
    let live = true;
    setLoading(true);
    api
      .get<ListResult<T>>(path, query)
      .then(
        (r) => live && (setResult(r), setError(undefined)),
        (e: unknown) => live && setError(e instanceof ApiProblem ? e.message : 'could not load the list'),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, query, practiceId, version]);

  const onChange = useCallback<NonNullable<TableProps<T>['onChange']>>((pagination, filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    setPaging({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 25,
      sort: s?.order ? String(s.columnKey) : undefined,
      order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
      filters: Object.fromEntries(
        Object.entries(filters).map(([k, v]) => [k, v?.[0] === undefined ? undefined : String(v[0])]),
      ),
    });
  }, []);

  const search = useCallback((text: string) => {
    setQ(text.trim());
    setPaging((p) => ({ ...p, page: 1 }));
  }, []);

  const tableProps: TableProps<T> = {
    rowKey: 'id',
    size: 'middle',
    dataSource: result.items,
    loading,
    onChange,
    pagination: {
      current: result.page,
      pageSize: result.pageSize,
      total: result.total,
      showSizeChanger: true,
      pageSizeOptions: [10, 25, 50, 100, 200],
      showTotal: (total, [from, to]) => `${from}–${to} of ${total}`,
    },
  };

  return { tableProps, query, search, error, reload: () => setVersion((v) => v + 1) };
}
