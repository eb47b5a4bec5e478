// The pay estimate's starting assumptions: BLS publishes no pay by experience or certification, so
// these are cleanclaim's defaults, labelled as such, for an administrator to replace with figures
// from a salary survey they trust (Admin → Pay assumptions). Stored in pay_assumption on first use.

export interface PayAssumption {
  key: string;
  /** experience: low/high are BLS percentiles (10, 25, 50, 75, 90); certification and remote:
   *  adjustments in basis points of the base (500 = +5 %). */
  kind: 'experience' | 'certification' | 'remote';
  label: string;
  low: number;
  high: number;
  source: string;
  sourceYear: number;
  note: string;
}

const DEFAULT_SOURCE =
  'cleanclaim default, not from a survey: replace with a current salary survey (for example AAPC’s yearly salary survey)';
const EXPERIENCE_SOURCE =
  'cleanclaim default: BLS publishes no pay by experience, so years of experience are placed on the BLS percentile range';

const cert = (code: string, label: string, low: number, high: number): PayAssumption => ({
  key: `cert:${code}`,
  kind: 'certification',
  label,
  low,
  high,
  source: DEFAULT_SOURCE,
  sourceYear: 2026,
  note: '',
});

export const DEFAULT_ASSUMPTIONS: PayAssumption[] = [
  {
    key: 'experience:0-2',
    kind: 'experience',
    label: '0–2 years',
    low: 10,
    high: 25,
    source: EXPERIENCE_SOURCE,
    sourceYear: 2026,
    note: '',
  },
  {
    key: 'experience:3-5',
    kind: 'experience',
    label: '3–5 years',
    low: 25,
    high: 50,
    source: EXPERIENCE_SOURCE,
    sourceYear: 2026,
    note: '',
  },
  {
    key: 'experience:6-10',
    kind: 'experience',
    label: '6–10 years',
    low: 50,
    high: 75,
    source: EXPERIENCE_SOURCE,
    sourceYear: 2026,
    note: '',
  },
  {
    key: 'experience:11+',
    kind: 'experience',
    label: '11 years or more',
    low: 75,
    high: 90,
    source: EXPERIENCE_SOURCE,
    sourceYear: 2026,
    note: '',
  },
  cert('CPC', 'CPC (Certified Professional Coder)', 0, 1000),
  cert('COC', 'COC (Certified Outpatient Coder)', 0, 1000),
  cert('CCS', 'CCS (Certified Coding Specialist)', 0, 1200),
  cert('CPMA', 'CPMA (Certified Professional Medical Auditor)', 200, 800),
  cert('specialty', 'A specialty credential (e.g. CRC, CEMC, CCS-P)', 200, 800),
  {
    key: 'remote',
    kind: 'remote',
    label: 'Remote',
    low: 0,
    high: 0,
    source: 'cleanclaim default: a remote role is priced on national figures, not the state’s',
    sourceYear: 2026,
    note: 'The state adjustment is left out for remote work; set an adjustment here if your market differs.',
  },
];

/** BLS percentile → the national figure's name. */
export const PERCENTILE_FIGURE = {
  10: 'annualP10',
  25: 'annualP25',
  50: 'annualMedian',
  75: 'annualP75',
  90: 'annualP90',
} as const;
