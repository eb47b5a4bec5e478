// Pure: what one staff member cost in a month, for the operating figures. A month that the
// person's stored payout runs cover entirely takes the runs' totals (a run spanning months is
// shared by days: total × days in the month / days of the run, half up). Any other month is
// estimated from pay: hourly pay through the payout engine with no bonuses (base + overtime on the
// time entered, each week's days within the month counted as that week), a salary as its monthly
// twelfth for the days employed (a non-exempt salary with its straight time and overtime added).
import { addDays } from '../shared/dates.ts';
import { payOf } from './comp-plan.ts';
import { computePayout, type CompPlan, type PayoutInput } from './payout.ts';
import { daysIn, halfUp, monthBounds } from './operating.ts';

export interface StaffForCost {
  staffId: number;
  payType: 'hourly' | 'salaried';
  exempt: boolean;
  rateCents: number | null;
  /** The weekly hours a non-exempt salary covers. */
  salariedHoursPerWeek: number | null;
  annualSalaryCents: number | null;
  hireDate: string;
  endDate: string | null;
}

/** One stored payout line: what a person was paid for a period. */
export interface PaidPeriod {
  staffId: number;
  periodFrom: string;
  periodTo: string;
  totalCents: number;
}

export interface MonthCost {
  cents: number;
  from: 'payout runs' | 'estimated from pay' | 'none';
}

const NO_BONUS: CompPlan = {
  targetPerHour: {},
  perChartAboveTargetCents: 0,
  accuracyThresholdBp: 10_001,
  accuracyBonusCents: 0,
  teamCollectionsBp: 0,
};
const DAY = 86_400_000;
/** Days from a to b inclusive (0 when b is before a). */
const daysBetween = (a: string, b: string) =>
  Math.max(0, (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY + 1);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export function staffCostOfMonth(
  staff: StaffForCost,
  month: string,
  weeks: readonly { week: string; minutes: number }[],
  paid: readonly PaidPeriod[],
): MonthCost {
  const { from, to } = monthBounds(month);
  const first = later(from, staff.hireDate);
  const last = earlier(to, staff.endDate ?? to);
  const employed = daysBetween(first, last);
  const runs = paid.filter((p) => p.staffId === staff.staffId && p.periodFrom <= to && p.periodTo >= from);
  if (employed > 0 && runs.length && covers(runs, first, last)) {
    const cents = runs.reduce((s, r) => {
      const overlap = daysBetween(later(r.periodFrom, from), earlier(r.periodTo, to));
      const days = daysBetween(r.periodFrom, r.periodTo);
      return s + halfUp(r.totalCents * overlap, days);
    }, 0);
    return { cents, from: 'payout runs' };
  }
  const minutes = weeks.reduce((s, w) => s + w.minutes, 0);
  if (staff.payType === 'hourly') {
    if (!minutes || staff.rateCents === null) return { cents: 0, from: 'none' };
    const { totalCents } = computePayout(NO_BONUS, {
      pay: { type: 'hourly', rateCents: staff.rateCents, exempt: false },
      weeks: [...weeks],
      productivity: [],
      auditScoreBp: null,
      team: { collectionsCents: 0, members: 1 },
    });
    return { cents: totalCents, from: 'estimated from pay' };
  }
  if (!employed || staff.annualSalaryCents === null) return { cents: 0, from: 'none' };
  // A twelfth of the salary a month, for the days of it the person was employed.
  const den = 12 * daysIn(month);
  const salary = halfUp(staff.annualSalaryCents * employed, den);
  if (staff.exempt || !minutes) return { cents: salary, from: 'estimated from pay' };
  // Non-exempt: the engine adds straight time beyond the salaried hours and overtime over 40.
  const { totalCents } = computePayout(NO_BONUS, {
    pay: { ...payOf({ ...staff, exempt: false }, 0), periodCents: salary } as PayoutInput['pay'],
    weeks: [...weeks],
    productivity: [],
    auditScoreBp: null,
    team: { collectionsCents: 0, members: 1 },
  });
  return { cents: totalCents, from: 'estimated from pay' };
}

/**
 * Minutes the person counts for in the month's FTE: the time entered, or for a salaried person who
 * enters no time (exempt staff often do not), full time: 40 hours a week for the days employed.
 */
export function minutesOfMonth(staff: StaffForCost, month: string, enteredMinutes: number): number {
  if (enteredMinutes > 0 || staff.payType === 'hourly') return enteredMinutes;
  const { from, to } = monthBounds(month);
  const employed = daysBetween(later(from, staff.hireDate), earlier(to, staff.endDate ?? to));
  return halfUp(2_400 * employed, 7);
}

/** Whether the runs together cover every day from first to last. */
function covers(runs: readonly PaidPeriod[], first: string, last: string): boolean {
  let next = first;
  for (const r of [...runs].sort((a, b) => a.periodFrom.localeCompare(b.periodFrom))) {
    if (r.periodFrom > next) return false;
    if (r.periodTo >= next) next = addDays(r.periodTo, 1);
    if (next > last) return true;
  }
  return next > last;
}
