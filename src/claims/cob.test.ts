import { describe, expect, it } from 'vitest';
import type { ClaimPayment, ServicePayment } from '../x12/transactions/835-types.ts';
import { noNextClaimReason, priorAdjudicationOf, type PriorClaim } from './cob.ts';

const ours: PriorClaim['lines'] = [
  { id: 31, lineNumber: 1 },
  { id: 32, lineNumber: 2 },
  { id: 33, lineNumber: 3, revenueCode: '0250' },
];

const svc = (over: Partial<ServicePayment>): ServicePayment => ({
  procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
  chargeCents: 14000,
  paidCents: 8000,
  dates: [{ qualifier: '472', date: '2026-11-02' }],
  adjustments: [],
  references: [],
  amounts: [],
  remarks: [],
  ...over,
});

const payment = (serviceLines: ServicePayment[], over: Partial<ClaimPayment> = {}): ClaimPayment => ({
  patientControlNumber: 'E17P',
  status: '1',
  chargeCents: 38200,
  paidCents: serviceLines.reduce((s, l) => s + l.paidCents, 0),
  adjustments: [],
  dates: [],
  references: [],
  amounts: [],
  serviceLines,
  ...over,
});

describe('priorAdjudicationOf', () => {
  it('keeps the paid amount, claim and line adjustments and the patient share per line', () => {
    const lines = [
      svc({
        lineControlNumber: '31',
        units: '1',
        adjustments: [
          { group: 'CO', reason: '45', amountCents: 2800 },
          { group: 'PR', reason: '1', amountCents: 3200 },
        ],
      }),
      svc({
        procedure: { qualifier: 'NU', code: '0250', modifiers: [] },
        chargeCents: 3200,
        paidCents: 2000,
        adjustments: [{ group: 'PR', reason: '2', amountCents: 1200 }],
      }),
    ];
    const prior = priorAdjudicationOf(
      { id: 7, coverageId: 70, payerResponsibility: 'P', lines: ours },
      payment(lines, { payerClaimControlNumber: 'ICN1', patientResponsibilityCents: 4400 }),
      [
        { payment: lines[1]!, line: { id: 33 } },
        { payment: lines[0]!, line: { id: 31 } },
      ],
      '2026-11-25',
    );
    expect(prior).toEqual({
      claimId: 7,
      coverageId: 70,
      payerResponsibility: 'P',
      adjudicationDate: '2026-11-25',
      payerClaimNumber: 'ICN1',
      paidCents: 10000,
      adjustments: [],
      patientResponsibilityCents: 4400,
      lines: [
        {
          lineNumber: 1,
          procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
          paidCents: 8000,
          units: '1',
          adjustments: lines[0]!.adjustments,
          remainingPatientLiabilityCents: 3200,
        },
        {
          lineNumber: 3,
          revenueCode: '0250',
          paidCents: 2000,
          units: '1',
          adjustments: lines[1]!.adjustments,
          remainingPatientLiabilityCents: 1200,
        },
      ],
    });
  });

  it('gives a line the payer split one 2430 per part, and leaves out a line not on the claim', () => {
    const parts = [svc({ paidCents: 5000 }), svc({ paidCents: 3000 }), svc({ paidCents: 100 })];
    const prior = priorAdjudicationOf(
      { id: 1, coverageId: 1, payerResponsibility: 'P', lines: ours },
      payment(parts),
      [
        { payment: parts[0]!, line: { id: 31 } },
        { payment: parts[1]!, line: { id: 31 } },
        { payment: parts[2]!, line: { id: 99 } },
      ],
      '2026-11-25',
    );
    expect(prior.lines.map((l) => [l.lineNumber, l.paidCents])).toEqual([
      [1, 5000],
      [1, 3000],
    ]);
  });

  it('sums the PR adjustments when the 835 leaves CLP05 out', () => {
    const p = payment([], { adjustments: [{ group: 'PR', reason: '3', amountCents: 2500 }] });
    expect(
      priorAdjudicationOf(
        { id: 1, coverageId: 1, payerResponsibility: 'P', lines: ours },
        p,
        [],
        '2026-11-25',
      ),
    ).toMatchObject({ patientResponsibilityCents: 2500, lines: [] });
  });

  it('makes no next claim after a reversal or a crossover', () => {
    expect(
      ['1', '2', '4', '19', '22'].map((status) => noNextClaimReason(payment([], { status })) ?? null),
    ).toEqual([
      null,
      null,
      null,
      'forwarded by the payer to the next payer',
      'a reversal of an earlier payment',
    ]);
  });
});
