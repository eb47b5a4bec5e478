import type { TObject } from '@sinclair/typebox';
import { Form } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { toBody } from './body.ts';
import { fieldsNamed, type FieldFor } from './field-errors.ts';
import { FormDrawer } from './FormDrawer.tsx';
import { useSave } from './useSave.ts';

type Values = Record<string, unknown>;

interface Props<T> {
  /** 'provider', 'facility': the drawer reads "New provider" or "Edit provider". */
  label: string;
  /** API collection path, e.g. /api/providers. */
  path: string;
  schemas: { create: TObject; update: TObject };
  open: boolean;
  record?: T | undefined;
  onClose(): void;
  onSaved(record: T): void;
  /** Stored row → form values and back, where the form shows a field differently (dollars for cents). */
  toValues?: (record: T) => Values;
  fromValues?: (values: Values) => Values;
  fieldFor?: FieldFor;
  initialValues?: Values;
  children: ReactNode;
}

/** Create or edit one practice-owned record: the same steps for providers, facilities, payers and fees. */
export function RecordDrawer<T extends { id: number }>(props: Props<T>) {
  const { record, open, schemas } = props;
  const [form] = Form.useForm<Values>();
  const practiceId = usePracticeId();
  const fieldFor = props.fieldFor ?? fieldsNamed(Object.keys(schemas.update.properties));
  const { busy, error, save, clear } = useSave(form, fieldFor);

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(
      record ? (props.toValues?.(record) ?? (record as Values)) : (props.initialValues ?? {}),
    );
  }, [open, record, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = async (values: Values) => {
    const fields = props.fromValues?.(values) ?? values;
    const schema = record ? schemas.update : schemas.create;
    const body = toBody(schema, record ? fields : { practiceId, ...fields });
    const saved = await save(schema, body, () =>
      record ? api.patch<T>(`${props.path}/${record.id}`, body) : api.post<T>(props.path, body),
    );
    if (saved) props.onSaved(saved);
  };

  return (
    <FormDrawer
      title={`${record ? 'Edit' : 'New'} ${props.label}`}
      name={props.label.replace(/\W+/g, '-')}
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={props.onClose}
      onSave={onSave}
    >
      {props.children}
    </FormDrawer>
  );
}
