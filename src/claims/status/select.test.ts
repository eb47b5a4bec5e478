import { describe, expect, it } from 'vitest';
import type { StatusDetail } from '../../x12/index.ts';
import { actionNeeded, todoFor } from './action.ts';
import { claimsDueForStatus, notDueBecause, type StatusCandidate } from './select.ts';
import { msUntilHour } from './jobs.ts';

const today = '2026-12-03';
const c = (over: Partial<StatusCandidate>): StatusCandidate => ({
  claimId: 1,
  state: 'submitted',
  submittedOn: '2026-10-01',
  inquiryDays: 30,
  lastAskedOn: null,
  ...over,
});

describe('which claims get a 276', () => {
  it('asks about claims submitted or accepted more than the payer’s days ago, never asked', () => {
    expect(notDueBecause(c({}), today)).toBeNull();
    expect(notDueBecause(c({ state: 'accepted' }), today)).toBeNull();
  });

  it('waits until more than the days have passed (submitted exactly N days ago is not due)', () => {
    expect(notDueBecause(c({ submittedOn: '2026-11-03' }), today)).toBe(
      'submitted 2026-11-03, not more than 30 days ago',
    );
    expect(notDueBecause(c({ submittedOn: '2026-11-02' }), today)).toBeNull();
    // The payer's own days: 45 days for this one.
    expect(notDueBecause(c({ submittedOn: '2026-11-02', inquiryDays: 45 }), today)).not.toBeNull();
  });

  it('does not ask claims with an 835 posted, not yet sent, or closed', () => {
    for (const state of ['paid', 'partially_paid', 'denied', 'batched', 'ready', 'rejected', 'closed'])
      expect(notDueBecause(c({ state }), today)).toBe(`${state}: not waiting for an 835`);
  });

  it('asks again only once the days have passed since the last inquiry', () => {
    expect(notDueBecause(c({ lastAskedOn: '2026-11-20' }), today)).toBe(
      'asked 2026-11-20, within the last 30 days',
    );
    expect(notDueBecause(c({ lastAskedOn: '2026-11-03' }), today)).toBeNull();
    expect(notDueBecause(c({ lastAskedOn: '2026-11-04' }), today)).not.toBeNull();
  });

  it('selects the due ones in the order given', () => {
    const list = [
      c({ claimId: 3 }),
      c({ claimId: 1, state: 'paid' }),
      c({ claimId: 2, submittedOn: '2026-12-01' }),
      c({ claimId: 4, state: 'accepted', submittedOn: '2026-10-15', lastAskedOn: '2026-11-01' }),
    ];
    expect(claimsDueForStatus(list, today).map((x) => x.claimId)).toEqual([3, 4]);
  });
});

const st = (category: string, code = '1', entity?: string): StatusDetail => ({
  category,
  code,
  outcome: 'other',
  additional: [],
  ...(entity ? { entity } : {}),
});

describe('which 277 statuses need action', () => {
  it('denied, information requested, rejected and error statuses need someone', () => {
    for (const cat of [
      'F2',
      'F4',
      'R0',
      'R1',
      'R3',
      'R4',
      'R5',
      'A3',
      'A4',
      'A6',
      'A7',
      'A8',
      'E0',
      'E1',
      'E2',
      'E3',
      'E4',
      'D0',
    ])
      expect(todoFor(cat), cat).toBeDefined();
  });

  it('received, accepted, pending, paid and finalized statuses need no one', () => {
    for (const cat of ['A0', 'A1', 'A2', 'A5', 'P0', 'P1', 'P2', 'P3', 'P4', 'F0', 'F1', 'F3', 'ZZ'])
      expect(todoFor(cat), cat).toBeUndefined();
    expect(actionNeeded([st('P1', '20'), st('F1', '65')])).toBeUndefined();
  });

  it('names the first status that needs action with its code and the reason in words', () => {
    expect(actionNeeded([st('F2', '88', 'QC')])).toEqual({
      reasonCode: 'F2:88',
      reason:
        'finalized and denied: entity not eligible for benefits on the dates of service (patient) — denied: correct and resubmit, or appeal',
    });
    expect(actionNeeded([st('P1', '20'), st('R3', '21')])?.reasonCode).toBe('R3:21');
    expect(actionNeeded([st('A7', '562', '85')])?.reason).toMatch(
      /^rejected for invalid information: entity’s national provider identifier \(NPI\) \(billing provider\) — rejected/,
    );
  });
});

describe('the daily schedule', () => {
  it('waits until the next run hour, tomorrow once it has passed', () => {
    expect(msUntilHour(new Date('2026-12-03T05:30:00Z'), 6)).toBe(30 * 60_000);
    expect(msUntilHour(new Date('2026-12-03T06:00:00Z'), 6)).toBe(24 * 3600_000);
  });
});
