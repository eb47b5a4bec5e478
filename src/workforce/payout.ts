// Pure: one person's pay for a period under a compensation plan, with every input shown. Base pay
// (hourly or salaried), a productivity bonus for charts above the plan's target by chart type, an
// accuracy bonus at or above the plan's audit score, a share of the team's collections, and
// overtime for non-exempt hours over 40 in a workweek (FLSA, 29 CFR 778.107) at 1.5 × the regular
// rate, the regular rate including the period's nondiscretionary bonuses allocated to each week by
// its hours (29 CFR 778.209–210). Integer cents; each line is rounded half up to the cent.

export interface CompPlan {
  /** Charts an hour expected, by chart type, in hundredths (350 = 3.5 charts an hour). */
  targetPerHour: Record<string, number>;
  /** Paid for each chart above the target. */
  perChartAboveTargetCents: number;
  /** Audit score (basis points, 9500 = 95 %) at or above which the accuracy bonus is paid. */
  accuracyThresholdBp: number;
  accuracyBonusCents: number;
  /** The team's share of collections (basis points), split equally among its members. */
  teamCollectionsBp: number;
}

export interface PayoutInput {
  /** Hourly non-exempt, or salaried exempt (salaried non-exempt pay, whose salary covers a set
   *  number of hours, is not handled yet). */
  pay:
    | { type: 'hourly'; rateCents: number; exempt: false }
    | { type: 'salaried'; periodCents: number; exempt: true };
  /** Minutes worked, by workweek (e.g. 2026-W48). */
  weeks: { week: string; minutes: number }[];
  /** From the coding workspace: charts coded and minutes spent, by chart type. */
  productivity: { chartType: string; charts: number; minutes: number }[];
  /** Audit score in basis points, or null with no audit in the period. */
  auditScoreBp: number | null;
  team: { collectionsCents: number; members: number };
}

export interface PayoutLine {
  what: string;
  inputs: string;
  cents: number;
}

const half = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d)); // half up, n ≥ 0
const WEEK = 40 * 60;

export function computePayout(
  plan: CompPlan,
  input: PayoutInput,
): { lines: PayoutLine[]; totalCents: number } {
  const lines: PayoutLine[] = [];
  const { pay } = input;
  const totalMinutes = input.weeks.reduce((s, w) => s + w.minutes, 0);
  if (pay.type === 'hourly')
    lines.push({
      what: 'Base pay',
      inputs: `${totalMinutes / 60} hours × ${pay.rateCents} cents`,
      cents: half(pay.rateCents * totalMinutes, 60),
    });
  else lines.push({ what: 'Base pay', inputs: `salary for the period`, cents: pay.periodCents });

  let productivity = 0;
  const details: string[] = [];
  for (const p of input.productivity) {
    const target = plan.targetPerHour[p.chartType];
    if (target === undefined) continue;
    const expected = Math.floor((target * p.minutes) / 6000);
    const above = Math.max(0, p.charts - expected);
    productivity += above * plan.perChartAboveTargetCents;
    details.push(
      `${p.chartType}: ${p.charts} charts in ${p.minutes / 60} h, target ${target / 100}/h = ${expected}, ${above} above`,
    );
  }
  lines.push({
    what: 'Productivity bonus',
    inputs: `${details.join('; ')} × ${plan.perChartAboveTargetCents} cents`,
    cents: productivity,
  });
  const accurate = input.auditScoreBp !== null && input.auditScoreBp >= plan.accuracyThresholdBp;
  lines.push({
    what: 'Accuracy bonus',
    inputs: `audit score ${input.auditScoreBp === null ? 'none' : `${input.auditScoreBp / 100} %`} against ${plan.accuracyThresholdBp / 100} %`,
    cents: accurate ? plan.accuracyBonusCents : 0,
  });
  const team = half(input.team.collectionsCents * plan.teamCollectionsBp, 10_000 * input.team.members);
  lines.push({
    what: 'Team bonus',
    inputs: `${plan.teamCollectionsBp / 100} % of ${input.team.collectionsCents} cents collected, among ${input.team.members}`,
    cents: team,
  });

  if (pay.type === 'hourly') {
    const rate = pay.rateCents;
    const bonuses = productivity + (accurate ? plan.accuracyBonusCents : 0) + team;
    let premium = 0;
    const weekDetails: string[] = [];
    for (const w of input.weeks) {
      const over = Math.max(0, w.minutes - WEEK);
      if (!over) continue;
      // Regular rate = (straight-time pay + the week's share of the bonuses) / hours; the half-time
      // premium on the hours over 40 (straight time for them is already in base pay).
      const weekPay = rate * w.minutes + half(bonuses * w.minutes, totalMinutes) * 60;
      const cents = half(weekPay * over, 2 * w.minutes * 60);
      premium += cents;
      weekDetails.push(
        `${w.week}: ${over / 60} h over 40, regular rate ${(weekPay / w.minutes).toFixed(2)} cents/h, half-time ${cents} cents`,
      );
    }
    lines.push({
      what: 'Overtime premium',
      inputs: weekDetails.join('; ') || 'no week over 40 hours',
      cents: premium,
    });
  }
  return { lines, totalCents: lines.reduce((s, l) => s + l.cents, 0) };
}
