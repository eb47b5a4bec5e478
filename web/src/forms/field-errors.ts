import type { FormInstance } from 'antd';
import type { FieldError } from '../api/problem.ts';

export type FieldPath = (string | number)[];

/** '/serviceLines/0/chargeCents' → ['serviceLines', 0, 'chargeCents'] (RFC 6901). */
export function pathOf(pointer: string): FieldPath {
  if (!pointer || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where a form shows the error for an API field; undefined when the form has no such field. */
export type FieldFor = (path: FieldPath) => FieldPath | undefined;

/** The usual mapping: the form's fields are named as the API's, and these top-level ones are shown. */
export function fieldsNamed(shown: string[], renames: Record<string, string> = {}): FieldFor {
  return (path) => {
    const [head] = path;
    if (typeof head !== 'string' || !shown.includes(renames[head] ?? head)) return undefined;
    return path.map((p) => (typeof p === 'string' ? (renames[p] ?? p) : p));
  };
}

/** Puts each error beside its field, clearing earlier ones; returns the errors no field of the form can show. */
export function showFieldErrors(form: FormInstance, errors: FieldError[], fieldFor: FieldFor): FieldError[] {
  const rest: FieldError[] = [];
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const { name, errors: shown } of form.getFieldsError()) {
    if (shown.length) byField.set(JSON.stringify(name), { name, errors: [] });
  }
  for (const e of errors) {
    const name = fieldFor(pathOf(e.pointer));
    if (!name || name.length === 0) {
      rest.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.detail);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return rest;
}
