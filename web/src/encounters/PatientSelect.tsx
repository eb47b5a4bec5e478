import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { ListResult, Patient } from '../api/types.ts';
import type { Option } from '../lists/useOptions.ts';
import { personName } from '../lists/format.ts';
import { usePracticeId } from '../practice/practice-context.ts';

const optionOf = (p: Patient): Option => ({
  value: p.id,
  label: `${personName(p)} · ${p.accountNumber} · ${p.dateOfBirth}`,
});

interface Props {
  id?: string;
  value?: number;
  onChange?: (id: number) => void;
}

/** Finds a patient by name or account number as the user types (the server searches). */
export function PatientSelect({ id, value, onChange }: Props) {
  const practiceId = usePracticeId();
  const [options, setOptions] = useState<Option[]>([]);
  const [q, setQ] = useState('');

  useEffect(() => {
    if (practiceId === undefined) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<ListResult<Patient>>('/api/patients', { practiceId, q, pageSize: 20 })
        .then((r) => live && setOptions(r.items.map(optionOf)))
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [practiceId, q]);

  // The chosen patient may not be in the current search results: fetch it for its label.
  useEffect(() => {
    if (value === undefined || options.some((o) => o.value === value)) return;
    api
      .get<Patient>(`/api/patients/${value}`)
      .then((p) => setOptions((os) => [optionOf(p), ...os]))
      .catch(() => undefined);
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Select
      id={id}
      aria-label="Patient"
      data-testid="patient-select"
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="Search by name or account number"
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
