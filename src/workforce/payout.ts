// Pure: one person's pay for a period under a compensation plan, with every input shown. Base pay
// (hourly or salaried), a productivity bonus for charts above the plan's target by chart type, an
// accuracy bonus at or above the plan's audit score, a share of the team's collections, and
// overtime for non-exempt hours over 40 in a workweek (FLSA, 29 CFR 778.107) at 1.5 × the regular
// rate, the regular rate including the period's nondiscretionary bonuses allocated to each week by
// its hours (29 CFR 778.209–210). A non-exempt salary covers a set number of hours a week: its
// regular rate is the weekly salary over those hours (29 CFR 778.113), hours beyond them up to 40
// are paid at that rate (straight time) and hours over 40 at 1.5 × it (778.114 applies only to a
// fluctuating-hours agreement, which this is not). Integer cents; each line is rounded half up to
// the cent.

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
  /** Hourly (never exempt), salaried exempt, or salaried non-exempt: a weekly salary meant to
   *  cover hoursPerWeek hours (≤ 40). periodCents is the salary paid for the period. */
  pay:
    | { type: 'hourly'; rateCents: number; exempt: false }
    | { type: 'salaried'; periodCents: number; exempt: true }
    | { type: 'salaried'; periodCents: number; exempt: false; weeklyCents: number; hoursPerWeek: number };
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
    inputs: details.length
      ? `${details.join('; ')} × ${plan.perChartAboveTargetCents} cents`
      : 'no charts of a chart type the plan targets',
    cents: productivity,
  });
  const accurate = input.auditScoreBp !== null && input.auditScoreBp >= plan.accuracyThresholdBp;
  lines.push({
    what: 'Accuracy bonus',
    inputs: `audit score ${input.auditScoreBp === null ? 'none' : `${input.auditScoreBp / 100} %`} against ${plan.accuracyThresholdBp / 100} %`,
    cents: accurate ? plan.accuracyBonusCents : 0,
  });
  const team =
    input.team.members > 0
      ? half(input.team.collectionsCents * plan.teamCollectionsBp, 10_000 * input.team.members)
      : 0;
  lines.push({
    what: 'Team bonus',
    inputs: `${plan.teamCollectionsBp / 100} % of ${input.team.collectionsCents} cents collected, among ${input.team.members}`,
    cents: team,
  });

  const bonuses = productivity + (accurate ? plan.accuracyBonusCents : 0) + team;
  // Each week's share of the period's bonuses, by its hours (29 CFR 778.209).
  const bonusOf = (minutes: number) => (totalMinutes ? half(bonuses * minutes, totalMinutes) : 0);
  if (pay.type === 'hourly') {
    const rate = pay.rateCents;
    let premium = 0;
    const weekDetails: string[] = [];
    for (const w of input.weeks) {
      const over = Math.max(0, w.minutes - WEEK);
      if (!over) continue;
      // Regular rate = (straight-time pay + the week's share of the bonuses) / hours; the half-time
      // premium on the hours over 40 (straight time for them is already in base pay).
      const weekPay = rate * w.minutes + bonusOf(w.minutes) * 60;
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
  } else if (!pay.exempt) lines.push(...salariedNonExempt(pay, input.weeks, bonusOf));
  return { lines, totalCents: lines.reduce((s, l) => s + l.cents, 0) };
}

/**
 * The weeks of a non-exempt salary: straight time at the salary's rate for hours beyond those it
 * covers up to 40, and 1.5 × the regular rate (the salary's rate plus the week's bonus share over
 * its hours) for hours over 40, which the salary does not pay at all.
 */
function salariedNonExempt(
  pay: { weeklyCents: number; hoursPerWeek: number },
  weeks: { week: string; minutes: number }[],
  bonusOf: (minutes: number) => number,
): PayoutLine[] {
  const { weeklyCents: W, hoursPerWeek: H } = pay;
  let straight = 0;
  let overtime = 0;
  const straightDetails: string[] = [];
  const overtimeDetails: string[] = [];
  for (const w of weeks) {
    const beyond = Math.max(0, Math.min(w.minutes, WEEK) - H * 60);
    if (beyond) {
      const cents = half(W * beyond, H * 60);
      straight += cents;
      straightDetails.push(`${w.week}: ${beyond / 60} h beyond ${H} h, ${cents} cents`);
    }
    const over = Math.max(0, w.minutes - WEEK);
    if (!over) continue;
    // hours over 40 × 1.5 × (W / H + B / hours) = 3 × over × (W × minutes + 60 × B × H) / (120 × H × minutes)
    const B = bonusOf(w.minutes);
    const cents = half(3 * over * (W * w.minutes + 60 * B * H), 120 * H * w.minutes);
    overtime += cents;
    overtimeDetails.push(
      `${w.week}: ${over / 60} h over 40, regular rate ${(W / H + (60 * B) / w.minutes).toFixed(2)} cents/h × 1.5, ${cents} cents`,
    );
  }
  return [
    {
      what: 'Straight time beyond the salaried hours',
      inputs: `salary ${W} cents a week for ${H} h = ${(W / H).toFixed(2)} cents/h; ${straightDetails.join('; ') || `no week beyond ${H} hours`}`,
      cents: straight,
    },
    {
      what: 'Overtime',
      inputs: overtimeDetails.join('; ') || 'no week over 40 hours',
      cents: overtime,
    },
  ];
}
