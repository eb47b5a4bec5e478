import { App, Button, Input, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

interface SavedFilter<F> {
  id: number;
  name: string;
  filter: F;
}

/**
 * A user's saved filters on one page (work-queues, denials, dashboard): pick one to apply it, or
 * save the current filter under a name (the same name again replaces it).
 */
export function SavedFilters<F extends object>({
  page,
  practiceId,
  filter,
  onPick,
}: {
  page: string;
  practiceId: number | undefined;
  filter: F;
  onPick(filter: F): void;
}) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState<SavedFilter<F>[]>([]);
  const [name, setName] = useState('');

  const load = useCallback(() => {
    if (!practiceId) return;
    api.get<{ items: SavedFilter<F>[] }>('/api/saved-filters', { page, practiceId }).then(
      (r) => setSaved(r.items),
      () => setSaved([]),
    );
  }, [page, practiceId]);
  useEffect(load, [load]);

  const save = async () => {
    try {
      await api.post('/api/saved-filters', { practiceId, page, name, filter });
      setName('');
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the filter was not saved');
    }
  };

  return (
    <>
      <Select
        aria-label="Saved filters"
        placeholder="Saved filters"
        style={{ width: 180 }}
        value={null}
        options={saved.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(id) => {
          const s = saved.find((x) => x.id === id);
          if (s) onPick(s.filter);
        }}
      />
      <Space.Compact>
        <Input
          aria-label="Filter name"
          placeholder="Save filter as"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button disabled={!name || !practiceId} onClick={() => void save()}>
          Save
        </Button>
      </Space.Compact>
    </>
  );
}
