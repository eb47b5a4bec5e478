import { useEffect, useRef } from 'react';

export interface QueueItem {
  id: number;
  encounterId: number;
  patientName: string;
  accountNumber: string;
  serviceDate: string;
  ageDays: number;
  providerName: string;
  specialty: string | null;
  chartType: string;
  priority: number;
  state: string;
  holdReason: string | null;
}

export const CHART_TYPES = [
  { value: 'em-visit', label: 'E/M visit' },
  { value: 'procedure', label: 'Procedure' },
  { value: 'surgery', label: 'Surgery' },
  { value: 'inpatient', label: 'Inpatient' },
];

export const STATE_COLORS: Record<string, string> = {
  queued: 'blue',
  'in-progress': 'gold',
  held: 'orange',
  query: 'purple',
  done: 'green',
};

/**
 * Single-key shortcuts for the page, ignored while typing in a field (Escape leaves the field).
 * Keys are lower-case letters; the latest handlers are used without re-binding.
 */
export function useKeys(handlers: Record<string, () => void>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === 'Escape' && target && target !== document.body) {
        target.blur();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const handler = latest.current[e.key.toLowerCase()];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export interface NoteSection {
  heading: string;
  start: number;
  end: number;
}

const HEADING = /^[ \t]*([A-Z][A-Za-z /&]{1,40}):/gm;

/**
 * A note's sections (Chief complaint, HPI, Assessment…): a line that starts with a heading and a
 * colon begins one. Offsets are into the note text, so highlighted evidence keeps its place.
 */
export function noteSections(text: string): NoteSection[] {
  const starts = [...text.matchAll(HEADING)].map((m) => ({ heading: m[1]!.trim(), start: m.index }));
  if (starts.length === 0 || starts[0]!.start > 0) starts.unshift({ heading: '', start: 0 });
  return starts.map((s, i) => ({ ...s, end: starts[i + 1]?.start ?? text.length }));
}

/** A diagnosis pointer as the CMS-1500 prints it: 1 is A. */
export const pointerLetter = (n: number) => String.fromCharCode(64 + n);

/** "AB" or "1,2" → [1, 2]. */
export function parsePointers(value: string): number[] {
  const v = value.trim().toUpperCase();
  if (/^[A-L]+$/.test(v)) return [...v].map((c) => c.charCodeAt(0) - 64);
  return v
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}
