import { describe, expect, it } from 'vitest';
import {
  actionedInTime,
  addBusinessDays,
  appealOutcomes,
  arAgingByPayer,
  cleanClaimRate,
  daysInAr,
  denialRates,
  firstPassResolution,
  netCollectionRate,
  ratio,
  type AppealFacts,
  type ClaimFacts,
  type DenialFacts,
  type LedgerFacts,
} from './kpis.ts';

// A hand-built practice: five claims decided in January and February 2026 (one more in December,
// outside the period), four denials, five appeals, two payers' A/R. Every answer is worked out
// in the comments beside it. 2026-01-01 is a Thursday; today, 2026-03-02, a Monday.
const period = { from: '2026-01-01', to: '2026-02-28' };
const today = '2026-03-02';

const claimOf = (c: Partial<ClaimFacts> & Pick<ClaimFacts, 'claimId'>): ClaimFacts => ({
  payerId: 1,
  payerName: 'Aetna',
  providerId: 10,
  providerName: 'Lee, Ann',
  procedureCodes: ['99213'],
  lineProcedures: [],
  firstScrub: null,
  submittedOn: null,
  firstResponseOn: null,
  decidedOn: null,
  adjudicatedOn: null,
  firstAdjudication: null,
  paidOn: null,
  reworked: false,
  ...c,
});
const aetna = { payerId: 1, payerName: 'Aetna' };
const cigna = { payerId: 2, payerName: 'Cigna' };
const lee = { providerId: 10, providerName: 'Lee, Ann' };
const kim = { providerId: 11, providerName: 'Kim, Bo' };

const claims: ClaimFacts[] = [
  // c1 January, paid first time, clean first scrub
  claimOf({
    claimId: 1,
    ...aetna,
    ...lee,
    firstScrub: { on: '2026-01-02', clean: true },
    decidedOn: '2026-01-10',
    adjudicatedOn: '2026-01-10',
    firstAdjudication: 'paid',
    paidOn: '2026-01-10',
  }),
  // c2 January, partly paid (its 93000 line denied), scrubbed with findings first
  claimOf({
    claimId: 2,
    ...aetna,
    ...lee,
    procedureCodes: ['99214', '93000'],
    firstScrub: { on: '2026-01-04', clean: false },
    decidedOn: '2026-01-12',
    adjudicatedOn: '2026-01-12',
    firstAdjudication: 'partially_paid',
    paidOn: '2026-01-12',
  }),
  // c3 January, denied (timely filing, twice), clean first scrub
  claimOf({
    claimId: 3,
    ...cigna,
    ...kim,
    firstScrub: { on: '2026-01-20', clean: true },
    decidedOn: '2026-01-25',
    adjudicatedOn: '2026-01-25',
    firstAdjudication: 'denied',
  }),
  // c4 February: rejected on 02-04 (decided then), fixed, resubmitted and paid on 02-15: rework
  claimOf({
    claimId: 4,
    ...cigna,
    ...kim,
    firstScrub: { on: '2026-02-02', clean: false },
    decidedOn: '2026-02-04',
    adjudicatedOn: '2026-02-15',
    firstAdjudication: 'paid',
    paidOn: '2026-02-15',
    reworked: true,
  }),
  // c5 February, paid first time, clean first scrub
  claimOf({
    claimId: 5,
    ...aetna,
    ...kim,
    procedureCodes: ['99214'],
    firstScrub: { on: '2026-02-10', clean: true },
    decidedOn: '2026-02-20',
    adjudicatedOn: '2026-02-20',
    firstAdjudication: 'paid',
    paidOn: '2026-02-20',
  }),
  // c6 December 2025: outside the period everywhere
  claimOf({
    claimId: 6,
    ...aetna,
    ...lee,
    firstScrub: { on: '2025-12-20', clean: true },
    decidedOn: '2025-12-30',
    adjudicatedOn: '2025-12-30',
    firstAdjudication: 'denied',
  }),
];

const denialOf = (
  d: Partial<DenialFacts> & Pick<DenialFacts, 'denialId' | 'claimId' | 'deniedOn'>,
): DenialFacts => ({
  procedureCode: null,
  category: null,
  reasonCode: '',
  amountCents: 0,
  actionedOn: null,
  ...d,
});
const denials: DenialFacts[] = [
  // Monday 01-12; 10 business days later is 01-26; worked 01-20: in time
  denialOf({
    denialId: 1,
    claimId: 2,
    procedureCode: '93000',
    category: 'bundling',
    reasonCode: '97',
    amountCents: 4500,
    deniedOn: '2026-01-12',
    actionedOn: '2026-01-20',
  }),
  // Sunday 01-25; 10 business days later is Friday 02-06; worked 02-09: late
  denialOf({
    denialId: 2,
    claimId: 3,
    procedureCode: '99213',
    category: 'timely-filing',
    reasonCode: '29',
    amountCents: 12000,
    deniedOn: '2026-01-25',
    actionedOn: '2026-02-09',
  }),
  // a 277CA rejection, Wednesday 02-04; due 02-18, before today, never worked: late
  denialOf({
    denialId: 3,
    claimId: 4,
    category: 'missing-information',
    reasonCode: 'A7',
    amountCents: 8000,
    deniedOn: '2026-02-04',
  }),
  // Wednesday 02-25; due 03-11, after today, not worked yet: left out of the actioned rate
  denialOf({
    denialId: 4,
    claimId: 3,
    procedureCode: '99213',
    category: 'timely-filing',
    reasonCode: '29',
    amountCents: 3000,
    deniedOn: '2026-02-25',
  }),
  // December: outside the period
  denialOf({
    denialId: 5,
    claimId: 6,
    category: 'coding',
    reasonCode: '16',
    deniedOn: '2025-12-30',
    actionedOn: '2025-12-31',
  }),
];

const appeals: AppealFacts[] = [
  { appealId: 1, state: 'won', decidedOn: '2026-01-28', recoveredCents: 12000 },
  { appealId: 2, state: 'partly-won', decidedOn: '2026-02-10', recoveredCents: 2500 },
  { appealId: 3, state: 'lost', decidedOn: '2026-02-14', recoveredCents: null },
  { appealId: 4, state: 'sent', decidedOn: null, recoveredCents: null },
  { appealId: 5, state: 'won', decidedOn: '2025-12-15', recoveredCents: 9900 },
];

const rate = (rows: ReturnType<typeof denialRates>) =>
  Object.fromEntries(rows.map((r) => [`${r.month} ${r.key}`, [r.deniedClaims, r.decidedClaims, r.rate]]));

describe('ratio', () => {
  it('rounds to 4 decimal places and is null over zero', () => {
    expect(ratio(2, 3)).toBe(0.6667); // 0.66666… → 0.6667
    expect(ratio(1, 8)).toBe(0.125);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('denial rate per month', () => {
  it('overall: claims with a denial ÷ claims decided in the month', () => {
    // January decided c1, c2, c3; denied c2 and c3 → 2/3. February decided c4 (rejected 02-04), c5; denied c4 → 1/2.
    expect(rate(denialRates(claims, denials, period, 'all'))).toEqual({
      '2026-01 all': [2, 3, 0.6667],
      '2026-02 all': [1, 2, 0.5],
    });
  });
  it('by payer and by provider: within each', () => {
    // Jan Aetna c1, c2 (c2 denied) 1/2; Cigna c3 1/1. Feb Cigna c4 1/1; Aetna c5 0/1.
    expect(rate(denialRates(claims, denials, period, 'payer'))).toEqual({
      '2026-01 1': [1, 2, 0.5],
      '2026-01 2': [1, 1, 1],
      '2026-02 1': [0, 1, 0],
      '2026-02 2': [1, 1, 1],
    });
    // Jan Lee c1, c2 → 1/2; Kim c3 → 1/1. Feb Kim c4, c5 → 1/2.
    expect(rate(denialRates(claims, denials, period, 'provider'))).toEqual({
      '2026-01 10': [1, 2, 0.5],
      '2026-01 11': [1, 1, 1],
      '2026-02 11': [1, 2, 0.5],
    });
  });
  it('by category and CARC: claims denied for it ÷ every claim decided; a claim counts once per reason', () => {
    // Jan: bundling c2 1/3, timely filing c3 (two denials, one claim) 1/3. Feb: missing information c4 1/2.
    expect(rate(denialRates(claims, denials, period, 'category'))).toEqual({
      '2026-01 bundling': [1, 3, 0.3333],
      '2026-01 timely-filing': [1, 3, 0.3333],
      '2026-02 missing-information': [1, 2, 0.5],
    });
    expect(rate(denialRates(claims, denials, period, 'carc'))).toEqual({
      '2026-01 97': [1, 3, 0.3333],
      '2026-01 29': [1, 3, 0.3333],
      '2026-02 A7': [1, 2, 0.5],
    });
  });
  it('by procedure: claims with a denied line billing it ÷ decided claims billing it', () => {
    // Jan 99213: c1, c3 (c3's 99213 denied) 1/2; 99214: c2 0/1; 93000: c2 (denied) 1/1.
    // Feb 99213: c4, its rejection names no line → 0/1; 99214: c5 0/1.
    expect(rate(denialRates(claims, denials, period, 'procedure'))).toEqual({
      '2026-01 99213': [1, 2, 0.5],
      '2026-01 99214': [0, 1, 0],
      '2026-01 93000': [1, 1, 1],
      '2026-02 99213': [0, 1, 0],
      '2026-02 99214': [0, 1, 0],
    });
  });
});

describe('appeals', () => {
  it('success rate and dollars recovered over appeals decided in the period', () => {
    const a = appealOutcomes(appeals, period);
    // decided in the period: 1 won, 1 partly won, 1 lost (the sent one and December's are out) → 2/3
    expect(a).toMatchObject({ decided: 3, won: 1, partlyWon: 1, lost: 1, successRate: 0.6667 });
    // $120.00 + $25.00 = $145.00
    expect(a.recoveredCents).toBe(14500);
    expect(a.byMonth).toEqual([
      { month: '2026-01', decided: 1, succeeded: 1, successRate: 1, recoveredCents: 12000 },
      { month: '2026-02', decided: 2, succeeded: 1, successRate: 0.5, recoveredCents: 2500 },
    ]);
  });
});

describe('A/R aging by payer', () => {
  it('totals each payer and the practice, with the shares over 90 and over 120 days', () => {
    const aging = arAgingByPayer([
      { key: 'payer:1', label: 'Aetna', buckets: [50000, 20000, 10000, 15000, 5000] },
      { key: 'payer:2', label: 'Cigna', buckets: [10000, 0, 0, 0, 30000] },
    ]);
    // Aetna: total 1,000.00; over 90 = 150.00 + 50.00 = 200.00 → 0.2; over 120 50.00 → 0.05
    expect(aging.rows[0]).toMatchObject({
      total: 100000,
      over90Cents: 20000,
      shareOver90: 0.2,
      over120Cents: 5000,
      shareOver120: 0.05,
    });
    // Cigna: total 400.00, all over 120 but 100.00 → 300/400 = 0.75 both
    expect(aging.rows[1]).toMatchObject({ total: 40000, shareOver90: 0.75, shareOver120: 0.75 });
    // Practice: [600, 200, 100, 150, 350] = 1,400.00; over 90 500/1400 = 0.35714… → 0.3571; over 120 350/1400 = 0.25
    expect(aging.total).toMatchObject({
      buckets: [60000, 20000, 10000, 15000, 35000],
      total: 140000,
      shareOver90: 0.3571,
      shareOver120: 0.25,
    });
  });
  it('has no shares when nothing is owed', () => {
    expect(arAgingByPayer([]).total).toMatchObject({ total: 0, shareOver90: null, shareOver120: null });
  });
});

describe('ledger measures', () => {
  const ledger: LedgerFacts = {
    totalArCents: 150000,
    chargesLast90DaysCents: 270000,
    chargesCents: 200000,
    contractualAdjustmentsCents: 80000,
    paymentsCents: 61000,
  };
  it('days in A/R: total A/R ÷ average daily charges over the last 90 days', () => {
    // 2,700.00 ÷ 90 = 30.00 a day; 1,500.00 ÷ 30.00 = 50.0 days
    expect(daysInAr(ledger)).toBe(50);
    // 1,000.00 ÷ (2,700.00 ÷ 90) = 33.33… → 33.3
    expect(daysInAr({ ...ledger, totalArCents: 100000 })).toBe(33.3);
    expect(daysInAr({ ...ledger, chargesLast90DaysCents: 0 })).toBeNull();
  });
  it('net collection rate: payments ÷ (charges − contractual adjustments)', () => {
    // 610.00 ÷ (2,000.00 − 800.00) = 610 ÷ 1,200 = 0.50833… → 0.5083
    expect(netCollectionRate(ledger)).toBe(0.5083);
    expect(netCollectionRate({ ...ledger, contractualAdjustmentsCents: 200000 })).toBeNull();
  });
});

describe('first-pass resolution and clean claims', () => {
  it('first-pass resolution: paid at the first adjudication without rework ÷ adjudicated', () => {
    // adjudicated in the period: c1 paid ✓, c2 partly paid ✓, c3 denied ✗, c4 paid after a rejection ✗, c5 paid ✓ → 3/5
    const r = firstPassResolution(claims, period);
    expect([r.numerator, r.denominator, r.rate]).toEqual([3, 5, 0.6]);
    // January 2/3 (c1, c2 of c1–c3), February 1/2 (c5 of c4, c5)
    expect(r.byMonth.map((m) => [m.month, m.rate])).toEqual([
      ['2026-01', 0.6667],
      ['2026-02', 0.5],
    ]);
  });
  it('clean-claim rate: clean on the first scrub ÷ scrubbed', () => {
    // scrubbed first in the period: c1 ✓, c2 ✗, c3 ✓ (January 2/3), c4 ✗, c5 ✓ (February 1/2) → 3/5
    const r = cleanClaimRate(claims, period);
    expect([r.numerator, r.denominator, r.rate]).toEqual([3, 5, 0.6]);
    expect(r.byMonth.map((m) => [m.month, m.numerator, m.denominator])).toEqual([
      ['2026-01', 2, 3],
      ['2026-02', 1, 2],
    ]);
  });
});

describe('denials actioned within 10 business days', () => {
  it('counts weekdays only', () => {
    expect(addBusinessDays('2026-01-09', 1)).toBe('2026-01-12'); // Friday → Monday
    expect(addBusinessDays('2026-01-12', 10)).toBe('2026-01-26'); // two weeks on, Monday
    expect(addBusinessDays('2026-01-25', 10)).toBe('2026-02-06'); // from a Sunday: Friday of the second week
    expect(addBusinessDays('2026-02-04', 10)).toBe('2026-02-18');
  });
  it('in time ÷ denials whose time is up or that were worked', () => {
    // d1 in time, d2 late, d3 never worked and past 02-18: late; d4 still within its time: out → 1/3
    const r = actionedInTime(denials, period, today);
    expect([r.numerator, r.denominator, r.rate]).toEqual([1, 3, 0.3333]);
    expect(r.byMonth.map((m) => [m.month, m.numerator, m.denominator])).toEqual([
      ['2026-01', 1, 2],
      ['2026-02', 0, 1],
    ]);
  });
});
