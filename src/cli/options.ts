import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../shared/dates.ts';

export function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('not a whole number');
  return n;
}

export function dateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('not a date (YYYY-MM-DD)');
  return value;
}
