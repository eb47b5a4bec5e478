// Pure: what one person might earn, as a range with every step and assumption shown. BLS figures
// are the base (national percentiles for the experience band); the state and the work setting
// scale it by their mean against the national mean of the same release; certifications are
// assumptions. Money in integer cents, each step rounded half up to the cent; the range to $10.
import type { PayAssumption } from './default-assumptions.ts';
import { PERCENTILE_FIGURE } from './default-assumptions.ts';
import { formatUsd } from '../shared/money.ts';

export interface WageFigures {
  release: string;
  title: string;
  annualMean: number | null;
  annualP10: number | null;
  annualP25: number | null;
  annualMedian: number | null;
  annualP75: number | null;
  annualP90: number | null;
}

export interface EstimateInput {
  /** The latest national cross-industry estimate. */
  national: WageFigures;
  /** The state's estimate and the national one of the same release (for the ratio). */
  state?: { row: WageFigures; national: WageFigures };
  /** The work setting's (industry's) estimate and the national one of its release. */
  setting?: { row: WageFigures; national: WageFigures };
  experience: PayAssumption;
  certifications: PayAssumption[];
  remote?: PayAssumption;
}

export interface EstimateStep {
  what: string;
  detail: string;
  source: string;
}

export interface PayEstimate {
  low: number;
  high: number;
  steps: EstimateStep[];
  assumptions: PayAssumption[];
  notes: string[];
}

const pct = (bp: number) => `${bp >= 0 ? '+' : ''}${(bp / 100).toFixed(1)} %`;
const scale = (cents: number, num: number, den: number) => Math.round((cents * num) / den);
const toTen = (cents: number) => Math.round(cents / 1000) * 1000;

export function estimatePay(input: EstimateInput): PayEstimate {
  const { national, experience } = input;
  const steps: EstimateStep[] = [];
  const notes: string[] = [];
  const assumptions: PayAssumption[] = [experience];
  const lowName = PERCENTILE_FIGURE[experience.low as keyof typeof PERCENTILE_FIGURE];
  const highName = PERCENTILE_FIGURE[experience.high as keyof typeof PERCENTILE_FIGURE];
  let low = (lowName && national[lowName]) ?? national.annualMedian ?? 0;
  let high = (highName && national[highName]) ?? national.annualMedian ?? 0;
  steps.push({
    what: `Experience ${experience.label}: national ${experience.low}th to ${experience.high}th percentile`,
    detail: `${formatUsd(low)} – ${formatUsd(high)}`,
    source: `BLS OEWS ${national.release}, ${national.title}`,
  });
  const ratio = (what: string, pair: { row: WageFigures; national: WageFigures }) => {
    const { row, national: base } = pair;
    if (row.annualMean === null || !base.annualMean) {
      notes.push(`${what} ${row.title}: BLS publishes no annual mean for ${row.release}, so it is left out.`);
      return;
    }
    low = scale(low, row.annualMean, base.annualMean);
    high = scale(high, row.annualMean, base.annualMean);
    steps.push({
      what: `${what} ${row.title}: mean ${formatUsd(row.annualMean)} against the national ${formatUsd(base.annualMean)}`,
      detail: `× ${(row.annualMean / base.annualMean).toFixed(3)} → ${formatUsd(low)} – ${formatUsd(high)}`,
      source: `BLS OEWS ${row.release}`,
    });
    if (row.release !== national.release)
      notes.push(
        `The ${what.toLowerCase()} ratio is from ${row.release} (the latest release with it), applied to ${national.release} national pay.`,
      );
  };
  if (input.remote) {
    assumptions.push(input.remote);
    if (input.state) notes.push(`Remote: ${input.remote.note || input.remote.source}`);
    if (input.remote.low || input.remote.high) {
      low = scale(low, 10_000 + input.remote.low, 10_000);
      high = scale(high, 10_000 + input.remote.high, 10_000);
      steps.push({
        what: 'Remote',
        detail: `${pct(input.remote.low)} to ${pct(input.remote.high)} → ${formatUsd(low)} – ${formatUsd(high)}`,
        source: `${input.remote.source} (${input.remote.sourceYear})`,
      });
    }
  } else if (input.state) ratio('State', input.state);
  if (input.setting) ratio('Work setting', input.setting);
  if (input.certifications.length) {
    const lowBp = input.certifications.reduce((s, c) => s + c.low, 0);
    const highBp = input.certifications.reduce((s, c) => s + c.high, 0);
    low = scale(low, 10_000 + lowBp, 10_000);
    high = scale(high, 10_000 + highBp, 10_000);
    assumptions.push(...input.certifications);
    steps.push({
      what: `Certifications ${input.certifications.map((c) => c.key.replace(/^cert:/, '')).join(', ')}`,
      detail: `${pct(lowBp)} to ${pct(highBp)} → ${formatUsd(low)} – ${formatUsd(high)}`,
      source: [...new Set(input.certifications.map((c) => `${c.source} (${c.sourceYear})`))].join('; '),
    });
  }
  return { low: toTen(Math.min(low, high)), high: toTen(Math.max(low, high)), steps, assumptions, notes };
}
