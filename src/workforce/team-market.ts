// Pure: each staff member's pay against the market (issue 17, "pay against the market"). Pay is
// annualised the way BLS annualises OEWS wages (hourly × 2,080 hours; a salary as it is). The
// market is three sets of published percentiles: the nation, the person's state and their work
// setting (industry). Where BLS publishes a mean but no percentiles (the May 2023 state file, the
// 3- to 6-digit industry rows) the national percentiles are scaled by that mean against the national
// mean of the same release, as the pay estimate does; each comparison says which it used.
import { formatDollars, formatUsd } from '../shared/money.ts';
import type { WageFigures } from './estimate.ts';
import { marketPosition, type MarketPosition, type Percentiles } from './market-position.ts';

/** BLS: "annual wages have been calculated by multiplying the hourly mean wage by 2,080 hours". */
export const HOURS_A_YEAR = 2080;

export interface StaffPay {
  staffId: number;
  name: string;
  role: string;
  payType: 'hourly' | 'salaried';
  rateCents: number | null;
  annualSalaryCents: number | null;
  state: string | null;
  remote: boolean;
  /** NAICS of the work setting (an industry code of the wage tables). */
  workSetting: string | null;
}

/** A published row (state or industry) and the national row of the same release. */
export interface MarketPair {
  row: WageFigures;
  national: WageFigures;
}

export interface Market {
  /** The latest national cross-industry row. */
  national: WageFigures;
  /** By state postal code. */
  states: Map<string, MarketPair>;
  /** By NAICS. */
  settings: Map<string, MarketPair>;
}

export interface Comparison {
  /** national, state or setting. */
  against: 'national' | 'state' | 'setting';
  /** e.g. "Alabama" or "Hospitals". */
  title: string;
  position: MarketPosition;
  percentiles: Percentiles;
  /** Where the percentiles come from, with the BLS release. */
  basis: string;
}

export interface TeamMarketRow {
  staffId: number;
  name: string;
  role: string;
  annualCents: number | null;
  annualised: string;
  comparisons: Comparison[];
  notes: string[];
}

const percentilesOf = (f: WageFigures): Percentiles => ({
  p10: f.annualP10,
  p25: f.annualP25,
  p50: f.annualMedian,
  p75: f.annualP75,
  p90: f.annualP90,
});
const published = (p: Percentiles) => Object.values(p).filter((v) => v !== null).length >= 2;

/** Hourly × 2,080, or the annual salary; null when the record has no rate. */
export function annualisedPay(s: Pick<StaffPay, 'payType' | 'rateCents' | 'annualSalaryCents'>): {
  cents: number | null;
  how: string;
} {
  if (s.payType === 'hourly')
    return s.rateCents === null
      ? { cents: null, how: 'no hourly rate on file' }
      : {
          cents: s.rateCents * HOURS_A_YEAR,
          how: `${formatUsd(s.rateCents)} an hour × ${HOURS_A_YEAR.toLocaleString('en-US')} hours`,
        };
  return s.annualSalaryCents === null
    ? { cents: null, how: 'no salary on file' }
    : { cents: s.annualSalaryCents, how: 'annual salary' };
}

/**
 * The percentiles of a state or setting: its own where BLS publishes them, else the latest national
 * percentiles × its mean / the national mean of its release (half up to the cent).
 */
export function pairPercentiles(
  pair: MarketPair,
  latest: WageFigures,
): { percentiles: Percentiles; basis: string } | null {
  const own = percentilesOf(pair.row);
  if (published(own))
    return { percentiles: own, basis: `BLS OEWS ${pair.row.release} percentiles of ${pair.row.title}` };
  const mean = pair.row.annualMean;
  const base = pair.national.annualMean;
  if (mean === null || !base) return null;
  const scale = (v: number | null) => (v === null ? null : Math.round((v * mean) / base));
  const national = percentilesOf(latest);
  return {
    percentiles: {
      p10: scale(national.p10),
      p25: scale(national.p25),
      p50: scale(national.p50),
      p75: scale(national.p75),
      p90: scale(national.p90),
    },
    basis:
      `BLS OEWS ${latest.release} national percentiles × ${pair.row.title}'s mean ${formatUsd(mean)} / ` +
      `national mean ${formatUsd(base)} (${pair.row.release}; BLS publishes no percentiles for it)`,
  };
}

export function teamMarket(staff: readonly StaffPay[], market: Market): TeamMarketRow[] {
  const nationalPercentiles = percentilesOf(market.national);
  return staff.map((s) => {
    const pay = annualisedPay(s);
    const notes: string[] = [];
    const comparisons: Comparison[] = [];
    const compare = (
      against: Comparison['against'],
      title: string,
      found: { percentiles: Percentiles; basis: string },
    ) =>
      comparisons.push({
        against,
        title,
        percentiles: found.percentiles,
        basis: found.basis,
        position: pay.cents === null ? { kind: 'unknown' } : marketPosition(pay.cents, found.percentiles),
      });
    compare('national', 'United States', {
      percentiles: nationalPercentiles,
      basis: `BLS OEWS ${market.national.release} national percentiles, ${market.national.title}`,
    });
    const side = (
      against: 'state' | 'setting',
      key: string | null,
      pairs: Map<string, MarketPair>,
      what: string,
    ) => {
      if (!key) return notes.push(`No ${what} on the staff record.`);
      const published = against === 'setting' ? industryOrParent(key, pairs) : key;
      const pair = published === undefined ? undefined : pairs.get(published);
      const found = pair && pairPercentiles(pair, market.national);
      if (!pair || !found) return notes.push(`BLS publishes no figures for the ${what} ${key}.`);
      if (published !== key)
        notes.push(
          `BLS publishes no figures for the industry ${key}; its wider industry ${published} is used.`,
        );
      compare(against, pair.row.title, found);
    };
    side('state', s.state, market.states, 'state');
    if (s.remote && s.state)
      notes.push(`Works remotely; compared with the market of ${s.state}, where they live.`);
    side('setting', s.workSetting, market.settings, 'work setting');
    return {
      staffId: s.staffId,
      name: s.name,
      role: s.role,
      annualCents: pay.cents,
      annualised: pay.how,
      comparisons,
      notes,
    };
  });
}

/**
 * The industry itself or the nearest wider one BLS publishes: NAICS 621111 → 621110 → 621100 →
 * 621000 → 62 (the sector files key sectors by two digits).
 */
function industryOrParent(naics: string, pairs: Map<string, unknown>): string | undefined {
  const code = naics.padEnd(6, '0');
  const tries = [naics, code, ...[5, 4, 3].map((n) => code.slice(0, n).padEnd(6, '0')), code.slice(0, 2)];
  return tries.find((t) => pairs.has(t));
}

/** For a table cell and the CSV: "37.5th", "below the 10th", "above the 90th", "unknown". */
export function positionText(p: MarketPosition): string {
  if (p.kind === 'below') return 'below the 10th';
  if (p.kind === 'above') return 'above the 90th';
  if (p.kind === 'unknown') return 'unknown';
  return ordinal(p.percentile);
}

/** 21 → "21st", 37.5 → "37.5th" (a fraction reads "th"). */
function ordinal(n: number): string {
  if (!Number.isInteger(n) || (n % 100 >= 11 && n % 100 <= 13)) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const TEAM_MARKET_COLUMNS = [
  'name',
  'role',
  'annualPay',
  'annualised',
  'national',
  'state',
  'statePercentile',
  'setting',
  'settingPercentile',
  'basis',
  'notes',
];

/** The team view's table, the same for the page and the CSV. */
export function teamMarketRows(rows: readonly TeamMarketRow[]): Record<string, string | null>[] {
  return rows.map((r) => {
    const of = (a: Comparison['against']) => r.comparisons.find((c) => c.against === a);
    const [national, state, setting] = [of('national'), of('state'), of('setting')];
    return {
      name: r.name,
      role: r.role,
      annualPay: r.annualCents === null ? null : formatDollars(r.annualCents),
      annualised: r.annualised,
      national: national ? positionText(national.position) : null,
      state: state?.title ?? null,
      statePercentile: state ? positionText(state.position) : null,
      setting: setting?.title ?? null,
      settingPercentile: setting ? positionText(setting.position) : null,
      basis: r.comparisons.map((c) => `${c.against}: ${c.basis}`).join('; '),
      notes: r.notes.join(' '),
    };
  });
}
