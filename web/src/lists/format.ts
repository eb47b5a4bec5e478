import { formatDollars } from '../../../src/shared/money.ts';

/** Cents as a dollar amount for a table cell: $1,234.50. */
export function dollars(cents: number): string {
  const [whole = '0', fraction = '00'] = formatDollars(cents).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  return `${negative ? '-' : ''}$${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

export function personName(p: {
  lastName: string;
  firstName: string;
  middleName?: string | null | undefined;
}): string {
  return `${p.lastName}, ${p.firstName}${p.middleName ? ` ${p.middleName.charAt(0)}.` : ''}`;
}

export function phone(value: string | null | undefined): string {
  return value && value.length === 10
    ? `(${value.slice(0, 3)}) ${value.slice(3, 6)}-${value.slice(6)}`
    : (value ?? '');
}

export function timestamp(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** A ZIP or ZIP+4 as printed: 62701 or 62701-1234. */
export function zip(value: string | null | undefined): string {
  return value && value.length === 9 ? `${value.slice(0, 5)}-${value.slice(5)}` : (value ?? '');
}
