// Pure: the explorer's figures as tables (title, BLS release, columns, rows of text) for the CSV
// download; the page draws the same rows. A cell BLS published as a special code shows the code.
import { formatUsd } from '../shared/money.ts';
import { countFigure, figureText, moneyFigure } from './figure.ts';
import type { WageEstimateRow } from './store.ts';

export interface WageTable {
  name: 'national' | 'states' | 'industries' | 'outlook';
  title: string;
  release: string;
  columns: string[];
  rows: Record<string, string>[];
}
export const WAGE_TABLES = ['national', 'states', 'industries', 'outlook'] as const;

const money = (r: WageEstimateRow, column: string) => figureText(moneyFigure(r.published[column]), formatUsd);
const count = (r: WageEstimateRow, column: string) =>
  figureText(countFigure(r.published[column]), (n) => n.toLocaleString('en-US'));
const releases = (rows: { release: string }[]) => [...new Set(rows.map((r) => r.release))].join(', ');

export interface ExplorerData {
  occupation: { code: string; title: string };
  national: WageEstimateRow[];
  states: WageEstimateRow[];
  industries: WageEstimateRow[];
  outlook: { period: string; published: Record<string, string> }[];
}

export function wageTables(x: ExplorerData): WageTable[] {
  const occ = `${x.occupation.title} (SOC ${x.occupation.code})`;
  const pcts = ['A_PCT10', 'A_PCT25', 'A_MEDIAN', 'A_PCT75', 'A_PCT90'] as const;
  const pctNames = ['10th', '25th', 'Median', '75th', '90th'];
  return [
    {
      name: 'national',
      title: `${occ}: national annual wages by percentile`,
      release: releases(x.national),
      columns: ['Release', 'Employment', 'Mean', ...pctNames],
      rows: x.national.map((r) => ({
        Release: r.release,
        Employment: count(r, 'TOT_EMP'),
        Mean: money(r, 'A_MEAN'),
        ...Object.fromEntries(pcts.map((c, i) => [pctNames[i], money(r, c)])),
      })),
    },
    {
      name: 'states',
      title: `${occ}: mean wages by state`,
      release: releases(x.states),
      columns: ['Release', 'State', 'Area', 'Hourly mean', 'Annual mean'],
      rows: x.states.map((r) => ({
        Release: r.release,
        State: r.state,
        Area: r.areaTitle,
        'Hourly mean': money(r, 'H_MEAN'),
        'Annual mean': money(r, 'A_MEAN'),
      })),
    },
    {
      name: 'industries',
      title: `${occ}: work settings (industries), national`,
      release: releases(x.industries),
      columns: ['Release', 'NAICS', 'Work setting', 'Level', 'Employment', 'Annual mean', 'Median'],
      rows: x.industries.map((r) => ({
        Release: r.release,
        NAICS: r.naics,
        'Work setting': r.naicsTitle,
        Level: r.industryLevel,
        Employment: count(r, 'TOT_EMP'),
        'Annual mean': money(r, 'A_MEAN'),
        Median: money(r, 'A_MEDIAN'),
      })),
    },
    {
      name: 'outlook',
      title: `${occ}: job outlook (BLS Employment Projections)`,
      release: x.outlook.map((o) => `Employment Projections ${o.period}`).join(', '),
      columns: ['Period', 'Employment (start)', 'Employment (end)', 'Change', 'Change %', 'Openings a year'],
      rows: x.outlook.map(({ period, published: p }) => ({
        Period: period,
        'Employment (start)': thousands(firstOf(p, /^EMP_\d{4}_THOUSANDS$/, 0)),
        'Employment (end)': thousands(firstOf(p, /^EMP_\d{4}_THOUSANDS$/, 1)),
        Change: thousands(p.EMP_CHANGE_NUMERIC_THOUSANDS),
        'Change %': p.EMP_CHANGE_PERCENT ? `${p.EMP_CHANGE_PERCENT} %` : '',
        'Openings a year': thousands(p.OPENINGS_ANNUAL_AVG_THOUSANDS),
      })),
    },
  ];
}

/** EP publishes employment in thousands with one decimal: 194.8 → "194,800". */
function thousands(text: string | undefined): string {
  const m = /^(-)?(\d+)(?:\.(\d))?$/.exec((text ?? '').trim());
  if (!m) return text ?? '';
  const n = Number(m[2]) * 1000 + Number(m[3] ?? 0) * 100;
  return `${m[1] ?? ''}${n.toLocaleString('en-US')}`;
}

function firstOf(p: Record<string, string>, column: RegExp, nth: number): string | undefined {
  const key = Object.keys(p)
    .filter((k) => column.test(k))
    .sort()[nth];
  return key ? p[key] : undefined;
}
