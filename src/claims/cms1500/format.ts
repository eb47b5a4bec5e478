import type { Cms1500Address, Cms1500PersonName } from './types.ts';

// Print formats of the NUCC 1500 manual (02/12): upper case, no punctuation in amounts,
// dollars and cents in separate columns.

/** Integer cents as the form's dollar and cents columns: 12345 -> { dollars: '123', cents: '45' }. */
export function splitCents(cents: number): { dollars: string; cents: string } {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new Error(`charge must be a non-negative integer of cents: ${cents}`);
  }
  return { dollars: String(Math.trunc(cents / 100)), cents: String(cents % 100).padStart(2, '0') };
}

/** YYYY-MM-DD as the form's month, day and year boxes (2- or 4-digit year). */
export function dateParts(iso: string): { mm: string; dd: string; yyyy: string; yy: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  const [, yyyy, mm, dd] = m as unknown as [string, string, string, string];
  return { mm, dd, yyyy, yy: yyyy.slice(2) };
}

/** MM DD YY, the 6-digit date with spaces the manual allows in items 24A and 31. */
export function shortDate(iso: string): string {
  const d = dateParts(iso);
  return `${d.mm} ${d.dd} ${d.yy}`;
}

/** Items 2 and 4: LAST, FIRST MIDDLE (a suffix follows the last name: SMITH JR, JOHN). */
export function lastFirstName(p: Cms1500PersonName): string {
  const last = p.suffix ? `${p.lastName} ${p.suffix}` : p.lastName;
  return upper([`${last},`, p.firstName, p.middleName ?? ''].filter(Boolean).join(' '));
}

/** Item 17: first name, middle initial, last name, then credentials. */
export function firstLastName(p: Cms1500PersonName & { credentials?: string | null }): string {
  const middle = p.middleName ? p.middleName.slice(0, 1) : '';
  const name = [p.firstName, middle, p.lastName, p.suffix ?? ''].filter(Boolean).join(' ');
  return upper(p.credentials ? `${name} ${p.credentials}` : name);
}

export function street(a: Cms1500Address): string {
  return upper(a.line2 ? `${a.line1} ${a.line2}` : a.line1);
}

export function cityStateZip(a: Cms1500Address): string {
  return upper(`${a.city} ${a.state} ${a.zip}`);
}

/** 10-digit phone as the area code box and the number: ('555', '1234567'). */
export function phoneParts(phone: string | null | undefined): { area: string; number: string } | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length !== 10) return null;
  return { area: digits.slice(0, 3), number: digits.slice(3) };
}

export function upper(text: string): string {
  return text.toUpperCase().replace(/\s+/g, ' ').trim();
}
