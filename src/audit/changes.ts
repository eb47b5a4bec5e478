import { formatDollars } from '../shared/money.ts';

/** One line of an audit event's change list: the field (a readable path), its value before and after. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * Written by the database on every save (service lines are stored anew) or implied by the record
 * and the list position: never what the person changed.
 */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'practiceId', 'encounterId', 'lineNumber']);

/** A field name in words: camelCase split, "Cents" dropped (the value is shown in dollars). */
function words(key: string): string {
  return key
    .replace(/Cents$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function display(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number' && key.endsWith('Cents')) return `$${formatDollars(value)}`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

const SHOWN = 8;
const scalar = (v: unknown) => v === null || typeof v !== 'object';

/**
 * Scalars by readable path: "service lines 2 › units"; list positions count from 1, as billers do.
 * `lists`: a list of plain values reads as one line ("ids: 41, 40, … (25 in all)").
 */
function flatten(value: unknown, path: string, key: string, out: Map<string, string>, lists = false): void {
  if (Array.isArray(value) && lists && value.every(scalar)) {
    const shown = value.slice(0, SHOWN).map((v) => display(key, v));
    out.set(
      path,
      value.length > SHOWN ? `${shown.join(', ')}, … (${value.length} in all)` : shown.join(', ') || '—',
    );
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '—');
    value.forEach((v, i) => flatten(v, `${path} ${i + 1}`, key, out, lists));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (BOOKKEEPING.has(k)) continue;
      flatten(v, path ? `${path} › ${words(k)}` : words(k), k, out, lists);
    }
  } else if (path) out.set(path, display(key, value));
}

/**
 * Pure: an audit event's before and after as the list of fields that changed, in the order they
 * appear (after's order, then fields only before had). A creation lists what was set, a deletion
 * what was removed; a field absent on one side reads "—".
 */
export function changesOf(before: unknown, after: unknown): FieldChange[] {
  const was = new Map<string, string>();
  const now = new Map<string, string>();
  flatten(before, '', '', was);
  flatten(after, '', '', now);
  const fields = [...now.keys(), ...[...was.keys()].filter((k) => !now.has(k))];
  return fields
    .map((field) => ({ field, before: was.get(field) ?? '—', after: now.get(field) ?? '—' }))
    .filter((c) => c.before !== c.after);
}

/** Pure: an event's detail (what was read, exported or searched) as "field: value" lines. */
export function detailLines(detail: unknown): string[] {
  const out = new Map<string, string>();
  flatten(detail, '', '', out, true);
  return [...out].map(([field, value]) => `${field}: ${value}`);
}
