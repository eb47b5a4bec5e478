import { Input } from 'antd';
import { useState } from 'react';

interface Props {
  label: string;
  placeholder: string;
  /** Focused by the screen's key for it (D, P, I). */
  inputRef: { current: HTMLInputElement | null };
  /** What was typed, on Enter; the field is emptied. */
  onAdd(text: string): void;
}

/** A coding screen field that adds what is typed on Enter (a diagnosis, a line, a procedure). */
export function AddCodeInput({ label, placeholder, inputRef, onAdd }: Props) {
  const [text, setText] = useState('');
  return (
    <Input
      ref={(el) => {
        inputRef.current = el?.input ?? null;
      }}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => {
        onAdd(text);
        setText('');
      }}
    />
  );
}
