import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adjustment } from '../x12/index.ts';
import { allocate } from './allocate.ts';
import { matchClaimPayment, type CandidateClaim } from './match.ts';
import { claimStatusOf, planClaimPosting, type PlannedEntry } from './plan.ts';
import { planProviderAdjustments } from './plb.ts';
import { cas, claim, clp, line, remittance, svc } from './testing.ts';
import type { ClaimPayment } from '../x12/index.ts';

const ctx = {
  practiceId: 1,
  patientId: 2,
  encounterId: 3,
  claimId: 4,
  payerId: 5,
  effectiveDate: '2026-06-01',
  sourceId: 'rc-1',
};
const total = (es: readonly PlannedEntry[]) => es.reduce((s, e) => s + e.amountCents, 0);

function planFor(
  payment: ClaimPayment,
  ours: CandidateClaim,
  previous?: Parameters<typeof planClaimPosting>[3],
) {
  const m = matchClaimPayment(payment, [ours]);
  if (!m.claim) throw new Error('no match');
  return planClaimPosting(payment, { ...m, claim: m.claim }, ctx, previous);
}

describe('posting plan of one claim payment', () => {
  it('payment, CO, PR-1/2/3, OA and PI per service line, with CARC and RARC', () => {
    const a = line('99213', 20000, { id: 1 });
    const b = line('85025', 10000, { id: 2 });
    const payment = clp(
      'PCN',
      '1',
      30000,
      15000,
      [
        svc('99213', 20000, 11000, [cas('CO', '45', 4000), cas('PR', '1', 3000), cas('PR', '3', 2000)], {
          lineControlNumber: '1',
          remarks: [{ qualifier: 'HE', code: 'N130' }],
        }),
        svc('85025', 10000, 4000, [cas('PR', '2', 1000), cas('OA', '23', 3000), cas('PI', '104', 2000)], {
          lineControlNumber: '2',
        }),
      ],
      [],
      { outpatient: { remarkCodes: ['MA01'] } },
    );
    const plan = planFor(payment, claim('PCN', [a, b]));
    expect(plan.status).toBe('paid');
    expect(plan.problems).toEqual([]);
    expect(
      plan.entries.map((e) => [
        e.serviceLineId,
        e.account,
        e.kind,
        e.amountCents,
        e.groupCode ?? null,
        e.reasonCode ?? null,
      ]),
    ).toEqual([
      [1001, 'insurance', 'insurance_payment', 11000, null, null],
      [1001, 'insurance', 'contractual_adjustment', 4000, 'CO', '45'],
      [1001, 'patient', 'patient_responsibility', 3000, 'PR', '1'],
      [1001, 'patient', 'patient_responsibility', 2000, 'PR', '3'],
      [1002, 'insurance', 'insurance_payment', 4000, null, null],
      [1002, 'patient', 'patient_responsibility', 1000, 'PR', '2'],
      [1002, 'insurance', 'other_adjustment', 3000, 'OA', '23'],
      [1002, 'insurance', 'other_adjustment', 2000, 'PI', '104'],
    ]);
    expect(plan.entries[0]).toMatchObject({
      ...ctx,
      sourceType: 'remittance',
      remarkCodes: ['MA01', 'N130'],
    });
  });

  it('a denied line (paid 0 with a CARC) opens a denial; the claim is partly paid', () => {
    const a = line('99213', 20000, { id: 1 });
    const b = line('97110', 10000, { id: 2 });
    const payment = clp('PCN', '1', 30000, 12000, [
      svc('99213', 20000, 12000, [cas('CO', '45', 8000)], { lineControlNumber: '1' }),
      svc('97110', 10000, 0, [cas('CO', '50', 10000)], {
        lineControlNumber: '2',
        remarks: [{ qualifier: 'HE', code: 'N115' }],
      }),
    ]);
    const plan = planFor(payment, claim('PCN', [a, b]));
    expect(plan.status).toBe('partially_paid');
    expect(plan.denials).toEqual([
      {
        serviceLineId: 1002,
        claimLineId: 2,
        groupCode: 'CO',
        reasonCode: '50',
        remarkCodes: ['N115'],
        deniedCents: 10000,
      },
    ]);
  });

  it('a line paid 0 with only CO-97 (included in another service) is a bundling denial to review', () => {
    const visit = line('99214', 15000, { id: 1 });
    const draw = line('36415', 2000, { id: 2 });
    const payment = clp('PCN', '1', 17000, 9000, [
      svc('99214', 15000, 9000, [cas('CO', '45', 6000)], { lineControlNumber: '1' }),
      svc('36415', 2000, 0, [cas('CO', '97', 2000)], {
        lineControlNumber: '2',
        remarks: [{ qualifier: 'HE', code: 'M15' }],
      }),
    ]);
    const plan = planFor(payment, claim('PCN', [visit, draw]));
    expect(plan.status).toBe('partially_paid');
    expect(plan.denials).toEqual([
      {
        serviceLineId: 1002,
        claimLineId: 2,
        groupCode: 'CO',
        reasonCode: '97',
        remarkCodes: ['M15'],
        deniedCents: 2000,
      },
    ]);
  });

  it('a claim denied without lines (CLP02 4): claim CAS spread over our lines by charge, a denial per line', () => {
    const ours = claim('PCN', [line('99213', 20000, { id: 1 }), line('85025', 10000, { id: 2 })]);
    const plan = planFor(clp('PCN', '4', 30000, 0, [], [cas('CO', '29', 30000)]), ours);
    expect(plan.status).toBe('denied');
    expect(plan.entries.map((e) => [e.serviceLineId, e.kind, e.amountCents])).toEqual([
      [1001, 'contractual_adjustment', 20000],
      [1002, 'contractual_adjustment', 10000],
    ]);
    expect(plan.denials.map((d) => [d.serviceLineId, d.reasonCode])).toEqual([
      [1001, '29'],
      [1002, '29'],
    ]);
  });

  it('applied to the deductible is paid (the patient owes it), not denied', () => {
    const payment = clp('PCN', '1', 10000, 0, [svc('99213', 10000, 0, [cas('PR', '1', 10000)])]);
    const plan = planFor(payment, claim('PCN', [line('99213', 10000)]));
    expect(plan.status).toBe('paid');
    expect(plan.denials).toEqual([]);
  });

  it('all of the allowed to the deductible, the rest above the fee schedule (CO-45): paid, not denied', () => {
    const payment = clp('PCN', '1', 10000, 0, [
      svc('99213', 10000, 0, [cas('CO', '45', 3000), cas('PR', '1', 7000)]),
    ]);
    const plan = planFor(payment, claim('PCN', [line('99213', 10000)]));
    expect(plan.status).toBe('paid');
    expect(plan.denials).toEqual([]);
    expect(claimStatusOf(payment)).toBe('paid');
  });

  it('a reversal (CLP02 22) negates each entry posted before, naming it', () => {
    const previous = [
      {
        id: 71,
        serviceLineId: 1001,
        account: 'insurance' as const,
        kind: 'insurance_payment',
        amountCents: 12000,
      },
      {
        id: 72,
        serviceLineId: 1001,
        account: 'insurance' as const,
        kind: 'contractual_adjustment',
        amountCents: 5000,
        groupCode: 'CO',
        reasonCode: '45',
      },
      {
        id: 73,
        serviceLineId: 1001,
        account: 'patient' as const,
        kind: 'patient_responsibility',
        amountCents: 3000,
        groupCode: 'PR',
        reasonCode: '2',
      },
    ];
    const rev = clp('PCN', '22', -20000, -12000, [
      svc('99213', -20000, -12000, [cas('CO', '45', -5000), cas('PR', '2', -3000)]),
    ]);
    const plan = planFor(rev, claim('PCN', [line('99213', 20000, { id: 1 })]), { previous });
    expect(plan.status).toBe('reversed');
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((e) => [e.kind, e.account, e.amountCents, e.reversesEntryId])).toEqual([
      ['insurance_payment', 'insurance', -12000, 71],
      ['contractual_adjustment', 'insurance', -5000, 72],
      ['patient_responsibility', 'patient', -3000, 73],
    ]);
    // An entry already reversed is not reversed again; a reversal that takes back another amount is shown.
    const again = planFor(rev, claim('PCN', [line('99213', 20000, { id: 1 })]), {
      previous: [
        ...previous,
        {
          id: 80,
          serviceLineId: 1001,
          account: 'insurance',
          kind: 'insurance_payment',
          amountCents: -12000,
          reversesEntryId: 71,
        },
      ],
    });
    expect(again.entries.map((e) => e.reversesEntryId)).toEqual([72, 73]);
    expect(again.problems[0]).toMatchObject({ code: 'REMIT_REVERSAL_MISMATCH' });
  });

  it('a reversal with nothing posted before says so', () => {
    const rev = clp('PCN', '22', -5000, -4000, [svc('99213', -5000, -4000, [cas('CO', '45', -1000)])]);
    const plan = planFor(rev, claim('PCN', [line('99213', 5000)]), { previous: [] });
    expect(plan.problems.map((p) => p.code)).toEqual(['REMIT_NOTHING_TO_REVERSE']);
  });

  it('claim status from CLP02 and the amounts', () => {
    expect(claimStatusOf(clp('A', '22', -1, -1))).toBe('reversed');
    expect(claimStatusOf(clp('A', '4', 100, 0, [], [cas('CO', '50', 100)]))).toBe('denied');
    expect(claimStatusOf(clp('A', '1', 100, 0, [], [cas('CO', '50', 100)]))).toBe('denied');
    expect(claimStatusOf(clp('A', '1', 100, 60, [], [cas('CO', '45', 40)]))).toBe('paid');
  });

  it('PLB: payer adjustments on the payer account; with the line payments they add up to BPR02', () => {
    const c = clp('PCN', '1', 10000, 8000, [svc('99213', 10000, 8000, [cas('CO', '45', 2000)])]);
    const r = remittance([c], 8000 + 125 - 3000, [
      { reason: 'L6', amountCents: -125 },
      { reason: 'WO', amountCents: 3000 },
    ]);
    const payer = planProviderAdjustments(r, {
      practiceId: 1,
      payerId: 5,
      effectiveDate: '2026-06-01',
      sourceId: 'r-1',
    });
    expect(payer.map((e) => [e.account, e.kind, e.amountCents, e.reasonCode, e.payerId])).toEqual([
      ['payer', 'payer_adjustment', 125, 'L6', 5],
      ['payer', 'payer_adjustment', -3000, 'WO', 5],
    ]);
    expect(payer[0]?.memo).toContain('interest owed');
    const lines = planFor(c, claim('PCN', [line('99213', 10000)])).entries.filter(
      (e) => e.kind === 'insurance_payment',
    );
    expect(total(lines) + total(payer)).toBe(r.payment.totalPaidCents);
  });
});

const amount = fc.integer({ min: 0, max: 500000 });

/** A balanced claim: each line's charge split into payment and CAS by random cut points. */
const balancedClaim = fc
  .array(
    fc.tuple(
      amount,
      fc.array(fc.tuple(fc.constantFrom('CO', 'PR', 'OA', 'PI'), fc.integer({ min: 0, max: 1000 })), {
        maxLength: 4,
      }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((spec) => {
    const lines = spec.map(([charge, cuts], i) => {
      const weights = [1, ...cuts.map(([, w]) => w)];
      const [paid = 0, ...rest] = allocate([charge], weights)[0] ?? [];
      const adjustments: Adjustment[] = cuts.map(([group], k) =>
        cas(group, group === 'PR' ? '2' : '45', rest[k] ?? 0),
      );
      return {
        ours: line('99213', charge, { id: 900 + i }),
        svc: svc('99213', charge, paid, adjustments, { lineControlNumber: String(900 + i) }),
      };
    });
    const charge = lines.reduce((s, l) => s + l.svc.chargeCents, 0);
    const paid = lines.reduce((s, l) => s + l.svc.paidCents, 0);
    return {
      payment: clp(
        'PCN',
        '1',
        charge,
        paid,
        lines.map((l) => l.svc),
      ),
      ours: claim(
        'PCN',
        lines.map((l) => l.ours),
      ),
    };
  });

describe('posting plan properties', () => {
  it('for a balanced claim the entries add up to the charge, per line and in all', () => {
    fc.assert(
      fc.property(balancedClaim, ({ payment, ours }) => {
        const plan = planFor(payment, ours);
        expect(plan.problems).toEqual([]);
        expect(total(plan.entries)).toBe(payment.chargeCents);
        for (const l of ours.lines)
          expect(total(plan.entries.filter((e) => e.serviceLineId === l.serviceLineId))).toBe(l.chargeCents);
      }),
    );
  });

  it('a claim paid without lines: each of our lines gets shares adding up to its charge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
        (charges, cuts) => {
          const charge = charges.reduce((s, c) => s + c, 0);
          const [paid = 0, co = 0, pr = 0] = allocate([charge], cuts)[0] ?? [];
          const payment = clp('PCN', '1', charge, paid, [], [cas('CO', '45', co), cas('PR', '1', pr)]);
          const ours = claim(
            'PCN',
            charges.map((c, i) => line('99213', c, { id: 700 + i })),
          );
          const plan = planFor(payment, ours);
          expect(total(plan.entries)).toBe(charge);
          for (const l of ours.lines)
            expect(total(plan.entries.filter((e) => e.serviceLineId === l.serviceLineId))).toBe(
              l.chargeCents,
            );
        },
      ),
    );
  });

  it('allocate: each amount is split exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100000, max: 100000 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 6 }),
        (amounts, weights) => {
          const shares = allocate(amounts, weights);
          amounts.forEach((a, k) => expect((shares[k] ?? []).reduce((s, x) => s + x, 0)).toBe(a));
        },
      ),
    );
  });
});
