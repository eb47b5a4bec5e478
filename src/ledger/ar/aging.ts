import type { Cents } from '../../shared/money.ts';

// Aging of open balances, pure: given balances with their date of service and "today", which
// bucket each falls in. A/R ages from the date of service (MGMA's definition of A/R aging);
// statements use the shorter patient buckets with the same rule.

/** An aging bucket: days since the date of service, inclusive; `to` null means "and over". */
export interface AgingBucket {
  key: string;
  label: string;
  from: number;
  to: number | null;
}

/** The A/R aging buckets: 0–30, 31–60, 61–90, 91–120, over 120 days from the date of service. */
export const AR_BUCKETS: readonly AgingBucket[] = [
  { key: 'days0to30', label: '0–30', from: 0, to: 30 },
  { key: 'days31to60', label: '31–60', from: 31, to: 60 },
  { key: 'days61to90', label: '61–90', from: 61, to: 90 },
  { key: 'days91to120', label: '91–120', from: 91, to: 120 },
  { key: 'over120', label: 'Over 120', from: 121, to: null },
];

/** The buckets a patient statement shows: current, 31–60, 61–90, over 90. */
export const STATEMENT_BUCKETS: readonly AgingBucket[] = [
  { key: 'current', label: 'Current', from: 0, to: 30 },
  { key: 'days31to60', label: '31–60', from: 31, to: 60 },
  { key: 'days61to90', label: '61–90', from: 61, to: 90 },
  { key: 'over90', label: 'Over 90', from: 91, to: null },
];

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The index of the bucket a balance falls in; a date of service after today counts as current. */
export function bucketIndex(serviceDate: string, today: string, buckets: readonly AgingBucket[]): number {
  const days = Math.max(0, daysBetween(serviceDate, today));
  const i = buckets.findIndex((b) => days >= b.from && (b.to === null || days <= b.to));
  return i === -1 ? buckets.length - 1 : i;
}

/** One open balance to age: a service line's insurance or patient balance. */
export interface OpenBalance {
  /** what the row is grouped by: a payer or a patient */
  key: string;
  label: string;
  serviceDate: string;
  cents: Cents;
}

export interface AgingRow {
  key: string;
  label: string;
  /** cents per bucket, in the buckets' order */
  buckets: Cents[];
  total: Cents;
}

export interface Aging {
  buckets: readonly AgingBucket[];
  rows: AgingRow[];
  totals: AgingRow;
}

/**
 * Sums the balances into buckets per key. Zero balances are left out; a negative one (a credit)
 * is kept where it falls, so the totals still equal the ledger's. Rows are sorted by total,
 * largest first, then by label.
 */
export function ageBalances(
  balances: readonly OpenBalance[],
  today: string,
  buckets: readonly AgingBucket[] = AR_BUCKETS,
): Aging {
  const rows = new Map<string, AgingRow>();
  const totals: AgingRow = { key: 'total', label: 'Total', buckets: buckets.map(() => 0), total: 0 };
  for (const b of balances) {
    if (b.cents === 0) continue;
    let row = rows.get(b.key);
    if (!row)
      rows.set(b.key, (row = { key: b.key, label: b.label, buckets: buckets.map(() => 0), total: 0 }));
    const i = bucketIndex(b.serviceDate, today, buckets);
    row.buckets[i]! += b.cents;
    row.total += b.cents;
    totals.buckets[i]! += b.cents;
    totals.total += b.cents;
  }
  const sorted = [...rows.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  return { buckets, rows: sorted, totals };
}
