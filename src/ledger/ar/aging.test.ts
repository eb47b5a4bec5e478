import { describe, expect, it } from 'vitest';
import { AR_BUCKETS, STATEMENT_BUCKETS, ageBalances, bucketIndex, daysBetween } from './aging.ts';
import { daysInAr, netCollectionRate } from './measures.ts';
import { addDays } from '../../shared/dates.ts';

const today = '2026-12-03';
const ago = (days: number) => addDays(today, -days);

describe('A/R aging buckets (days from the date of service)', () => {
  it.each([
    [0, '0–30'],
    [30, '0–30'],
    [31, '31–60'],
    [60, '31–60'],
    [61, '61–90'],
    [90, '61–90'],
    [91, '91–120'],
    [120, '91–120'],
    [121, 'Over 120'],
    [1000, 'Over 120'],
  ])('%i days old is %s', (days, label) => {
    expect(AR_BUCKETS[bucketIndex(ago(days), today, AR_BUCKETS)]!.label).toBe(label);
  });

  it('a date of service after today is current', () => {
    expect(bucketIndex(addDays(today, 5), today, AR_BUCKETS)).toBe(0);
  });

  it.each([
    [30, 'Current'],
    [31, '31–60'],
    [90, '61–90'],
    [91, 'Over 90'],
  ])('statement bucket: %i days is %s', (days, label) => {
    expect(STATEMENT_BUCKETS[bucketIndex(ago(days), today, STATEMENT_BUCKETS)]!.label).toBe(label);
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});

describe('ageBalances', () => {
  it('sums per key and bucket, drops zeros, keeps credits, sorts by total', () => {
    const aging = ageBalances(
      [
        { key: 'payer:1', label: 'Acme', serviceDate: ago(10), cents: 10_000 },
        { key: 'payer:1', label: 'Acme', serviceDate: ago(45), cents: 2_500 },
        { key: 'payer:2', label: 'Beta', serviceDate: ago(200), cents: 50_000 },
        { key: 'payer:2', label: 'Beta', serviceDate: ago(95), cents: -1_000 },
        { key: 'payer:3', label: 'Zero', serviceDate: ago(1), cents: 0 },
      ],
      today,
    );
    expect(aging.rows.map((r) => r.label)).toEqual(['Beta', 'Acme']);
    expect(aging.rows[1]!.buckets).toEqual([10_000, 2_500, 0, 0, 0]);
    expect(aging.rows[0]!.buckets).toEqual([0, 0, 0, -1_000, 50_000]);
    expect(aging.totals.buckets).toEqual([10_000, 2_500, 0, -1_000, 50_000]);
    expect(aging.totals.total).toBe(61_500);
  });

  it('ages with the statement buckets when asked', () => {
    const aging = ageBalances(
      [{ key: 'p', label: 'P', serviceDate: ago(100), cents: 700 }],
      today,
      STATEMENT_BUCKETS,
    );
    expect(aging.totals.buckets).toEqual([0, 0, 0, 700]);
  });
});

describe('days in A/R and net collection rate', () => {
  it('divides A/R by the average daily charges', () => {
    // $90,000 of charges in 90 days is $1,000 a day; $45,000 open is 45 days
    expect(daysInAr(4_500_000, 9_000_000)).toBe(45);
    expect(daysInAr(100, 0)).toBeNull();
  });

  it('divides payments by charges less contractual adjustments', () => {
    expect(netCollectionRate(57_000, 100_000, 40_000)).toBe(95);
    expect(netCollectionRate(1, 100, 100)).toBeNull();
    expect(netCollectionRate(1, 3, 0)).toBe(33.3);
  });
});
