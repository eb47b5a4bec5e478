import { describe, expect, it } from 'vitest';
import type { FeeEntry } from '../practices/index.ts';
import { scoreChart, summarizeScores, type CodedChart } from './audits-score.ts';

const fee = (procedureCode: string, chargeCents: number, modifier: string | null = null): FeeEntry => ({
  procedureCode,
  modifier,
  chargeCents,
  effectiveDate: '2026-01-01',
  endDate: null,
});
const fees = [
  fee('99213', 10000),
  fee('99214', 15000),
  fee('20610', 8000),
  fee('20610', 12000, '50'),
  fee('J1030', 1000),
];

describe('scoreChart', () => {
  it('scores a hand-worked audit: 5 of 12 elements right, $100.00 billed too much', () => {
    // Worked by hand:
    //  diagnoses  E11.9 right; M17.11 for M17.12 is one specificity error; I10 extra      → 1 of 3
    //  E/M level  99214 for 99213: overcoded, $150 − $100                                  → 0 of 1, +$50
    //  procedures 20610 right; J1030 × 2 for × 1: units, 2 × $10 − 1 × $10                 → 1 of 2, +$10
    //  modifiers  25 right; 50 extra ($120 bilateral − $80); RT missing                    → 1 of 3, +$40
    //  linkage    99214 → M17.1x, E11.9 right; 20610 → M17.1x right; J1030 → E11.9 wrong   → 2 of 3
    const coder: CodedChart = {
      diagnoses: ['M17.11', 'E11.9', 'I10'],
      lines: [
        { procedureCode: '99214', modifiers: ['25'], units: 1, pointers: [1, 2] },
        { procedureCode: '20610', modifiers: ['50'], units: 1, pointers: [1] },
        { procedureCode: 'J1030', modifiers: [], units: 2, pointers: [2] },
      ],
    };
    const auditor: CodedChart = {
      diagnoses: ['M17.12', 'E11.9'],
      lines: [
        { procedureCode: '99213', modifiers: ['25'], units: 1, pointers: [1, 2] },
        { procedureCode: '20610', modifiers: ['RT'], units: 1, pointers: [1] },
        { procedureCode: 'J1030', modifiers: [], units: 1, pointers: [1] },
      ],
    };
    const score = scoreChart(coder, auditor, fees, '2026-11-02');
    expect(score.categories).toEqual({
      diagnoses: { correct: 1, total: 3 },
      emLevel: { correct: 0, total: 1 },
      procedures: { correct: 1, total: 2 },
      modifiers: { correct: 1, total: 3 },
      linkage: { correct: 2, total: 3 },
    });
    expect([score.correct, score.total]).toEqual([5, 12]);
    expect(score.accuracy).toBeCloseTo(5 / 12);
    expect(score.meetsBar).toBe(false);
    expect(score.errors.map((e) => [e.kind, e.coded, e.expected, e.moneyCents])).toEqual([
      ['diagnosis-specificity', 'M17.11', 'M17.12', 0],
      ['diagnosis-extra', 'I10', '', 0],
      ['em-overcoded', '99214', '99213', 5000],
      ['units', 'J1030 × 2', 'J1030 × 1', 1000],
      ['modifier-extra', '20610-50', '', 4000],
      ['modifier-missing', '', '20610-RT', 0],
      ['linkage', 'J1030 → E11.9', 'J1030 → M17.12', 0],
    ]);
    // The errors' money is the whole chart's difference: $150 + $120 + $20 − ($100 + $80 + $10).
    expect(score.moneyCents).toBe(10000);
  });

  it('gives a chart coded as the auditor did full marks (diagnosis, level, linkage)', () => {
    const chart: CodedChart = {
      diagnoses: ['J06.9'],
      lines: [{ procedureCode: '99213', modifiers: [], units: 1, pointers: [1] }],
    };
    const score = scoreChart(chart, chart, fees, '2026-11-02');
    expect(score).toMatchObject({
      correct: 3,
      total: 3,
      accuracy: 1,
      meetsBar: true,
      errors: [],
      moneyCents: 0,
    });
  });

  it('counts a visit level and a procedure the coder left out as revenue left behind', () => {
    const score = scoreChart(
      { diagnoses: ['J06.9'], lines: [] },
      {
        diagnoses: ['J06.9'],
        lines: [
          { procedureCode: '99213', modifiers: [], units: 1, pointers: [1] },
          { procedureCode: '20610', modifiers: [], units: 1, pointers: [1] },
        ],
      },
      fees,
      '2026-11-02',
    );
    expect(score.errors.map((e) => [e.kind, e.moneyCents])).toEqual([
      ['em-missing', -10000],
      ['procedure-missing', -8000],
    ]);
    expect(score.moneyCents).toBe(-18000);
  });
});

describe('summarizeScores', () => {
  it("sums a coder's charts element by element and counts errors by kind", () => {
    const perfect: CodedChart = {
      diagnoses: ['J06.9', 'R05.9'],
      lines: [{ procedureCode: '99213', modifiers: [], units: 1, pointers: [1, 2] }],
    };
    const a = scoreChart(perfect, perfect, fees, '2026-11-02');
    const b = scoreChart({ ...perfect, diagnoses: ['J06.9', 'R05.1'] }, perfect, fees, '2026-11-02');
    const summary = summarizeScores([a, b]);
    expect(summary).toMatchObject({ charts: 2, correct: 7, total: 8, meetsBar: false });
    expect(summary.categories.diagnoses).toEqual({ correct: 3, total: 4, accuracy: 0.75 });
    expect(summary.errorsByKind).toEqual({ 'diagnosis-specificity': 1 });
  });
});
