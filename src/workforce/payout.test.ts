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
});
