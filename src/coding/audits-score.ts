/**
 * Scoring one audited chart: the coder's codes against the auditor's blind re-code, element by
 * element in five categories (diagnoses, procedures, modifiers, E/M level, linkage), each error
 * named by kind with the money it moves at the practice's fee schedule. Pure: the caller passes
 * the fee schedule entries and the date of service.
 *
 * An element is one thing either side coded; the chart's accuracy is correct elements over all
 * elements, the usual coding-audit measure held against the 95% bar.
 */
import { lineChargeFor, type FeeEntry } from '../practices/index.ts';
import type { Cents } from '../shared/money.ts';

/** 95%: the accuracy most coding compliance programs hold a coder to. */
export const ACCURACY_BAR = 0.95;

export interface CodedLine {
  procedureCode: string;
  modifiers: string[];
  units: number;
  /** 1-based positions in the chart's diagnoses (the claim's diagnosis pointers). */
  pointers: number[];
}

export interface CodedChart {
  /** ICD-10-CM, in claim order. */
  diagnoses: string[];
  lines: CodedLine[];
}

export const AUDIT_CATEGORIES = ['diagnoses', 'procedures', 'modifiers', 'emLevel', 'linkage'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export type AuditErrorKind =
  | 'diagnosis-missing'
  | 'diagnosis-extra'
  | 'diagnosis-specificity'
  | 'procedure-missing'
  | 'procedure-extra'
  | 'units'
  | 'modifier-missing'
  | 'modifier-extra'
  | 'em-overcoded'
  | 'em-undercoded'
  | 'em-missing'
  | 'em-extra'
  | 'linkage';

export interface AuditError {
  category: AuditCategory;
  kind: AuditErrorKind;
  /** What the coder coded (blank when the coder left it out). */
  coded: string;
  /** What the auditor coded (blank when the auditor left it out). */
  expected: string;
  /** Coder's charge minus auditor's: positive is billed too much, negative is revenue left behind. */
  moneyCents: Cents;
}

export interface CategoryScore {
  correct: number;
  total: number;
}

export interface ChartScore {
  categories: Record<AuditCategory, CategoryScore>;
  correct: number;
  total: number;
  /** correct / total, 1 when neither side coded anything. */
  accuracy: number;
  meetsBar: boolean;
  errors: AuditError[];
  /** Every error's money together: what the coder's coding bills against the auditor's. */
  moneyCents: Cents;
}

/** The office and outpatient E/M codes (2021 guidelines): new 99202–99205, established 99211–99215. */
const EM_LEVEL = /^992(0[2-5]|1[1-5])$/;
export const isEmCode = (code: string) => EM_LEVEL.test(code);

export function scoreChart(
  coder: CodedChart,
  auditor: CodedChart,
  fees: FeeEntry[],
  serviceDate: string,
): ChartScore {
  const charge = (line: CodedLine, units = line.units) =>
    lineChargeFor(fees, {
      procedureCode: line.procedureCode,
      modifiers: line.modifiers,
      serviceDate,
      units,
    }) ?? 0;
  const categories = Object.fromEntries(AUDIT_CATEGORIES.map((c) => [c, { correct: 0, total: 0 }])) as Record<
    AuditCategory,
    CategoryScore
  >;
  const errors: AuditError[] = [];
  const tally = (category: AuditCategory, ok: boolean, error?: Omit<AuditError, 'category'>) => {
    categories[category].total += 1;
    if (ok) categories[category].correct += 1;
    else if (error) errors.push({ category, ...error });
  };

  const sameDiagnosis = scoreDiagnoses(coder.diagnoses, auditor.diagnoses, tally);

  const coderEm = coder.lines.filter((l) => isEmCode(l.procedureCode));
  const auditorEm = auditor.lines.filter((l) => isEmCode(l.procedureCode));
  const pairs: [CodedLine, CodedLine][] = [];
  // E/M level: one element per visit; a different level is over- or undercoding.
  for (let i = 0; i < Math.max(coderEm.length, auditorEm.length); i += 1) {
    const c = coderEm[i];
    const a = auditorEm[i];
    if (c && a) {
      pairs.push([c, a]);
      const level = (code: string) => Number(code.slice(-1));
      const ok = c.procedureCode === a.procedureCode;
      tally('emLevel', ok, {
        kind: level(c.procedureCode) > level(a.procedureCode) ? 'em-overcoded' : 'em-undercoded',
        coded: c.procedureCode,
        expected: a.procedureCode,
        moneyCents: charge({ ...c, modifiers: a.modifiers }, a.units) - charge(a),
      });
    } else if (c) {
      tally('emLevel', false, {
        kind: 'em-extra',
        coded: c.procedureCode,
        expected: '',
        moneyCents: charge(c),
      });
    } else if (a) {
      tally('emLevel', false, {
        kind: 'em-missing',
        coded: '',
        expected: a.procedureCode,
        moneyCents: -charge(a),
      });
    }
  }

  // Procedures: matched by code; units that differ are an error of their own.
  const coderProcedures = coder.lines.filter((l) => !isEmCode(l.procedureCode));
  const unmatched = auditor.lines.filter((l) => !isEmCode(l.procedureCode));
  for (const c of coderProcedures) {
    const at = unmatched.findIndex((a) => a.procedureCode === c.procedureCode);
    if (at < 0) {
      tally('procedures', false, {
        kind: 'procedure-extra',
        coded: c.procedureCode,
        expected: '',
        moneyCents: charge(c),
      });
      continue;
    }
    const [a] = unmatched.splice(at, 1) as [CodedLine];
    pairs.push([c, a]);
    tally('procedures', c.units === a.units, {
      kind: 'units',
      coded: `${c.procedureCode} × ${c.units}`,
      expected: `${a.procedureCode} × ${a.units}`,
      // Priced at the coder's modifiers so units, modifiers and level add up to the chart's difference.
      moneyCents: charge(c) - charge(c, a.units),
    });
  }
  for (const a of unmatched)
    tally('procedures', false, {
      kind: 'procedure-missing',
      coded: '',
      expected: a.procedureCode,
      moneyCents: -charge(a),
    });

  // Modifiers and linkage are judged on the lines both sides coded.
  for (const [c, a] of pairs) {
    const moved = charge(c, a.units) - charge({ ...c, modifiers: a.modifiers }, a.units);
    let first = true;
    for (const m of new Set([...c.modifiers, ...a.modifiers])) {
      const inCoder = c.modifiers.includes(m);
      const inAuditor = a.modifiers.includes(m);
      // The fee difference a modifier makes is counted once per line, on its first error.
      tally('modifiers', inCoder && inAuditor, {
        kind: inCoder ? 'modifier-extra' : 'modifier-missing',
        coded: inCoder ? `${c.procedureCode}-${m}` : '',
        expected: inAuditor ? `${a.procedureCode}-${m}` : '',
        moneyCents: first ? moved : 0,
      });
      if (!(inCoder && inAuditor)) first = false;
    }
    // A diagnosis already scored as a specificity error links as the auditor's code: one error, not two.
    const linked = (line: CodedLine, dx: string[], as: (d: string) => string = (d) => d) =>
      line.pointers
        .map((p) => dx[p - 1])
        .filter((d): d is string => d !== undefined)
        .map(as)
        .sort();
    const cl = linked(c, coder.diagnoses, (d) => sameDiagnosis.get(d) ?? d);
    const al = linked(a, auditor.diagnoses);
    tally('linkage', cl.join() === al.join(), {
      kind: 'linkage',
      coded: `${c.procedureCode} → ${cl.join(', ')}`,
      expected: `${a.procedureCode} → ${al.join(', ')}`,
      moneyCents: 0,
    });
  }

  const correct = AUDIT_CATEGORIES.reduce((n, c) => n + categories[c].correct, 0);
  const total = AUDIT_CATEGORIES.reduce((n, c) => n + categories[c].total, 0);
  const accuracy = total === 0 ? 1 : correct / total;
  return {
    categories,
    correct,
    total,
    accuracy,
    meetsBar: accuracy >= ACCURACY_BAR,
    errors,
    moneyCents: errors.reduce((n, e) => n + e.moneyCents, 0),
  };
}

/**
 * Diagnoses: a code both coded is correct; a coder's code in the same category (first three
 * characters) as an auditor's code it does not match is one specificity error, not a missing
 * and an extra. Diagnoses move no money on a fee-for-service professional claim.
 */
function scoreDiagnoses(
  coder: string[],
  auditor: string[],
  tally: (category: AuditCategory, ok: boolean, error?: Omit<AuditError, 'category'>) => void,
): Map<string, string> {
  const sameDiagnosis = new Map<string, string>();
  const extra = coder.filter((d) => !auditor.includes(d));
  const missing = auditor.filter((d) => !coder.includes(d));
  for (const d of coder) if (auditor.includes(d)) tally('diagnoses', true);
  for (const c of extra) {
    const at = missing.findIndex((a) => a.slice(0, 3) === c.slice(0, 3));
    if (at >= 0) {
      const [a] = missing.splice(at, 1) as [string];
      sameDiagnosis.set(c, a);
      tally('diagnoses', false, { kind: 'diagnosis-specificity', coded: c, expected: a, moneyCents: 0 });
    } else tally('diagnoses', false, { kind: 'diagnosis-extra', coded: c, expected: '', moneyCents: 0 });
  }
  for (const a of missing)
    tally('diagnoses', false, { kind: 'diagnosis-missing', coded: '', expected: a, moneyCents: 0 });
  return sameDiagnosis;
}

/** A coder's (or a whole audit's) scores: every chart's elements summed, per category and overall. */
export interface ScoreSummary {
  charts: number;
  categories: Record<AuditCategory, CategoryScore & { accuracy: number }>;
  correct: number;
  total: number;
  accuracy: number;
  meetsBar: boolean;
  errorsByKind: Partial<Record<AuditErrorKind, number>>;
  moneyCents: Cents;
}

export function summarizeScores(scores: ChartScore[]): ScoreSummary {
  const ratio = (s: CategoryScore) => (s.total === 0 ? 1 : s.correct / s.total);
  const categories = Object.fromEntries(
    AUDIT_CATEGORIES.map((c) => {
      const s = scores.reduce(
        (acc, x) => ({
          correct: acc.correct + x.categories[c].correct,
          total: acc.total + x.categories[c].total,
        }),
        { correct: 0, total: 0 },
      );
      return [c, { ...s, accuracy: ratio(s) }];
    }),
  ) as ScoreSummary['categories'];
  const correct = scores.reduce((n, s) => n + s.correct, 0);
  const total = scores.reduce((n, s) => n + s.total, 0);
  const errorsByKind: ScoreSummary['errorsByKind'] = {};
  for (const e of scores.flatMap((s) => s.errors)) errorsByKind[e.kind] = (errorsByKind[e.kind] ?? 0) + 1;
  const accuracy = ratio({ correct, total });
  return {
    charts: scores.length,
    categories,
    correct,
    total,
    accuracy,
    meetsBar: accuracy >= ACCURACY_BAR,
    errorsByKind,
    moneyCents: scores.reduce((n, s) => n + s.moneyCents, 0),
  };
}
