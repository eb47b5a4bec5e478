import { describe, expect, it } from 'vitest';
import {
  noResponseItems,
  pastDueBalanceItems,
  planRefresh,
  rejectionItems,
  underpaymentItems,
  type PaidLine,
} from './work-queues.ts';

const today = '2026-06-30';

describe('no-response queue', () => {
  const waiting = (
    claimId: number,
    submittedOn: string,
    state = 'submitted',
    lastAskedOn: string | null = null,
  ) => ({
    claimId,
    state,
    submittedOn,
    inquiryDays: 30,
    lastAskedOn,
    practiceId: 1,
    patientId: 7,
    payerId: 3,
    amountCents: 12_500,
  });

  it('takes claims submitted more than the payer days ago and still waiting for an 835', () => {
    const items = noResponseItems(
      [
        waiting(1, '2026-05-30'), // 31 days: due
        waiting(2, '2026-05-31'), // exactly 30 days: not yet
        waiting(3, '2026-04-01', 'paid'), // answered
        waiting(4, '2026-04-01', 'accepted', '2026-06-25'), // asked lately: still no answer, still due
      ],
      today,
    );
    expect(items.map((i) => i.claimId)).toEqual([1, 4]);
    expect(items[0]).toMatchObject({
      queue: 'no-response',
      amountCents: 12_500,
      payerId: 3,
      dueOn: '2026-06-29',
      reasonCode: 'NO-835',
    });
  });
});

describe('underpayments queue', () => {
  // Payer 3's contract: 99213 allowed $100.00, 97110 $40.00 a unit.
  const rates = [
    {
      payerId: 3,
      procedureCode: '99213',
      modifier: null,
      allowedCents: 10_000,
      effectiveDate: '2026-01-01',
      endDate: null,
    },
    {
      payerId: 3,
      procedureCode: '97110',
      modifier: null,
      allowedCents: 4_000,
      effectiveDate: '2026-01-01',
      endDate: null,
    },
  ];
  const line = (over: Partial<PaidLine>): PaidLine => ({
    practiceId: 1,
    claimId: 10,
    patientId: 7,
    payerId: 3,
    lineNumber: 1,
    procedureCode: '99213',
    modifiers: [],
    units: 1,
    serviceDate: '2026-05-01',
    paidCents: 8_000,
    patientResponsibilityCents: 2_000,
    paidOn: '2026-06-01',
    appealDays: 90,
    ...over,
  });

  it("flags a claim whose lines were allowed below the payer's contracted rate by more than the tolerance, once per claim", () => {
    const items = underpaymentItems(
      [
        line({ paidCents: 7_000 }), // allowed 9,000 of 10,000: 1,000 short
        line({
          lineNumber: 2,
          procedureCode: '97110',
          units: 2,
          paidCents: 6_000,
          patientResponsibilityCents: 0,
        }), // 8,000 expected: 2,000 short
        line({ claimId: 11, paidCents: 7_950 }), // 50 short: within the 100 tolerance
        line({ claimId: 12, procedureCode: '00000' }), // not in the contract
        line({ claimId: 13, payerId: 4, paidCents: 10 }), // payer 4 has no contract: not judged
      ],
      rates,
      100,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      claimId: 10,
      amountCents: 3_000,
      dueOn: '2026-08-30',
      queue: 'underpayments',
    });
    expect(items[0]!.reason).toContain('line 1 (99213, $10.00 short), 2 (97110, $20.00 short)');
  });

  it('a shortfall of exactly the tolerance is not an underpayment', () => {
    expect(underpaymentItems([line({ paidCents: 7_900 })], rates, 100)).toEqual([]);
    expect(underpaymentItems([line({ paidCents: 7_899 })], rates, 100)).toHaveLength(1);
  });
});

describe('rejections queue', () => {
  it('one item per rejected claim, due a week after the rejection', () => {
    const [item] = rejectionItems([
      {
        practiceId: 1,
        claimId: 5,
        patientId: 7,
        payerId: 3,
        rejectedOn: '2026-06-20',
        why: '277CA A7:21',
        amountCents: 900,
      },
    ]);
    expect(item).toMatchObject({ queue: 'rejections', claimId: 5, dueOn: '2026-06-27', amountCents: 900 });
    expect(item!.reason).toContain('277CA A7:21');
  });
});

describe('patient balances queue', () => {
  it('takes patients still owing after the statement due date', () => {
    const items = pastDueBalanceItems(
      [
        { practiceId: 1, patientId: 1, lastStatementOn: '2026-05-01', dueInDays: 30, balanceCents: 4_500 }, // due 05-31: past
        { practiceId: 1, patientId: 2, lastStatementOn: '2026-05-31', dueInDays: 30, balanceCents: 4_500 }, // due today: not yet
        { practiceId: 1, patientId: 3, lastStatementOn: '2026-04-01', dueInDays: 30, balanceCents: 0 }, // paid
      ],
      today,
    );
    expect(items).toEqual([
      expect.objectContaining({
        patientId: 1,
        claimId: null,
        payerId: null,
        amountCents: 4_500,
        dueOn: '2026-05-31',
      }),
    ]);
  });
});

describe('refresh plan', () => {
  const wanted = (claimId: number, amountCents = 100) => ({
    queue: 'rejections' as const,
    practiceId: 1,
    claimId,
    patientId: 7,
    payerId: 3,
    reasonCode: 'REJECTED',
    reason: 'r',
    amountCents,
    dueOn: null,
  });

  it('opens what is new once, closes what went away, updates changed amounts, leaves other queues alone', () => {
    const plan = planRefresh(
      [wanted(1), wanted(1), wanted(2, 250), wanted(3)],
      [
        { id: 20, queue: 'rejections', claimId: 2, patientId: 7, amountCents: 200 },
        { id: 21, queue: 'rejections', claimId: 4, patientId: 7, amountCents: 100 },
        { id: 22, queue: 'claim-status', claimId: 9, patientId: 7, amountCents: 100 },
        { id: 23, queue: 'no-response', claimId: 3, patientId: 7, amountCents: 100 },
      ],
    );
    expect(plan.open.map((o) => o.claimId)).toEqual([1, 3]);
    expect(plan.amounts).toEqual([{ id: 20, amountCents: 250 }]);
    expect(plan.close.map((c) => c.id)).toEqual([21, 23]);
    expect(plan.close[0]!.note).toMatch(/corrected/);
  });
});
