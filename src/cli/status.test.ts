import { describe, expect, it } from 'vitest';
import { describeStatusRun } from './status.ts';

describe('cleanclaim status run: one line per practice', () => {
  it('says what was asked, what was not due, and why a practice was not run', () => {
    expect(
      describeStatusRun({
        practiceId: 1,
        batchId: 7,
        inquiryCount: 12,
        fileName: '276-1-000000042.x12',
        notDue: 3,
      }),
    ).toBe(
      'practice 1: 276 276-1-000000042.x12 (batch 7) asks about 12 claims; 3 waiting for an 835 not due yet',
    );
    expect(describeStatusRun({ practiceId: 2, batchId: null, inquiryCount: 0, notDue: 0 })).toBe(
      'practice 2: no claim is due a status inquiry; 0 waiting for an 835 not due yet',
    );
    expect(describeStatusRun({ practiceId: 3, problem: 'set up the submitter first' })).toBe(
      'practice 3: not run: set up the submitter first',
    );
  });
});
