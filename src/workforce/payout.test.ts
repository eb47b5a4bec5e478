import { describe, expect, it } from 'vitest';
import { computePayout, type CompPlan } from './payout.ts';

const plan: CompPlan = {
  targetPerHour: { 'E/M office': 400, surgery: 200 },
  perChartAboveTargetCents: 150,
  accuracyThresholdBp: 9500,
  accuracyBonusCents: 10_000,
  teamCollectionsBp: 100,
};

describe('computePayout', () => {
  it('equals a period worked out by hand, to the cent', () => {
    const payout = computePayout(plan, {
      pay: { type: 'hourly', rateCents: 2500, exempt: false },
      weeks: [
        { week: '2026-W47', minutes: 40 * 60 },
        { week: '2026-W48', minutes: 45 * 60 },
      ],
      productivity: [
        { chartType: 'E/M office', charts: 250, minutes: 50 * 60 },
        { chartType: 'surgery', charts: 70, minutes: 30 * 60 },
      ],
      auditScoreBp: 9620,
      team: { collectionsCents: 1_234_567, members: 4 },
    });
    // Base: 85 h × $25.00 = $2,125.00.
    // Productivity: E/M 250 − 4/h × 50 h (200) = 50 above; surgery 70 − 2/h × 30 h (60) = 10 above;
    //   60 × $1.50 = $90.00.
    // Accuracy: 96.2 % ≥ 95 % → $100.00.
    // Team: 1 % of $12,345.67 = $123.4567, ÷ 4 = $30.864… → $30.86.
    // Overtime, week 48 (45 h): bonuses $220.86 × 45/85 = $116.925… → $116.93 to the week;
    //   regular rate = $25.00 + $116.93 / 45 h = $27.5984…/h; half-time on 5 h = $68.996… → $69.00.
    expect(payout.lines.map((l) => [l.what, l.cents])).toEqual([
      ['Base pay', 212_500],
      ['Productivity bonus', 9_000],
      ['Accuracy bonus', 10_000],
      ['Team bonus', 3_086],
      ['Overtime premium', 6_900],
    ]);
    expect(payout.totalCents).toBe(241_486);
  });

  it('pays no accuracy bonus below the threshold or without an audit, and no overtime to the exempt', () => {
    const payout = computePayout(plan, {
      pay: { type: 'salaried', periodCents: 250_000, exempt: true },
      weeks: [{ week: '2026-W48', minutes: 50 * 60 }],
      productivity: [{ chartType: 'E/M office', charts: 10, minutes: 5 * 60 }],
      auditScoreBp: null,
      team: { collectionsCents: 0, members: 3 },
    });
    expect(payout.lines.map((l) => [l.what, l.cents])).toEqual([
      ['Base pay', 250_000],
      ['Productivity bonus', 0],
      ['Accuracy bonus', 0],
      ['Team bonus', 0],
    ]);
  });

  it('pays a non-exempt salary straight time beyond its hours and 1.5 × the regular rate over 40, by hand', () => {
    const payout = computePayout(plan, {
      pay: { type: 'salaried', exempt: false, periodCents: 200_000, weeklyCents: 100_000, hoursPerWeek: 35 },
      weeks: [
        { week: '2026-W47', minutes: 38 * 60 },
        { week: '2026-W48', minutes: 44 * 60 },
      ],
      productivity: [{ chartType: 'E/M office', charts: 130, minutes: 30 * 60 }],
      auditScoreBp: 9400,
      team: { collectionsCents: 500_000, members: 2 },
    });
    // Base: two weeks of a $1,000.00 salary = $2,000.00.
    // Productivity: 130 − 4/h × 30 h (120) = 10 above × $1.50 = $15.00.
    // Accuracy: 94 % < 95 % → $0.
    // Team: 1 % of $5,000.00 = $50.00, ÷ 2 = $25.00.
    // The salary's rate: $1,000.00 / 35 h = $28.5714…/h (29 CFR 778.113).
    // Straight time: W47 3 h (38 − 35) = $85.714… → $85.71; W48 5 h (40 − 35) = $142.857… → $142.86;
    //   $228.57.
    // Overtime, W48 (44 h): bonuses $40.00 × 44/82 = $21.463… → $21.46 to the week; regular rate
    //   = $28.5714… + $21.46 / 44 h = $29.0591…/h; 4 h × 1.5 × it = $174.354… → $174.35.
    expect(payout.lines.map((l) => [l.what, l.cents])).toEqual([
      ['Base pay', 200_000],
      ['Productivity bonus', 1_500],
      ['Accuracy bonus', 0],
      ['Team bonus', 2_500],
      ['Straight time beyond the salaried hours', 22_857],
      ['Overtime', 17_435],
    ]);
    expect(payout.totalCents).toBe(244_292);
  });
});
