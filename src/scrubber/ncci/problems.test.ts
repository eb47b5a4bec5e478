import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeLocation } from '../../shared/problem.ts';
import { NCCI_PROBLEMS, NCCI_RULES, ncciProblem } from './problems.ts';

describe('NCCI problem catalogue', () => {
  it('documents every problem code in README.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, 'README.md'), 'utf8');
    for (const code of [...Object.keys(NCCI_PROBLEMS), ...Object.keys(NCCI_RULES)])
      expect(doc, code).toContain(`\`${code}\``);
  });

  it('names file, line, column and field', () => {
    const p = ncciProblem(
      'NCCI-ROW-MALFORMED',
      { file: 'ptp.txt', line: 9, column: 5, field: 'Deletion Date' },
      'x',
    );
    expect(p.severity).toBe('error');
    expect(describeLocation(p)).toBe('ptp.txt, line 9:5, field "Deletion Date"');
  });
});
