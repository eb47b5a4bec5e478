import { describe, expect, it } from 'vitest';
import { historyFacts, type ClaimEventFact } from './dashboard-facts.ts';

const e = (on: string, toState: string, reason = ''): ClaimEventFact => ({ on, toState, reason });

describe('a claim history as dashboard facts', () => {
  it('reads the first scrub, submission, answer, decision and payment of a claim paid first time', () => {
    const facts = historyFacts(
      [
        e('2026-10-05', 'scrubbed', 'scrubbed with findings'),
        e('2026-10-06', 'ready', 'scrubbed clean'),
        e('2026-10-07', 'batched', 'batch 1'),
        e('2026-10-08', 'submitted', 'sent'),
        e('2026-10-09', 'accepted', '999'),
        e('2026-10-20', 'paid', '835'),
      ],
      '1',
      false,
    );
    expect(facts).toEqual({
      firstScrub: { on: '2026-10-05', clean: false },
      submittedOn: '2026-10-08',
      firstResponseOn: '2026-10-09',
      decidedOn: '2026-10-20',
      adjudicatedOn: '2026-10-20',
      firstAdjudication: 'paid',
      paidOn: '2026-10-20',
      reworked: false,
    });
  });

  it('a rejection decides the claim first and makes it rework', () => {
    const facts = historyFacts(
      [
        e('2026-10-05', 'ready', 'scrubbed clean'),
        e('2026-10-06', 'submitted', 'sent'),
        e('2026-10-07', 'rejected', '277CA'),
        e('2026-10-08', 'scrubbed', 'scrubbed clean'),
        e('2026-10-08', 'ready', 'scrubbed clean'),
        e('2026-10-09', 'submitted', 'sent'),
        e('2026-10-25', 'partially_paid', '835'),
      ],
      '1',
      false,
    );
    expect(facts).toMatchObject({
      firstScrub: { on: '2026-10-05', clean: true },
      firstResponseOn: '2026-10-07',
      decidedOn: '2026-10-07',
      adjudicatedOn: '2026-10-25',
      firstAdjudication: 'partially_paid',
      reworked: true,
    });
  });

  it('a replacement claim, or one replaced by another, is rework', () => {
    expect(historyFacts([], '7', false).reworked).toBe(true);
    expect(historyFacts([e('2026-10-20', 'denied', '835')], '1', true).reworked).toBe(true);
    expect(historyFacts([e('2026-10-20', 'denied', '835')], '1', false)).toMatchObject({
      firstAdjudication: 'denied',
      paidOn: null,
      submittedOn: null,
      reworked: false,
    });
  });
});
