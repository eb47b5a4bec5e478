import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { balanceRemittance } from '../remits/index.ts';
import type { Adjustment, ClaimPayment } from '../x12/index.ts';
import { remittance } from '../remits/testing.ts';
import { adjudicate, costShare } from './adjudicate.ts';
import { readScenario } from './scenario.ts';
import { testClaim, type TestClaim } from './testing.ts';

const { scenario } = readScenario({
  serviceTypes: { office: ['992*'], lab: ['36415', '83036'] },
  defaultBenefits: {
    deductibleCents: 50000,
    deductibleMetCents: 45000,
    coinsurancePercent: 20,
    copays: { office: 2500 },
    outOfPocketMaxCents: 300000,
    outOfPocketMetCents: 0,
  },
  defaultPayer: {
    name: 'SANDBOX PLAN',
    feeSchedule: { '99213': 9000, '99214': 12000, '36415': 1000, '83036': 1500, '20610': 8000 },
    defaultAllowedPercent: 60,
    timelyFilingDays: 90,
    nonCovered: ['97810'],
    priorAuthorizationRequired: ['72148'],
    bundles: [{ code: '36415', column1: '99214' }],
    medicalNecessity: [{ code: '83036', diagnoses: ['E11.9', 'E11.65'] }],
    lineDenials: [{ code: '73562', reason: '4', remark: 'N657' }],
  },
  members: {
    TERM: { coverageEnds: '2026-10-31' },
    COB: { otherCoveragePrimary: true },
    OOP: { outOfPocketMaxCents: 100000, outOfPocketMetCents: 99000, deductibleMetCents: 50000 },
  },
});

const run = (t: TestClaim, seen: Set<string> = new Set()) =>
  adjudicate({ claim: testClaim(t), scenario, today: '2026-12-03', seen, payerClaimControlNumber: 'P1' });

const cas = (p: ClaimPayment): Adjustment[] => p.serviceLines.flatMap((l) => l.adjustments);

describe('adjudicate', () => {
  it('prices by the fee schedule and shares cost: copay, the rest of the deductible, 20% coinsurance', () => {
    const { payment, accumulator } = run({
      pcn: 'C1',
      memberId: 'M1',
      lines: [
        { code: '99213', chargeCents: 15000 },
        { code: '20610', chargeCents: 20000 },
      ],
    });
    // 99213: allowed 90.00, copay 25.00, deductible 50.00 (500 − 450 met), coinsurance 20% of 15.00 = 3.00.
    expect(payment.serviceLines[0]!.adjustments).toEqual([
      { group: 'CO', reason: '45', amountCents: 6000 },
      { group: 'PR', reason: '1', amountCents: 5000 },
      { group: 'PR', reason: '2', amountCents: 300 },
      { group: 'PR', reason: '3', amountCents: 2500 },
    ]);
    expect(payment.serviceLines[0]!.paidCents).toBe(1200);
    // 20610: allowed 80.00, deductible met, coinsurance 16.00, paid 64.00.
    expect(payment.serviceLines[1]!.paidCents).toBe(6400);
    expect(payment.patientResponsibilityCents).toBe(5000 + 300 + 2500 + 1600);
    expect(payment.status).toBe('1');
    expect(accumulator).toEqual({ deductibleMetCents: 50000, outOfPocketMetCents: 9400 });
  });

  it('uses the default percentage of the charge for a code not in the fee schedule', () => {
    const { payment } = run({ pcn: 'C2', memberId: 'OOP', lines: [{ code: '11111', chargeCents: 10001 }] });
    // 60% of 100.01 = 60.01 allowed; coinsurance 12.00 fits in the 10.00 left of the OOP max.
    expect(cas(payment)).toEqual([
      { group: 'CO', reason: '45', amountCents: 4000 },
      { group: 'PR', reason: '2', amountCents: 1000 },
    ]);
    expect(payment.paidCents).toBe(5001);
  });

  it('stops cost sharing at the out-of-pocket maximum', () => {
    const b = { ...scenario.defaultBenefits, outOfPocketMaxCents: 10000 };
    expect(costShare(20000, 2500, b, { deductibleMetCents: 45000, outOfPocketMetCents: 4000 })).toEqual({
      copay: 1000,
      deductible: 5000,
      coinsurance: 0,
    });
  });

  const denials: [string, TestClaim, string, string[]][] = [
    [
      'coverage terminated',
      { pcn: 'D1', memberId: 'TERM', lines: [{ code: '99213', chargeCents: 10000 }] },
      '27',
      [],
    ],
    [
      'another plan is primary',
      { pcn: 'D2', memberId: 'COB', lines: [{ code: '99213', chargeCents: 10000 }] },
      '22',
      [],
    ],
    [
      'timely filing',
      { pcn: 'D3', memberId: 'M1', lines: [{ code: '99213', chargeCents: 10000, date: '2026-08-01' }] },
      '29',
      [],
    ],
    [
      'non-covered',
      { pcn: 'D4', memberId: 'M1', lines: [{ code: '97810', chargeCents: 10000 }] },
      '96',
      ['N130'],
    ],
    [
      'no prior authorization',
      { pcn: 'D5', memberId: 'M1', lines: [{ code: '72148', chargeCents: 10000 }] },
      '197',
      [],
    ],
    [
      'medical necessity',
      { pcn: 'D6', memberId: 'M1', diagnoses: ['J020'], lines: [{ code: '83036', chargeCents: 3000 }] },
      '50',
      ['N386'],
    ],
    [
      'a code listed with its CARC (a modifier the payer wants)',
      { pcn: 'D7', memberId: 'M1', lines: [{ code: '73562', chargeCents: 10000 }] },
      '4',
      ['N657'],
    ],
  ];
  it.each(denials)('denies %s with CO-%s and the remark', (_name, t, reason, remarks) => {
    const { payment } = run(t);
    expect(payment.status).toBe('4');
    expect(payment.paidCents).toBe(0);
    expect(cas(payment)).toEqual([{ group: 'CO', reason, amountCents: t.lines[0]!.chargeCents }]);
    expect(payment.serviceLines[0]!.remarks.map((r) => r.code)).toEqual(remarks);
    expect(balanceRemittance(remittance([payment], 0)).balanced).toBe(true);
  });

  it('pays a prior-authorized service', () => {
    const { payment } = run({
      pcn: 'A5',
      memberId: 'M1',
      priorAuthorization: 'AUTH1',
      lines: [{ code: '72148', chargeCents: 10000 }],
    });
    expect(payment.status).toBe('1');
  });

  it('bundles 36415 into 99214 the same day (CO-97) and pays the visit', () => {
    const { payment } = run({
      pcn: 'B1',
      memberId: 'M1',
      lines: [
        { code: '99214', chargeCents: 15000 },
        { code: '36415', chargeCents: 2000 },
      ],
    });
    expect(payment.serviceLines[1]!.adjustments).toEqual([{ group: 'CO', reason: '97', amountCents: 2000 }]);
    expect(payment.serviceLines[0]!.paidCents).toBeGreaterThan(0);
    expect(payment.status).toBe('1');
    expect(balanceRemittance(remittance([payment], payment.paidCents)).balanced).toBe(true);
  });

  it('denies a resent claim as a duplicate (CO-18), but not its replacement', () => {
    const t: TestClaim = { pcn: 'R1', memberId: 'M1', lines: [{ code: '99213', chargeCents: 10000 }] };
    const first = run(t);
    const seen = new Set(first.duplicateKeys);
    expect(cas(run({ ...t, pcn: 'R2' }, seen).payment)).toEqual([
      { group: 'CO', reason: '18', amountCents: 10000 },
    ]);
    const replacement = testClaim(t);
    replacement.claim.frequencyCode = '7';
    const r = adjudicate({
      claim: replacement,
      scenario,
      today: '2026-12-03',
      seen,
      payerClaimControlNumber: 'P2',
    });
    expect(r.payment.status).toBe('1');
  });

  it('answers as secondary (CLP02 2) for a claim sent to it as secondary', () => {
    const { payment } = run({
      pcn: 'S1',
      memberId: 'M1',
      payerResponsibility: 'S',
      lines: [{ code: '99213', chargeCents: 10000 }],
    });
    expect(payment.status).toBe('2');
  });

  it("denies the scenario's share of claims as the payer's records say: CO-27, then CO-22 (primary claims only)", () => {
    const shares = { ...scenario, coverageTerminatedPercent: 10, otherCoveragePrimaryPercent: 5 };
    const reasons = (draw: number, payerResponsibility = 'P') =>
      cas(
        adjudicate({
          claim: testClaim({
            pcn: 'D1',
            memberId: 'M1',
            payerResponsibility,
            lines: [{ code: '99213', chargeCents: 10000 }],
          }),
          scenario: shares,
          today: '2026-12-03',
          seen: new Set(),
          payerClaimControlNumber: 'P1',
          draw,
        }).payment,
      ).map((a) => `${a.group}-${a.reason}`);
    expect(reasons(9.99)).toEqual(['CO-27']);
    expect(reasons(12)).toEqual(['CO-22']);
    expect(reasons(12, 'S')).toContain('CO-45');
    expect(reasons(15)).toContain('CO-45');
  });
});

describe('readScenario', () => {
  it('reads the shipped demo scenario without a problem', () => {
    const json: unknown = JSON.parse(
      readFileSync(new URL('./default-scenario.json', import.meta.url), 'utf8'),
    );
    const { scenario: demo, problems } = readScenario(json);
    expect(problems).toEqual([]);
    expect(Object.keys(demo.payers)).toContain('DEMO-MCR');
  });

  it('names the JSON pointer of every bad value', () => {
    const { problems } = readScenario({
      defaultBenefits: { deductibleCents: 12.5, copays: { visit: 100 } },
      payers: { 'DEMO-BCBS': { feeSchedule: { '99213': -1 }, bundles: [{ code: '36415' }], colour: 'x' } },
      members: { M1: { coverageEnds: '31/10/2026' } },
    });
    expect(problems.map((p) => p.field).sort()).toEqual([
      '/defaultBenefits/copays/visit',
      '/defaultBenefits/deductibleCents',
      '/members/M1/coverageEnds',
      '/payers/DEMO-BCBS/bundles/0/column1',
      '/payers/DEMO-BCBS/colour',
      '/payers/DEMO-BCBS/feeSchedule/99213',
    ]);
    expect(problems[0]).toMatchObject({ code: 'SANDBOX_SCENARIO_INVALID', severity: 'error' });
  });
});
