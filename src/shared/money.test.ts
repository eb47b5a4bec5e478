import { describe, expect, it } from 'vitest';
import { formatUsd } from './money.ts';

describe('formatUsd', () => {
  it('groups digits and puts the sign before the dollar sign', () => {
    expect([176650, -500, 0, 7, 100000000, -123456789].map(formatUsd)).toEqual([
      '$1,766.50',
      '-$5.00',
      '$0.00',
      '$0.07',
      '$1,000,000.00',
      '-$1,234,567.89',
    ]);
  });
});
