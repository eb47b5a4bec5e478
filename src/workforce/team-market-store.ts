// Reading the team's pay against the market: the practice's staff and the wage tables, put to the
// pure comparison (team-market.ts). Showing everyone's pay is a read of personal data: audited.
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { WageFigures } from './estimate.ts';
import { listStaff } from './staff-store.ts';
import { wageExplorer, type WageEstimateRow } from './store.ts';
import { teamMarket, type Market, type MarketPair, type TeamMarketRow } from './team-market.ts';

export interface TeamMarketView {
  occupation: { code: string; title: string };
  /** The national release compared against (the latest imported). */
  release: string;
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

export async function teamMarketFor(
  db: Db,
  practiceId: number,
  actor: AuditActor,
  today: string,
): Promise<TeamMarketView | null> {
  const x = await wageExplorer(db);
  const market = x && marketOf(x);
  if (!x || !market) return null;
  // Those on the staff today (an end date still ahead keeps them).
  const staff = (await listStaff(db, practiceId)).filter(
    (s) => s.hireDate <= today && (s.endDate === null || s.endDate >= today),
  );
  await recordAudit(db, actor, {
    practiceId,
    action: 'list',
    entity: 'staff_member',
    detail: { staffIds: staff.map((s) => s.id), view: 'pay against the market' },
  });
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
  return { occupation: x.occupation, release: market.national.release, rows };
}
