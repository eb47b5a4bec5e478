import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { CodeView } from '../api/types.ts';

const DEBOUNCE_MS = 300;

/** What a code field shows beside a code: its description, or why it is not valid. */
export interface CodeLabel {
  valid: boolean;
  text: string;
}

/**
 * Descriptions of the codes on the date of service, looked up together (POST /api/codes/validate),
 * so a list of codes reads as words. Without imported code sets it stays empty: the codes show bare.
 */
export function useCodeDescriptions(codes: readonly string[], dos: string, system?: string) {
  const [labels, setLabels] = useState<Record<string, CodeLabel>>({});
  const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()).filter(Boolean))].slice(0, 200);
  const key = wanted.join(',');

  useEffect(() => {
    if (!key) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<CodeView[]>('/api/codes/validate', {
          codes: key.split(','),
          dos,
          ...(system ? { system } : {}),
        })
        .then(
          (views) => {
            if (!live) return;
            const next: Record<string, CodeLabel> = {};
            key.split(',').forEach((code, i) => {
              const v = views[i];
              if (!v) return;
              const why = v.problems.map((p) => p.message).join('; ');
              next[code] = v.valid
                ? { valid: true, text: v.description ?? '' }
                : { valid: false, text: why || v.description || 'not valid' };
            });
            setLabels(next);
          },
          () => live && setLabels({}),
        );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, dos, system]);

  return (code: string | undefined): CodeLabel | undefined =>
    code ? labels[code.trim().toUpperCase()] : undefined;
}
