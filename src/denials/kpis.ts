import type { ClaimFacts } from '../claims/index.ts';
import { daysInAr as ledgerDaysInAr } from '../ledger/index.ts';
import type { Cents } from '../shared/money.ts';

// The denials dashboard's figures, pure: plain facts about claims, denials, appeals and the
// ledger in, the figures out, given the period and "today". Ratios are between 0 and 1, rounded
// to 4 decimal places (half away from zero); null when nothing was counted. Money is integer cents.
// The formulas are in README.md (Denials dashboard).

export type { ClaimFacts };

export interface DenialFacts {
  denialId: number;
  claimId: number;
  /** The procedure of the denied line; null for a claim-level denial or rejection. */
  procedureCode: string | null;
  category: string | null;
  /** CAS02 CARC (or the 277 status code of a rejection). */
  reasonCode: string;
  amountCents: Cents;
  /** The day the denial reached the practice (opened). */
  deniedOn: string;
  /** The first day someone worked it: a note, status or owner on its work item, an appeal, a resolution. */
  actionedOn: string | null;
}

export interface AppealFacts {
  appealId: number;
  /** draft, sent, won, partly-won, lost. */
  state: string;
  decidedOn: string | null;
  recoveredCents: Cents | null;
}

/** One payer's insurance A/R in the five buckets (0–30, 31–60, 61–90, 91–120, over 120), from the ledger. */
export interface ArAgingInput {
  key: string;
  label: string;
  buckets: Cents[];
}

/** Ledger sums: A/R now, charges over the 90 days to today, and the period's money. */
export interface LedgerFacts {
  totalArCents: Cents;
  chargesLast90DaysCents: Cents;
  chargesCents: Cents;
  contractualAdjustmentsCents: Cents;
  /** Insurance and patient payments less refunds. */
  paymentsCents: Cents;
}

export interface Period {
  from: string;
  to: string;
}

/** A ratio rounded to 4 decimal places; null when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  const x = numerator / denominator;
  return (Math.sign(x) * Math.round(Math.abs(x) * 10_000)) / 10_000;
}

const inPeriod = (day: string | null, p: Period): day is string =>
  day !== null && day >= p.from && day <= p.to;
const monthOf = (day: string) => day.slice(0, 7);

export type DenialDimension = 'payer' | 'category' | 'carc' | 'provider' | 'procedure';

export interface DenialRateRow {
  month: string;
  key: string;
  label: string;
  deniedClaims: number;
  decidedClaims: number;
  rate: number | null;
}

/**
 * Denial rate per month (the month a claim was first decided): claims with at least one denial
 * ÷ claims decided. By payer and provider: both counts within the payer (provider). By category
 * and CARC: claims denied for it ÷ all claims decided (a claim denied for two reasons counts in
 * both). By procedure: claims with a denied line billing it ÷ decided claims billing it.
 * 'all' is the practice's overall rate.
 */
export function denialRates(
  claims: readonly ClaimFacts[],
  denials: readonly DenialFacts[],
  period: Period,
  by: DenialDimension | 'all',
): DenialRateRow[] {
  const denialsOf = new Map<number, DenialFacts[]>();
  for (const d of denials) denialsOf.set(d.claimId, [...(denialsOf.get(d.claimId) ?? []), d]);
  const rows = new Map<string, DenialRateRow>();
  const row = (month: string, key: string, label: string) => {
    const id = `${month}|${key}`;
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { month, key, label, deniedClaims: 0, decidedClaims: 0, rate: null }));
    return r;
  };
  const decidedTotals = new Map<string, number>();
  for (const c of claims) {
    if (!inPeriod(c.decidedOn, period)) continue;
    const month = monthOf(c.decidedOn);
    const own = denialsOf.get(c.claimId) ?? [];
    decidedTotals.set(month, (decidedTotals.get(month) ?? 0) + 1);
    if (by === 'all' || by === 'payer' || by === 'provider') {
      const [key, label] =
        by === 'all'
          ? ['all', 'All payers']
          : by === 'payer'
            ? [String(c.payerId), c.payerName]
            : [String(c.providerId), c.providerName];
      const r = row(month, key, label);
      r.decidedClaims++;
      if (own.length) r.deniedClaims++;
    } else if (by === 'procedure') {
      for (const code of new Set(c.procedureCodes)) {
        const r = row(month, code, code);
        r.decidedClaims++;
        if (own.some((d) => d.procedureCode === code)) r.deniedClaims++;
      }
    } else {
      const keys = new Set(
        own.map((d) => (by === 'category' ? (d.category ?? 'uncategorised') : d.reasonCode)),
      );
      for (const key of keys) row(month, key, key).deniedClaims++;
    }
  }
  const out = [...rows.values()];
  for (const r of out) {
    // category and CARC rates are shares of every claim decided that month
    if (by === 'category' || by === 'carc') r.decidedClaims = decidedTotals.get(r.month) ?? 0;
    r.rate = ratio(r.deniedClaims, r.decidedClaims);
  }
  return out.sort(
    (a, b) => a.month.localeCompare(b.month) || b.deniedClaims - a.deniedClaims || a.key.localeCompare(b.key),
  );
}

export interface AppealOutcomes {
  decided: number;
  won: number;
  partlyWon: number;
  lost: number;
  /** (won + partly won) ÷ decided. */
  successRate: number | null;
  recoveredCents: Cents;
  byMonth: {
    month: string;
    decided: number;
    succeeded: number;
    successRate: number | null;
    recoveredCents: Cents;
  }[];
}

/** Appeals decided in the period (won, partly won, lost): the success rate and the dollars recovered. */
export function appealOutcomes(appeals: readonly AppealFacts[], period: Period): AppealOutcomes {
  const out: AppealOutcomes = {
    decided: 0,
    won: 0,
    partlyWon: 0,
    lost: 0,
    successRate: null,
    recoveredCents: 0,
    byMonth: [],
  };
  const months = new Map<string, AppealOutcomes['byMonth'][number]>();
  for (const a of appeals) {
    if (!['won', 'partly-won', 'lost'].includes(a.state) || !inPeriod(a.decidedOn, period)) continue;
    const month = monthOf(a.decidedOn);
    let m = months.get(month);
    if (!m)
      months.set(month, (m = { month, decided: 0, succeeded: 0, successRate: null, recoveredCents: 0 }));
    const recovered = a.state === 'lost' ? 0 : (a.recoveredCents ?? 0);
    out.decided++;
    m.decided++;
    if (a.state === 'won') out.won++;
    if (a.state === 'partly-won') out.partlyWon++;
    if (a.state === 'lost') out.lost++;
    else m.succeeded++;
    out.recoveredCents += recovered;
    m.recoveredCents += recovered;
  }
  out.successRate = ratio(out.won + out.partlyWon, out.decided);
  out.byMonth = [...months.values()]
    .map((m) => ({ ...m, successRate: ratio(m.succeeded, m.decided) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  return out;
}

export interface ArAgingRow extends ArAgingInput {
  total: Cents;
  over90Cents: Cents;
  over120Cents: Cents;
  shareOver90: number | null;
  shareOver120: number | null;
}

/** A/R aging by payer with the share over 90 days (91–120 and over 120) and over 120 days, and a total row. */
export function arAgingByPayer(rows: readonly ArAgingInput[]): { rows: ArAgingRow[]; total: ArAgingRow } {
  const withShares = (r: ArAgingInput): ArAgingRow => {
    const total = r.buckets.reduce((s, c) => s + c, 0);
    const over120Cents = r.buckets[4] ?? 0;
    const over90Cents = (r.buckets[3] ?? 0) + over120Cents;
    return {
      ...r,
      total,
      over90Cents,
      over120Cents,
      shareOver90: ratio(over90Cents, total),
      shareOver120: ratio(over120Cents, total),
    };
  };
  const sums = [0, 0, 0, 0, 0];
  for (const r of rows) r.buckets.forEach((c, i) => (sums[i]! += c));
  return { rows: rows.map(withShares), total: withShares({ key: 'total', label: 'Total', buckets: sums }) };
}

/** Days in A/R (the ledger's measure): total A/R ÷ (charges over the last 90 days ÷ 90), rounded to 1 decimal; null without charges. */
export function daysInAr(l: Pick<LedgerFacts, 'totalArCents' | 'chargesLast90DaysCents'>): number | null {
  return ledgerDaysInAr(l.totalArCents, l.chargesLast90DaysCents, 90);
}

/** Net collection rate: payments ÷ (charges − contractual adjustments). */
export function netCollectionRate(l: LedgerFacts): number | null {
  return ratio(l.paymentsCents, l.chargesCents - l.contractualAdjustmentsCents);
}

export interface MonthlyRate {
  month: string;
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** Counts per month and for the whole period of facts that fall in it, and the share that pass. */
function monthlyRate<T>(
  items: readonly T[],
  dayOf: (t: T) => string | null,
  passes: (t: T) => boolean,
  period: Period,
) {
  const months = new Map<string, MonthlyRate>();
  let numerator = 0;
  let denominator = 0;
  for (const t of items) {
    const day = dayOf(t);
    if (!inPeriod(day, period)) continue;
    const month = monthOf(day);
    let m = months.get(month);
    if (!m) months.set(month, (m = { month, numerator: 0, denominator: 0, rate: null }));
    m.denominator++;
    denominator++;
    if (passes(t)) {
      m.numerator++;
      numerator++;
    }
  }
  const byMonth = [...months.values()]
    .map((m) => ({ ...m, rate: ratio(m.numerator, m.denominator) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  return { numerator, denominator, rate: ratio(numerator, denominator), byMonth };
}

export type RateWithMonths = ReturnType<typeof monthlyRate>;

/** First-pass resolution: claims paid (in full or part) at their first adjudication without rework ÷ claims adjudicated. */
export function firstPassResolution(claims: readonly ClaimFacts[], period: Period): RateWithMonths {
  return monthlyRate(
    claims,
    (c) => c.adjudicatedOn,
    (c) => c.firstAdjudication !== 'denied' && !c.reworked,
    period,
  );
}

/** Clean-claim rate: claims clean on their first scrub ÷ claims scrubbed (by the first scrub's day). */
export function cleanClaimRate(claims: readonly ClaimFacts[], period: Period): RateWithMonths {
  return monthlyRate(
    claims,
    (c) => c.firstScrub?.on ?? null,
    (c) => c.firstScrub?.clean === true,
    period,
  );
}

/** The day `n` business days (Monday to Friday; no holidays are kept) after `day`. */
export function addBusinessDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Denials actioned within 10 business days of opening ÷ denials whose outcome is known: actioned
 * (in time or late) or still not actioned after the 10th business day. One opened recently and not
 * yet worked is left out until its time is up.
 */
export function actionedInTime(
  denials: readonly DenialFacts[],
  period: Period,
  today: string,
): RateWithMonths {
  const known = denials.filter((d) => d.actionedOn !== null || addBusinessDays(d.deniedOn, 10) < today);
  return monthlyRate(
    known,
    (d) => d.deniedOn,
    (d) => d.actionedOn !== null && d.actionedOn <= addBusinessDays(d.deniedOn, 10),
    period,
  );
}

export interface DashboardFacts {
  claims: ClaimFacts[];
  denials: DenialFacts[];
  appeals: AppealFacts[];
  arAging: ArAgingInput[];
  ledger: LedgerFacts;
}

/** Every figure of the dashboard. */
export function dashboardKpis(facts: DashboardFacts, period: Period, today: string) {
  const { claims, denials } = facts;
  return {
    period,
    today,
    denialRate: {
      all: denialRates(claims, denials, period, 'all'),
      payer: denialRates(claims, denials, period, 'payer'),
      category: denialRates(claims, denials, period, 'category'),
      carc: denialRates(claims, denials, period, 'carc'),
      provider: denialRates(claims, denials, period, 'provider'),
      procedure: denialRates(claims, denials, period, 'procedure'),
    },
    appeals: appealOutcomes(facts.appeals, period),
    arAging: arAgingByPayer(facts.arAging),
    daysInAr: { ...pick(facts.ledger), days: daysInAr(facts.ledger) },
    netCollection: { ...facts.ledger, rate: netCollectionRate(facts.ledger) },
    firstPassResolution: firstPassResolution(claims, period),
    cleanClaims: cleanClaimRate(claims, period),
    actionedInTenDays: actionedInTime(denials, period, today),
  };
}

const pick = (l: LedgerFacts) => ({
  totalArCents: l.totalArCents,
  chargesLast90DaysCents: l.chargesLast90DaysCents,
});

export type DashboardKpis = ReturnType<typeof dashboardKpis>;
