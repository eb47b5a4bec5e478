// Pure: the operating figures as one table, the same for the page and the CSV: each figure of the
// month beside the same month last year and the trailing twelve months. Dollars to the cent,
// percentages to two places, FTE to two, claims per FTE to one.
import { formatDollars } from '../shared/money.ts';
import type { Figures, OperatingMonth } from './operating.ts';

const dollars = (c: number | null) => (c === null ? null : formatDollars(c));
const percent = (bp: number | null) => (bp === null ? null : (bp / 100).toFixed(2));
const hundredths = (n: number | null) => (n === null ? null : (n / 100).toFixed(2));
const tenths = (n: number | null) => (n === null ? null : (n / 10).toFixed(1));

/** Each figure: its column name and how it is written. */
export const FIGURES = [
  { key: 'costPerClaimCents', column: 'costPerClaim', label: 'Cost per claim ($)', format: dollars },
  { key: 'costToCollectBp', column: 'costToCollectPercent', label: 'Cost to collect (%)', format: percent },
  { key: 'fteHundredths', column: 'fte', label: 'FTE', format: hundredths },
  { key: 'claimsPerFteTenths', column: 'claimsPerFte', label: 'Claims per FTE', format: tenths },
  {
    key: 'collectionsPerFteCents',
    column: 'collectionsPerFte',
    label: 'Collections per FTE ($)',
    format: dollars,
  },
] as const satisfies readonly {
  key: keyof Figures;
  column: string;
  label: string;
  format: (n: number | null) => string | null;
}[];

export const OPERATING_COLUMNS = [
  'month',
  'staffCost',
  'staffCostFrom',
  'hoursWorked',
  'claimsSubmitted',
  'collections',
  ...FIGURES.flatMap((f) => [f.column, `${f.column}LastYear`, `${f.column}Trailing12`]),
];

export function operatingRows(months: readonly OperatingMonth[]): Record<string, string | number | null>[] {
  return months.map((m) => {
    const row: Record<string, string | number | null> = {
      month: m.month,
      staffCost: formatDollars(m.staffCostCents),
      staffCostFrom: m.staffCostFrom,
      hoursWorked: (m.minutesWorked / 60).toFixed(2),
      claimsSubmitted: m.claimsSubmitted,
      collections: formatDollars(m.collectionsCents),
    };
    for (const f of FIGURES) {
      row[f.column] = f.format(m.figures[f.key]);
      row[`${f.column}LastYear`] = f.format(m.lastYear?.[f.key] ?? null);
      row[`${f.column}Trailing12`] = f.format(m.trailing?.[f.key] ?? null);
    }
    return row;
  });
}
