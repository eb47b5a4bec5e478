import { describe, expect, it } from 'vitest';
import { canTransition, CLAIM_STATES, TRANSITIONS } from './states.ts';

describe('claim states', () => {
  it('lists a transition table entry for every state, pointing only at known states', () => {
    for (const s of CLAIM_STATES) for (const to of TRANSITIONS[s]) expect(CLAIM_STATES).toContain(to);
  });
  it('follows the life of a clean claim and refuses shortcuts', () => {
    const path = [
      'draft',
      'scrubbed',
      'ready',
      'batched',
      'submitted',
      'accepted',
      'paid',
      'closed',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    expect(canTransition('draft', 'submitted')).toBe(false);
    // A batch file written is not a claim sent: only the upload (or the biller) makes it submitted.
    expect(canTransition('ready', 'submitted')).toBe(false);
    expect(canTransition('batched', 'accepted')).toBe(false);
    expect(canTransition('submitted', 'paid')).toBe(false);
    expect(canTransition('closed', 'draft')).toBe(false);
  });
  it('lets a batch that could not be sent release its claims back to ready', () => {
    expect(canTransition('batched', 'ready')).toBe(true);
  });
  it('lets a rejected claim be fixed and a denied one be appealed or corrected', () => {
    expect(canTransition('rejected', 'draft')).toBe(true);
    expect(canTransition('denied', 'appealed')).toBe(true);
    expect(canTransition('denied', 'corrected')).toBe(true);
  });
});
