import { describe, expect, it } from 'vitest';
import { minutesOfMonth, staffCostOfMonth, type StaffForCost } from './operating-cost.ts';
import { addMonths, operatingFigures, type MonthFacts } from './operating.ts';

// A practice's months built by hand; every expected figure is worked out in the comments.
const month = (m: Partial<MonthFacts> & { month: string }): MonthFacts => ({
  staffCostCents: 0,
  staffCostFrom: 'estimated from pay',
  minutesWorked: 0,
  claimsSubmitted: 0,
  collectionsCents: 0,
  ...m,
});
const facts = [
  // November 2025 (30 days): $10,000 of staff cost, 250 claims, $50,000 collected, 170 hours.
  month({
    month: '2025-11',
    staffCostCents: 1_000_000,
    claimsSubmitted: 250,
    collectionsCents: 5_000_000,
    minutesWorked: 10_200,
  }),
  // October 2026 (31 days): $11,000, 300 claims, $60,000, 200 hours.
  month({
    month: '2026-10',
    staffCostCents: 1_100_000,
    claimsSubmitted: 300,
    collectionsCents: 6_000_000,
    minutesWorked: 12_000,
  }),
  // November 2026 (30 days): $12,000, 400 claims, $80,000, 340 hours.
  month({
    month: '2026-11',
    staffCostCents: 1_200_000,
    claimsSubmitted: 400,
    collectionsCents: 8_000_000,
    minutesWorked: 20_400,
  }),
];

describe('operatingFigures', () => {
  const months = operatingFigures(facts, '2026-11');
  const nov = months.at(-1)!;

  it('gives the twelve months ending with the last one', () => {
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => addMonths('2025-12', i)));
  });

  it('works out cost per claim, cost to collect and the per-FTE figures', () => {
    expect(nov.figures).toEqual({
      costPerClaimCents: 3_000, // $12,000 / 400 = $30.00
      costToCollectBp: 1_500, // $12,000 / $80,000 = 15 %
      // FTE = 340 h / (40 h × 30/7 weeks) = 7 × 20,400 / (2,400 × 30) = 142,800 / 72,000 = 1.983 → 1.98
      fteHundredths: 198,
      // 400 / 1.98333 = 201.68 → 201.7 (from the exact FTE: 400 × 72,000 × 10 / 142,800 = 2,016.8)
      claimsPerFteTenths: 2_017,
      // $80,000 / 1.98333 = $40,336.134 → $40,336.13
      collectionsPerFteCents: 4_033_613,
    });
  });

  it('sets each month against the same month last year', () => {
    expect(nov.lastYear).toEqual({
      costPerClaimCents: 4_000, // $10,000 / 250
      costToCollectBp: 2_000, // $10,000 / $50,000
      fteHundredths: 99, // 7 × 10,200 / 72,000 = 0.9917
      claimsPerFteTenths: 2_521, // 250 × 72,000 × 10 / 71,400 = 2,521.0
      collectionsPerFteCents: 5_042_017, // $50,000 × 72,000 / 71,400 = $50,420.168
    });
  });

  it('and against the trailing twelve months, summed then divided (the months with figures only)', () => {
    // November 2025 to October 2026: only 2025-11 and 2026-10 have figures. Sums: $21,000,
    // 550 claims, $110,000, 22,200 minutes over 30 + 31 = 61 days.
    expect(nov.trailing).toEqual({
      costPerClaimCents: 3_818, // $21,000 / 550 = $38.1818
      costToCollectBp: 1_909, // $21,000 / $110,000 = 19.09 %
      fteHundredths: 106, // 7 × 22,200 / (2,400 × 61) = 155,400 / 146,400 = 1.0615
      claimsPerFteTenths: 5_181, // 550 × 146,400 × 10 / 155,400 = 5,181.47
      collectionsPerFteCents: 10_362_934, // $110,000 × 146,400 / 155,400 = $103,629.344
    });
  });

  it('leaves a figure empty rather than dividing by zero', () => {
    const dec = months[0]!; // December 2025: nothing recorded
    expect(dec.figures).toEqual({
      costPerClaimCents: null,
      costToCollectBp: null,
      fteHundredths: null,
      claimsPerFteTenths: null,
      collectionsPerFteCents: null,
    });
    expect(dec.lastYear).toBeNull();
    expect(dec.trailing!.costPerClaimCents).toBe(4_000); // only November 2025 before it
  });
});

describe('staffCostOfMonth', () => {
  const hourly: StaffForCost = {
    staffId: 1,
    payType: 'hourly',
    exempt: false,
    rateCents: 2_000,
    salariedHoursPerWeek: null,
    annualSalaryCents: null,
    hireDate: '2024-01-01',
    endDate: null,
  };

  it('prices hourly time with the overtime premium on hours over 40 in a week', () => {
    // 45 h + 40 h at $20 = $1,700; 5 h over 40 at half of $20 = $50 → $1,750.
    const weeks = [
      { week: '2026-W45', minutes: 2_700 },
      { week: '2026-W46', minutes: 2_400 },
    ];
    expect(staffCostOfMonth(hourly, '2026-11', weeks, [])).toEqual({
      cents: 175_000,
      from: 'estimated from pay',
    });
  });

  it('takes a twelfth of a salary for the days employed', () => {
    const salaried = {
      ...hourly,
      payType: 'salaried' as const,
      rateCents: null,
      annualSalaryCents: 6_000_000,
    };
    // Hired 16 November: 15 of 30 days × $60,000 / 12 = $2,500.
    expect(staffCostOfMonth({ ...salaried, hireDate: '2026-11-16' }, '2026-11', [], []).cents).toBe(250_000);
    expect(staffCostOfMonth({ ...salaried, endDate: '2026-10-31' }, '2026-11', [], []).cents).toBe(0);
  });

  it('adds straight time and overtime to a non-exempt salary (29 CFR 778.113–114)', () => {
    // $52,000 a year for 35 h a week: $1,000 a week, $28.5714 an hour. A 45-hour week: 5 h beyond
    // 35 up to 40 at $28.5714 = $142.857 → $142.86; 5 h over 40 at 1.5 × = $214.286 → $214.29.
    // November's twelfth: $4,333.333 → $4,333.33. Total $4,690.48.
    const nonExempt: StaffForCost = {
      ...hourly,
      payType: 'salaried',
      rateCents: null,
      annualSalaryCents: 5_200_000,
      salariedHoursPerWeek: 35,
    };
    expect(staffCostOfMonth(nonExempt, '2026-11', [{ week: '2026-W45', minutes: 2_700 }], []).cents).toBe(
      469_048,
    );
    // Exempt: the salary alone, whatever the hours.
    expect(
      staffCostOfMonth({ ...nonExempt, exempt: true }, '2026-11', [{ week: '2026-W45', minutes: 2_700 }], [])
        .cents,
    ).toBe(433_333);
  });

  it('uses stored payout runs when they cover the month, shared by days', () => {
    const runs = [
      { staffId: 1, periodFrom: '2026-10-26', periodTo: '2026-11-08', totalCents: 280_000 },
      { staffId: 1, periodFrom: '2026-11-09', periodTo: '2026-11-30', totalCents: 440_000 },
      { staffId: 2, periodFrom: '2026-11-01', periodTo: '2026-11-30', totalCents: 999_999 },
    ];
    // 8 of the first run's 14 days: $2,800 × 8/14 = $1,600; the second whole: $4,400 → $6,000.
    expect(staffCostOfMonth(hourly, '2026-11', [], runs)).toEqual({ cents: 600_000, from: 'payout runs' });
    // Runs that leave days uncovered: the month is estimated from pay instead.
    expect(
      staffCostOfMonth(hourly, '2026-11', [{ week: '2026-W45', minutes: 600 }], runs.slice(0, 1)),
    ).toEqual({ cents: 20_000, from: 'estimated from pay' });
  });

  it('counts a salaried person who enters no time as full time for the FTE', () => {
    const salaried = {
      ...hourly,
      payType: 'salaried' as const,
      rateCents: null,
      annualSalaryCents: 6_000_000,
    };
    // 30 days of November: 40 h × 30/7 weeks = 171.43 h = 10,285.7 → 10,286 minutes.
    expect(minutesOfMonth(salaried, '2026-11', 0)).toBe(10_286);
    expect(minutesOfMonth(salaried, '2026-11', 9_000)).toBe(9_000);
    expect(minutesOfMonth(hourly, '2026-11', 0)).toBe(0);
  });
});
