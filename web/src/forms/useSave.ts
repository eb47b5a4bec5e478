import type { TSchema } from '@sinclair/typebox';
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiProblem, type FieldError } from '../api/problem.ts';
import { checkBody } from './check.ts';
import { showFieldErrors, type FieldFor } from './field-errors.ts';

export interface SaveState {
  busy: boolean;
  /** What no field can show: the problem's detail, or errors about fields the form does not have. */
  error: string | undefined;
  save<T>(schema: TSchema, body: unknown, send: () => Promise<T>): Promise<T | undefined>;
  fail(errors: FieldError[]): void;
  clear(): void;
}

/** Checks a body with the server's schema, sends it, and shows every error beside its field. */
export function useSave(form: FormInstance, fieldFor: FieldFor): SaveState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const fail = useCallback(
    (errors: FieldError[], detail?: string) => {
      const rest = showFieldErrors(form, errors, fieldFor);
      const text = rest.map((e) => `${e.pointer ? `${e.pointer.slice(1)} ` : ''}${e.detail}`).join('; ');
      setError(text || (errors.length ? undefined : detail));
    },
    [form, fieldFor],
  );

  const save = useCallback(
    async <T>(schema: TSchema, body: unknown, send: () => Promise<T>) => {
      const errors = checkBody(schema, body);
      if (errors.length) {
        fail(errors, 'check the highlighted fields');
        return undefined;
      }
      fail([]);
      setBusy(true);
      try {
        return await send();
      } catch (e) {
        if (e instanceof ApiProblem) fail(e.errors, e.message);
        else setError('the server did not answer; try again');
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  return { busy, error, save, fail, clear: () => setError(undefined) };
}
