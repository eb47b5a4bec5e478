/**
 * Coder productivity read from the events the workspace records (coding_event), never from
 * timesheets: charts and lines an hour by chart type, minutes in a chart, hold rate. Pure: the
 * store passes the period's events.
 *
 * Time in a chart runs from one of a coder's events on it to that coder's next event, while the
 * chart is open to them (from claim/open/any coding action until send, hold or release). A gap
 * longer than IDLE_CAP counts as IDLE_CAP: a coder who left for lunch with a chart open was not
 * coding it.
 */

export const IDLE_CAP_MS = 15 * 60 * 1000;

export interface WorkEvent {
  codingChartId: number;
  userId: number | null;
  /** claim, open, code-add, code-remove, suggestion-accept, suggestion-reject, hold, release, send, query … */
  kind: string;
  chartType: string;
  at: Date;
}

export interface ProductivityRow {
  /** A chart type, or 'all'. */
  chartType: string;
  /** Charts sent to billing. */
  charts: number;
  /** Codes on those charts (each code added, less those removed). */
  lines: number;
  hours: number;
  chartsPerHour: number;
  linesPerHour: number;
  minutesPerChart: number;
  /** Charts the coder worked (any event). */
  touched: number;
  /** Charts the coder held (for a reason or a physician query). */
  held: number;
  holdRate: number;
}

export interface CoderProductivity {
  userId: number;
  byType: ProductivityRow[];
  total: ProductivityRow;
}

export interface ProductivityReport {
  coders: CoderProductivity[];
  byType: ProductivityRow[];
  total: ProductivityRow;
}

const CLOSES = new Set(['send', 'hold', 'query']);
// Whoever put a chart on the queue (an import, a manager) or released it by answering a physician
// query did no coding: those events make no one a coder and start no time in a chart.
const NOT_CODING = new Set(['queued', 'release']);
const HOLDS = new Set(['hold', 'query']);

interface Tally {
  charts: Set<number>;
  touched: Set<number>;
  held: Set<number>;
  lines: number;
  ms: number;
}
const emptyTally = (): Tally => ({ charts: new Set(), touched: new Set(), held: new Set(), lines: 0, ms: 0 });

export function measureProductivity(events: readonly WorkEvent[]): ProductivityReport {
  const ordered = [...events]
    .filter((e): e is WorkEvent & { userId: number } => e.userId !== null && !NOT_CODING.has(e.kind))
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  // Codes on a chart, from everyone's adds and removes: the lines a send delivers. An accepted
  // suggestion is saved as a code-add too, so the acceptance itself is not counted.
  const linesOf = new Map<number, number>();
  for (const e of ordered) {
    const delta = e.kind === 'code-add' ? 1 : e.kind === 'code-remove' ? -1 : 0;
    if (delta !== 0) linesOf.set(e.codingChartId, (linesOf.get(e.codingChartId) ?? 0) + delta);
  }

  const tallies = new Map<number, Map<string, Tally>>();
  const tallyOf = (userId: number, chartType: string) => {
    const byType = tallies.get(userId) ?? new Map<string, Tally>();
    tallies.set(userId, byType);
    const t = byType.get(chartType) ?? emptyTally();
    byType.set(chartType, t);
    return t;
  };

  const openChart = new Map<number, WorkEvent>();
  for (const e of ordered) {
    const open = openChart.get(e.userId);
    if (open)
      tallyOf(e.userId, open.chartType).ms += Math.min(e.at.getTime() - open.at.getTime(), IDLE_CAP_MS);
    const t = tallyOf(e.userId, e.chartType);
    t.touched.add(e.codingChartId);
    if (HOLDS.has(e.kind)) t.held.add(e.codingChartId);
    if (e.kind === 'send') {
      t.charts.add(e.codingChartId);
      t.lines += Math.max(0, linesOf.get(e.codingChartId) ?? 0);
    }
    if (CLOSES.has(e.kind)) openChart.delete(e.userId);
    else openChart.set(e.userId, e);
  }

  const coders = [...tallies.entries()]
    .sort(([a], [b]) => a - b)
    .map(([userId, byType]) => ({
      userId,
      byType: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, t]) => row(type, [t])),
      total: row('all', [...byType.values()]),
    }));
  const types = [...new Set([...tallies.values()].flatMap((m) => [...m.keys()]))].sort();
  return {
    coders,
    byType: types.map((type) =>
      row(
        type,
        [...tallies.values()].flatMap((m) => (m.has(type) ? [m.get(type) as Tally] : [])),
      ),
    ),
    total: row(
      'all',
      [...tallies.values()].flatMap((m) => [...m.values()]),
    ),
  };
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

function row(chartType: string, tallies: Tally[]): ProductivityRow {
  // A chart counts once per coder; across coders, each coder's send counts (two coders, two charts).
  const count = (pick: (t: Tally) => Set<number>) => tallies.reduce((n, t) => n + pick(t).size, 0);
  const charts = count((t) => t.charts);
  const lines = tallies.reduce((n, t) => n + t.lines, 0);
  const hours = tallies.reduce((n, t) => n + t.ms, 0) / 3_600_000;
  const touched = count((t) => t.touched);
  const held = count((t) => t.held);
  return {
    chartType,
    charts,
    lines,
    hours: round(hours),
    chartsPerHour: hours > 0 ? round(charts / hours) : 0,
    linesPerHour: hours > 0 ? round(lines / hours) : 0,
    minutesPerChart: charts > 0 ? round((hours * 60) / charts, 1) : 0,
    touched,
    held,
    holdRate: touched > 0 ? round(held / touched, 3) : 0,
  };
}
