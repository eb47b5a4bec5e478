// Reading the team's pay against the market: the practice's staff and the wage tables, put to the
// pure comparison (team-market.ts). Showing everyone's pay is a read of personal data: audited
// (teamFor does it).
import type { Db } from '../db/connection.ts';
import type { WageFigures } from './estimate.ts';
import { teamFor, type Viewer } from './staff-store.ts';
import { wageExplorer, type WageEstimateRow } from './store.ts';
import { teamMarket, type Market, type MarketPair, type TeamMarketRow } from './team-market.ts';

export interface TeamMarketView {
  occupation: { code: string; title: string };
  /** The national release compared against (the latest imported). */
  release: string;
  /** Whether the viewer sees the whole team (a manager) or only their own row. */
  manager: boolean;
  rows: TeamMarketRow[];
}

const figures = (r: WageEstimateRow, title: string): WageFigures => ({ ...r, title });

/** The wage tables as the comparison needs them: the latest row of each state and setting. */
export function marketOf(x: NonNullable<Awaited<ReturnType<typeof wageExplorer>>>): Market | null {
  const nationalByRelease = new Map(x.national.map((r) => [r.release, r]));
  const latest = x.national.filter((r) => r.annualMedian !== null).at(-1);
  if (!latest) return null;
  // Rows come oldest release first: a later release replaces an earlier one under its key.
  const pairs = (
    rows: WageEstimateRow[],
    key: (r: WageEstimateRow) => string,
    title: (r: WageEstimateRow) => string,
  ) => {
    const out = new Map<string, MarketPair>();
    for (const r of rows) {
      const national = nationalByRelease.get(r.release);
      if (r.annualMean === null || !national) continue;
      out.set(key(r), { row: figures(r, title(r)), national: figures(national, 'U.S.') });
    }
    return out;
  };
  return {
    national: figures(latest, `${x.occupation.title}, U.S., all industries`),
    states: pairs(
      x.states,
      (r) => r.state,
      (r) => r.areaTitle,
    ),
    settings: pairs(
      x.industries,
      (r) => r.naics,
      (r) => r.naicsTitle,
    ),
  };
}

/**
 * The team against the market as the viewer may see it (W2's teamFor): a manager everyone on the
 * staff today (the listing audited), anyone else only their own record.
 */
export async function teamMarketFor(
  db: Db,
  practiceId: number,
  viewer: Viewer,
  today: string,
): Promise<TeamMarketView | null> {
  const x = await wageExplorer(db);
  const market = x && marketOf(x);
  if (!x || !market) return null;
  const staff = (await teamFor(db, practiceId, viewer)).filter(
    (s) => s.hireDate <= today && (s.endDate === null || s.endDate >= today),
  );
  const rows = teamMarket(
    staff.map((s) => ({
      staffId: s.id,
      name: s.name,
      role: s.jobTitle ?? s.role,
      payType: s.payType === 'salaried' ? 'salaried' : 'hourly',
      rateCents: s.rateCents,
      annualSalaryCents: s.annualSalaryCents,
      state: s.state,
      remote: s.remote,
      workSetting: s.workSetting,
    })),
    market,
  );
  return { occupation: x.occupation, release: market.national.release, manager: viewer.manager, rows };
}
