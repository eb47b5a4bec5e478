// Pure: the practice's operating figures by month (issue 17): cost per claim, cost to collect,
// claims and dollars collected per FTE, each against the same month a year before and the trailing
// twelve months. Staff cost is what the team was paid (gross pay; no employer taxes or benefits).
// Integer cents and whole basis points, each figure rounded half up once from exact sums.
//   cost per claim      = staff cost / claims first submitted in the month
//   cost to collect     = staff cost / collections (insurance + patient payments − refunds)
//   FTE                 = hours worked / (40 × weeks), weeks = days of the month / 7
//   claims per FTE      = claims / FTE;  dollars per FTE = collections / FTE
import { addDays } from '../shared/dates.ts';

export interface MonthFacts {
  /** 2026-01. */
  month: string;
  staffCostCents: number;
  /** Where the staff cost comes from: stored payout runs, estimated from pay and time, or both. */
  staffCostFrom: 'payout runs' | 'estimated from pay' | 'both' | 'none';
  minutesWorked: number;
  claimsSubmitted: number;
  collectionsCents: number;
}

export interface Figures {
  costPerClaimCents: number | null;
  /** Staff cost per dollar collected, in basis points (1,250 = 12.5 %). */
  costToCollectBp: number | null;
  /** Full-time equivalents in hundredths (150 = 1.5 FTE). */
  fteHundredths: number | null;
  /** Claims per FTE in tenths (a month's FTE: claims that month). */
  claimsPerFteTenths: number | null;
  collectionsPerFteCents: number | null;
}

export interface OperatingMonth extends MonthFacts {
  figures: Figures;
  /** The same month a year before, null when there are no figures for it. */
  lastYear: Figures | null;
  /** The months of the twelve before it that have figures, summed then divided; null when none. */
  trailing: Figures | null;
}

const WEEK_MINUTES = 40 * 60;
/** n / d rounded half up (n ≥ 0, d > 0). */
export const halfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));
const half = (n: number, d: number) => (d === 0 ? null : halfUp(n, d));

export const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** 2026-03 and −1 → 2026-02. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The first and last day of a month. */
export const monthBounds = (month: string) => ({
  from: `${month}-01`,
  to: addDays(`${addMonths(month, 1)}-01`, -1),
});

const hasFigures = (f: MonthFacts) =>
  f.staffCostCents > 0 || f.minutesWorked > 0 || f.claimsSubmitted > 0 || f.collectionsCents > 0;

/** The figures of summed facts over `days` calendar days. */
export function figuresOf(f: Omit<MonthFacts, 'month' | 'staffCostFrom'>, days: number): Figures {
  // FTE = minutes / (2,400 × days / 7) = 7 × minutes / (2,400 × days); the per-FTE figures divide
  // by the exact FTE, not the rounded one.
  const fteDen = WEEK_MINUTES * days;
  const perFte = (amount: number, scale: number) =>
    f.minutesWorked > 0 ? half(amount * fteDen * scale, 7 * f.minutesWorked) : null;
  return {
    costPerClaimCents: half(f.staffCostCents, f.claimsSubmitted),
    costToCollectBp: half(f.staffCostCents * 10_000, f.collectionsCents),
    fteHundredths: f.minutesWorked > 0 ? half(7 * f.minutesWorked * 100, fteDen) : null,
    claimsPerFteTenths: perFte(f.claimsSubmitted, 10),
    collectionsPerFteCents: perFte(f.collectionsCents, 1),
  };
}

const sum = (months: MonthFacts[]) => ({
  staffCostCents: months.reduce((s, m) => s + m.staffCostCents, 0),
  minutesWorked: months.reduce((s, m) => s + m.minutesWorked, 0),
  claimsSubmitted: months.reduce((s, m) => s + m.claimsSubmitted, 0),
  collectionsCents: months.reduce((s, m) => s + m.collectionsCents, 0),
});

/**
 * The twelve months ending with `lastMonth`, each with its figures, the same month a year before
 * and the trailing twelve months. `facts` may hold any months (the 23 before lastMonth are used);
 * a month missing from it has no figures.
 */
export function operatingFigures(facts: readonly MonthFacts[], lastMonth: string): OperatingMonth[] {
  const byMonth = new Map(facts.map((f) => [f.month, f]));
  const empty = (month: string): MonthFacts => ({
    month,
    staffCostCents: 0,
    staffCostFrom: 'none',
    minutesWorked: 0,
    claimsSubmitted: 0,
    collectionsCents: 0,
  });
  const at = (month: string) => byMonth.get(month) ?? empty(month);
  const out: OperatingMonth[] = [];
  for (let back = 11; back >= 0; back--) {
    const month = addMonths(lastMonth, -back);
    const facts = at(month);
    const before = at(addMonths(month, -12));
    const history = Array.from({ length: 12 }, (_, i) => at(addMonths(month, -12 + i))).filter(hasFigures);
    out.push({
      ...facts,
      figures: figuresOf(facts, daysIn(month)),
      lastYear: hasFigures(before) ? figuresOf(before, daysIn(before.month)) : null,
      trailing: history.length
        ? figuresOf(
            sum(history),
            history.reduce((s, m) => s + daysIn(m.month), 0),
          )
        : null,
    });
  }
  return out;
}
