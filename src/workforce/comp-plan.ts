// Pure: the compensation plan as data (its schema, the version in force on a day), and one
// person's payout input assembled from their staff record, time, productivity and audits.
import { Type, type Static } from '@sinclair/typebox';
import { addDays } from '../shared/dates.ts';
import { formatDollars, parseDollars } from '../shared/money.ts';
import type { FieldError } from '../shared/problem.ts';
import { closed } from '../shared/schema.ts';
import type { CompPlan, PayoutInput } from './payout.ts';

const Cents = Type.Integer({ minimum: 0, maximum: 99_999_999 });
const Bp = Type.Integer({ minimum: 0, maximum: 10_000 });

/** A CompPlan (payout.ts) as the API takes it; ajv checks it, the UI checks forms with it. */
export const CompPlanSchema = Type.Object(
  {
    // A chart type of the coding workspace (em-visit, procedure, surgery, inpatient …).
    targetPerHour: Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9/ _-]{1,40}$' }),
      Type.Integer({ minimum: 1, maximum: 10_000 }),
      { additionalProperties: false, maxProperties: 20 },
    ),
    perChartAboveTargetCents: Cents,
    accuracyThresholdBp: Bp,
    accuracyBonusCents: Cents,
    teamCollectionsBp: Bp,
  },
  closed,
);
// The schema and the engine's type must not drift apart.
const _same: Static<typeof CompPlanSchema> extends CompPlan ? true : never = true;
void _same;

export interface PlanVersion {
  id: number;
  role: string;
  version: number;
  effectiveFrom: string;
  plan: CompPlan;
}

/** The plan in force on a day for a role: the highest version effective on or before it. */
export function planInForce<P extends PlanVersion>(
  versions: readonly P[],
  role: string,
  day: string,
): P | undefined {
  return versions
    .filter((v) => v.role === role && v.effectiveFrom <= day)
    .sort((a, b) => b.version - a.version)[0];
}

/** A payout period is whole ISO workweeks, Monday to Sunday, so overtime is counted by whole weeks. */
export function checkPeriod(from: string, to: string): FieldError[] {
  const weekday = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const errors: FieldError[] = [];
  if (weekday(from) !== 0) errors.push({ pointer: '/from', detail: 'a payout period starts on a Monday' });
  if (weekday(to) !== 6) errors.push({ pointer: '/to', detail: 'a payout period ends on a Sunday' });
  if (to < from) errors.push({ pointer: '/to', detail: 'before the start of the period' });
  else if (daysBetween(from, to) > 366)
    errors.push({ pointer: '/to', detail: 'a payout period is at most a year' });
  return errors;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Whole workweeks in a checked period. */
export const weeksIn = (from: string, to: string) => (daysBetween(from, addDays(to, 1)) / 7) | 0;

const half = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/** What computePayout needs of a staff record: a salary's share of the period is annual × weeks / 52. */
export function payOf(
  staff: {
    payType: string;
    exempt: boolean;
    rateCents: number | null;
    annualSalaryCents: number | null;
    salariedHoursPerWeek: number | null;
  },
  weeks: number,
): PayoutInput['pay'] {
  if (staff.payType === 'hourly') return { type: 'hourly', rateCents: staff.rateCents ?? 0, exempt: false };
  const annual = staff.annualSalaryCents ?? 0;
  const periodCents = half(annual * weeks, 52);
  if (staff.exempt) return { type: 'salaried', periodCents, exempt: true };
  return {
    type: 'salaried',
    exempt: false,
    periodCents,
    weeklyCents: half(annual, 52),
    hoursPerWeek: staff.salariedHoursPerWeek ?? 40,
  };
}

/**
 * The coding workspace's figures as payout inputs: minutes by chart type (hours to the minute),
 * and the audit score in basis points rounded down (94.996 % is not 95 %), null without an audit.
 */
export function codingInputs(
  byType: readonly { chartType: string; charts: number; hours: number }[],
  audit: { charts: number; correct: number; total: number },
): Pick<PayoutInput, 'productivity' | 'auditScoreBp'> {
  return {
    productivity: byType.map((r) => ({
      chartType: r.chartType,
      charts: r.charts,
      minutes: Math.round(r.hours * 60),
    })),
    auditScoreBp:
      audit.charts === 0
        ? null
        : audit.total === 0
          ? 10_000
          : Math.floor((audit.correct * 10_000) / audit.total),
  };
}

/** A plan that pays nothing beyond base pay and overtime: for a role without a plan in force. */
export const NO_PLAN: CompPlan = {
  targetPerHour: {},
  perChartAboveTargetCents: 0,
  accuracyThresholdBp: 10_000,
  accuracyBonusCents: 0,
  teamCollectionsBp: 0,
};

/**
 * Charts an hour and percentages are kept in hundredths, as dollars are in cents: "3.5" → 350,
 * "95" → 9500 (basis points). The same two-decimal reading and writing, never through floating point.
 */
export const readHundredths = parseDollars;
export const showHundredths = (n: number) => formatDollars(n).replace(/\.00$/, '');
