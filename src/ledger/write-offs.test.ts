import { describe, expect, it } from 'vitest';
import { spreadWriteOff } from './write-offs.ts';

describe('spreadWriteOff', () => {
  it('fills the open lines in claim line order, skipping lines with nothing open', () => {
    const lines = [
      { serviceLineId: 1, openCents: 300 },
      { serviceLineId: 2, openCents: 0 },
      { serviceLineId: 3, openCents: -50 },
      { serviceLineId: 4, openCents: 500 },
    ];
    expect(spreadWriteOff(lines, 650)).toEqual([
      { serviceLineId: 1, amountCents: 300 },
      { serviceLineId: 4, amountCents: 350 },
    ]);
    expect(spreadWriteOff(lines, 100)).toEqual([{ serviceLineId: 1, amountCents: 100 }]);
  });
});
