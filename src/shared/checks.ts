import type { FieldError } from './field-error.ts';
import { todayIso } from './dates.ts';

// Cross-field date rules shared by the resources: the end is not before the start, and dates
// that describe the past (birth, service) are not in the future.
export function dateOrderErrors(row: Record<string, unknown>, start: string, end: string): FieldError[] {
  const from = row[start];
  const to = row[end];
  if (typeof from === 'string' && typeof to === 'string' && to < from) {
    return [{ pointer: `/${end}`, detail: `is before ${start} (${from})` }];
  }
  return [];
}

export function notInFutureErrors(
  row: Record<string, unknown>,
  fields: string[],
  today = todayIso(),
): FieldError[] {
  return fields
    .filter((f) => typeof row[f] === 'string' && (row[f] as string) > today)
    .map((f) => ({ pointer: `/${f}`, detail: `is in the future (today is ${today})` }));
}
