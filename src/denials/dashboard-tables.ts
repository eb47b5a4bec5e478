import { formatDollars } from '../shared/money.ts';
import type { DashboardKpis, DenialRateRow, RateWithMonths } from './kpis.ts';

// Each KPI as a table (title, columns, rows of text) for the CSV and the PDF: one layout, two
// formats. Rates show as percentages with two decimals (the 4-decimal ratio × 100); money as dollars.

export interface KpiTable {
  /** The ?kpi= name. */
  kpi: string;
  title: string;
  columns: string[];
  rows: Record<string, string | number>[];
}

export const KPI_NAMES = [
  'denial-rate',
  'denial-rate-payer',
  'denial-rate-category',
  'denial-rate-carc',
  'denial-rate-provider',
  'denial-rate-procedure',
  'appeals',
  'ar-aging',
  'days-in-ar',
  'net-collection-rate',
  'first-pass-resolution',
  'clean-claim-rate',
  'denials-actioned-10-days',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export const percent = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(2)}%`);

function denialTable(kpi: KpiName, title: string, by: string, rows: DenialRateRow[]): KpiTable {
  return {
    kpi,
    title,
    columns: ['Month', by, 'Denied claims', 'Claims decided', 'Denial rate'],
    rows: rows.map((r) => ({
      Month: r.month,
      [by]: r.label,
      'Denied claims': r.deniedClaims,
      'Claims decided': r.decidedClaims,
      'Denial rate': percent(r.rate),
    })),
  };
}

function rateTable(
  kpi: KpiName,
  title: string,
  passed: string,
  counted: string,
  r: RateWithMonths,
): KpiTable {
  const row = (month: string, x: { numerator: number; denominator: number; rate: number | null }) => ({
    Month: month,
    [passed]: x.numerator,
    [counted]: x.denominator,
    Rate: percent(x.rate),
  });
  return {
    kpi,
    title,
    columns: ['Month', passed, counted, 'Rate'],
    rows: [...r.byMonth.map((m) => row(m.month, m)), row('Total', r)],
  };
}

/** The dashboard's tables, in the order the page shows them. */
export function kpiTables(k: DashboardKpis): KpiTable[] {
  const buckets = ['0–30', '31–60', '61–90', '91–120', 'Over 120'];
  const arRow = (r: DashboardKpis['arAging']['total']) => ({
    Payer: r.label,
    ...Object.fromEntries(buckets.map((b, i) => [b, formatDollars(r.buckets[i] ?? 0)])),
    Total: formatDollars(r.total),
    'Over 90': percent(r.shareOver90),
    'Over 120': percent(r.shareOver120),
  });
  const l = k.netCollection;
  return [
    denialTable('denial-rate', 'Denial rate', 'Scope', k.denialRate.all),
    denialTable('denial-rate-payer', 'Denial rate by payer', 'Payer', k.denialRate.payer),
    denialTable('denial-rate-category', 'Denial rate by category', 'Category', k.denialRate.category),
    denialTable('denial-rate-carc', 'Denial rate by CARC', 'CARC', k.denialRate.carc),
    denialTable('denial-rate-provider', 'Denial rate by provider', 'Provider', k.denialRate.provider),
    denialTable('denial-rate-procedure', 'Denial rate by procedure', 'Procedure', k.denialRate.procedure),
    {
      kpi: 'appeals',
      title: 'Appeal success rate and dollars recovered',
      columns: ['Month', 'Appeals decided', 'Won or partly won', 'Success rate', 'Recovered'],
      rows: [
        ...k.appeals.byMonth.map((m) => ({
          Month: m.month,
          'Appeals decided': m.decided,
          'Won or partly won': m.succeeded,
          'Success rate': percent(m.successRate),
          Recovered: formatDollars(m.recoveredCents),
        })),
        {
          Month: 'Total',
          'Appeals decided': k.appeals.decided,
          'Won or partly won': k.appeals.won + k.appeals.partlyWon,
          'Success rate': percent(k.appeals.successRate),
          Recovered: formatDollars(k.appeals.recoveredCents),
        },
      ],
    },
    {
      kpi: 'ar-aging',
      title: `A/R aging by payer (days from the date of service, as of ${k.today})`,
      columns: ['Payer', ...buckets, 'Total', 'Over 90', 'Over 120'],
      rows: [...k.arAging.rows.map(arRow), arRow(k.arAging.total)],
    },
    {
      kpi: 'days-in-ar',
      title: 'Days in A/R (total A/R ÷ average daily charges over the last 90 days)',
      columns: ['Total A/R', 'Charges, last 90 days', 'Average daily charges', 'Days in A/R'],
      rows: [
        {
          'Total A/R': formatDollars(k.daysInAr.totalArCents),
          'Charges, last 90 days': formatDollars(k.daysInAr.chargesLast90DaysCents),
          'Average daily charges': formatDollars(Math.round(k.daysInAr.chargesLast90DaysCents / 90)),
          'Days in A/R': k.daysInAr.days ?? '',
        },
      ],
    },
    {
      kpi: 'net-collection-rate',
      title: 'Net collection rate (payments ÷ (charges − contractual adjustments))',
      columns: ['Payments', 'Charges', 'Contractual adjustments', 'Net collection rate'],
      rows: [
        {
          Payments: formatDollars(l.paymentsCents),
          Charges: formatDollars(l.chargesCents),
          'Contractual adjustments': formatDollars(l.contractualAdjustmentsCents),
          'Net collection rate': percent(l.rate),
        },
      ],
    },
    rateTable(
      'first-pass-resolution',
      'First-pass resolution rate',
      'Paid first time',
      'Claims adjudicated',
      k.firstPassResolution,
    ),
    rateTable(
      'clean-claim-rate',
      'Clean-claim rate',
      'Clean on first scrub',
      'Claims scrubbed',
      k.cleanClaims,
    ),
    rateTable(
      'denials-actioned-10-days',
      'Denials actioned within 10 business days',
      'Actioned in time',
      'Denials due',
      k.actionedInTenDays,
    ),
  ];
}
