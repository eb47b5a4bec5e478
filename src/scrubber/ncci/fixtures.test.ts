/**
 * Walks fixtures/pass and fixtures/fail: every pass file imports with no problem; every fail file
 * yields at least one error, and the expectation below (file, line, field, why) when one is given.
 * A new sample is a new test; a fail sample without an expectation fails until one is written.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { importMues } from './mueFile.ts';
import type { MueSetting } from './mueFile.ts';
import type { NcciProblem } from './problems.ts';
import { importPtpEdits } from './ptpFile.ts';
import { FIXTURES, drain } from './testing.ts';

function importFixture(file: string) {
  const name = path.basename(file);
  if (name.startsWith('ptp-')) return drain(importPtpEdits(file));
  const setting = (/^mue-(practitioner|outpatient|dme)/.exec(name)?.[1] ?? 'practitioner') as MueSetting;
  return drain(importMues(file, { setting }));
}

type Expect = Partial<Pick<NcciProblem, 'code'>> & {
  line?: number;
  field?: string;
  why?: RegExp;
  rows: number;
};
const FAIL: Record<string, Expect> = {
  'ptp-practitioner-truncated-last-row.txt': {
    code: 'NCCI-FILE-TRUNCATED',
    line: 11,
    rows: 3,
    why: /cut short/,
  },
  'ptp-practitioner-bad-modifier-indicator.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 11,
    field: 'Modifier Indicator',
    rows: 3,
    why: /"2" is not 0/,
  },
  'ptp-practitioner-bad-deletion-date.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 11,
    field: 'Deletion Date',
    rows: 3,
    why: /2024-01-01/,
  },
  'ptp-practitioner-deleted-before-effective.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 11,
    field: 'Deletion Date',
    rows: 3,
    why: /before the effective date/,
  },
  'ptp-practitioner-missing-rationale-field.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 11,
    field: 'PTP Edit Rationale',
    rows: 3,
    why: /6 field/,
  },
  'ptp-practitioner-bad-column-2-code.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 11,
    field: 'Column 2',
    rows: 3,
    why: /"9921"/,
  },
  'ptp-practitioner-no-header.txt': { code: 'NCCI-HEADER', rows: 0, why: /no Column 1 \/ Column 2 header/ },
  'ptp-practitioner-header-only.txt': { code: 'NCCI-FILE-TRUNCATED', rows: 0, why: /header but no rows/ },
  'ptp-practitioner-mue-file-given.txt': { code: 'NCCI-HEADER', rows: 0, why: /not a NCCI PTP edit file/ },
  'mue-practitioner-bad-adjudication-indicator.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 7,
    field: 'MUE Adjudication Indicator',
    rows: 2,
  },
  'mue-practitioner-value-not-a-number.txt': {
    code: 'NCCI-ROW-MALFORMED',
    line: 7,
    field: 'MUE Value',
    rows: 2,
    why: /"sixteen"/,
  },
  'mue-practitioner-truncated.txt': { code: 'NCCI-FILE-TRUNCATED', line: 7, rows: 2 },
  'mue-practitioner-given-dme-file.txt': {
    code: 'NCCI-HEADER',
    line: 4,
    rows: 0,
    why: /dme MUE file, but it was loaded as the practitioner/,
  },
};

describe('NCCI fixtures', () => {
  for (const name of readdirSync(path.join(FIXTURES, 'pass'))) {
    it(`pass/${name} imports cleanly`, async () => {
      const { rows, problems } = await importFixture(path.join(FIXTURES, 'pass', name));
      expect(problems).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
    });
  }
  for (const name of readdirSync(path.join(FIXTURES, 'fail'))) {
    it(`fail/${name} is reported`, async () => {
      const { rows, problems } = await importFixture(path.join(FIXTURES, 'fail', name));
      expect(problems.some((p) => p.severity === 'error')).toBe(true);
      const want = FAIL[name];
      expect(want, `write an expectation for fail/${name}`).toBeDefined();
      if (!want) return;
      expect(problems).toHaveLength(1);
      const p = problems[0]!;
      expect(p.file).toBe(name);
      if (want.code) expect(p.code).toBe(want.code);
      if (want.line !== undefined) expect(p.line).toBe(want.line);
      if (want.field !== undefined) expect(p.field).toBe(want.field);
      if (want.why) expect(p.message).toMatch(want.why);
      expect(rows).toHaveLength(want.rows);
    });
  }
});
