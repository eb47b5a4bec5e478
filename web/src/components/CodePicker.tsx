import { ReadOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Popover, Space } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { todayIso } from '../../../src/shared/dates.ts';
import type { CodeHit } from '../api/types.ts';
import { useCodeSearch } from '../coding/useCodeSearch.ts';
import { CodeFinder } from './CodeFinder.tsx';
import { CodeSuggestions } from './CodeSuggestions.tsx';
import { KIND_SYSTEMS, type CodeKind } from './codeKinds.ts';
import './CodePicker.css';

export interface CodePickerProps {
  /** the code in the field (a Form.Item passes value and onChange) */
  value?: string;
  onChange?(code: string): void;
  /** which code sets: diagnosis (ICD-10-CM), procedure (CPT/HCPCS), pcs-procedure (ICD-10-PCS), any */
  kind: CodeKind;
  /** date of service: search and verification use the releases in force on it (today when blank) */
  dos?: string | undefined;
  /** the input's accessible name, e.g. "Diagnosis 1" */
  'aria-label': string;
  /** the finder button's accessible name (default "Find code: <aria-label>") */
  finderLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  className?: string;
}

const SUGGESTIONS = 8;

/**
 * A code field: suggestions as the coder types (codes, descriptions, index terms), and a finder
 * (search, the alphabetic index, the tabular notes) for when the code is not known. A suggestion
 * that is not billable opens the finder on it, so the coder completes it there.
 */
export function CodePicker(props: CodePickerProps) {
  const { value = '', onChange, kind, disabled } = props;
  const dos = props.dos || todayIso();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [finder, setFinder] = useState<string>();
  const { hits } = useCodeSearch(open ? typed : '', dos, KIND_SYSTEMS[kind], SUGGESTIONS);
  const showing = open && hits.length > 0;

  const choose = (hit: CodeHit) => {
    setOpen(false);
    const code = hit.display.replace(/-$/, '');
    if (hit.billable) onChange?.(code);
    else setFinder(code);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!showing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]!);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <>
      <Space.Compact className={`code-picker ${props.className ?? ''}`}>
        <Popover
          open={showing}
          placement="bottomLeft"
          arrow={false}
          destroyOnHidden
          content={<CodeSuggestions hits={hits} active={active} onChoose={choose} />}
        >
          <Input
            id={props.id}
            aria-label={props['aria-label']}
            placeholder={props.placeholder}
            disabled={disabled}
            value={value}
            autoComplete="off"
            className="code-input"
            onChange={(e) => {
              onChange?.(e.target.value);
              setTyped(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
        </Popover>
        <Button
          aria-label={props.finderLabel ?? `Find code: ${props['aria-label']}`}
          icon={<ReadOutlined />}
          disabled={disabled}
          onClick={() => setFinder(value)}
        />
      </Space.Compact>
      <Modal
        title={`Find a code${props['aria-label'] ? ` · ${props['aria-label']}` : ''} (date of service ${dos})`}
        open={finder !== undefined}
        onCancel={() => setFinder(undefined)}
        footer={null}
        width={1180}
        destroyOnHidden
      >
        <CodeFinder
          kind={kind}
          dos={dos}
          initialQuery={finder ?? ''}
          onUse={(code) => {
            onChange?.(code);
            setFinder(undefined);
          }}
        />
      </Modal>
    </>
  );
}
