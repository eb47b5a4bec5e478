import { describe, expect, it } from 'vitest';
import { checkPeriod, codingInputs, payOf, planInForce, weeksIn, NO_PLAN } from './comp-plan.ts';

describe('compensation plans', () => {
  const v = (id: number, role: string, version: number, effectiveFrom: string) => ({
    id,
    role,
    version,
    effectiveFrom,
    plan: NO_PLAN,
  });
  const versions = [
    v(1, 'coder', 1, '2026-01-01'),
    v(2, 'coder', 2, '2026-11-01'),
    v(3, 'biller', 1, '2026-01-01'),
  ];

  it('takes the highest version in force on the day', () => {
    expect(planInForce(versions, 'coder', '2026-10-31')?.id).toBe(1);
    expect(planInForce(versions, 'coder', '2026-11-29')?.id).toBe(2);
    expect(planInForce(versions, 'coder', '2025-12-31')).toBeUndefined();
    expect(planInForce(versions, 'auditor', '2026-11-29')).toBeUndefined();
  });

  it('pays by whole workweeks, Monday to Sunday', () => {
    expect(checkPeriod('2026-11-16', '2026-11-29')).toEqual([]);
    expect(weeksIn('2026-11-16', '2026-11-29')).toBe(2);
    expect(checkPeriod('2026-11-17', '2026-11-28').map((e) => e.pointer)).toEqual(['/from', '/to']);
  });

  it('pays a salary by weeks of 1/52 of the year', () => {
    const salaried = { payType: 'salaried', rateCents: null, annualSalaryCents: 5_200_000 };
    expect(payOf({ ...salaried, exempt: true, salariedHoursPerWeek: null }, 2)).toEqual({
      type: 'salaried',
      exempt: true,
      periodCents: 200_000,
    });
    expect(payOf({ ...salaried, exempt: false, salariedHoursPerWeek: 35 }, 2)).toEqual({
      type: 'salaried',
      exempt: false,
      periodCents: 200_000,
      weeklyCents: 100_000,
      hoursPerWeek: 35,
    });
  });

  it('rounds an audit score down to the basis point and has none without an audit', () => {
    expect(codingInputs([], { charts: 3, correct: 18_999, total: 20_000 }).auditScoreBp).toBe(9499);
    expect(codingInputs([], { charts: 0, correct: 0, total: 0 }).auditScoreBp).toBeNull();
    expect(
      codingInputs([{ chartType: 'E/M office', charts: 5, hours: 1.25 }], { charts: 0, correct: 0, total: 0 })
        .productivity,
    ).toEqual([{ chartType: 'E/M office', charts: 5, minutes: 75 }]);
  });
});
