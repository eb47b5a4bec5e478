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

export function monthOption(value: string): string {
  if (!/^20\d{2}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('not a month (YYYY-MM)');
  return value;
}
