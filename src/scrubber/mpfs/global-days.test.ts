import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGlobalDays } from './global-days.ts';

// A PPRRVU file in CMS's CSV layout (title rows, a two-row header, code rows); descriptions are
// placeholders, not AMA text.
const PPRRVU_FIXTURE = readFileSync(new URL('./fixtures/PPRRVU26_JAN.csv', import.meta.url), 'latin1');

describe('MPFS global days (PPRRVU)', () => {
  it('reads the global period of each code from the GLOB DAYS column found by name', () => {
    const { days, rows, problems } = parseGlobalDays(PPRRVU_FIXTURE, 'PPRRVU26_JAN.csv');
    expect(problems).toEqual([]);
    expect(rows).toBe(8);
    expect(Object.fromEntries(days)).toEqual({
      '20610': 0,
      '27447': 90,
      '29881': 90,
      '11042': 0,
      '12001': 10,
    });
  });

  it('names the line and column of a malformed row and keeps the rest', () => {
    const bad = PPRRVU_FIXTURE.replace(
      '12001,,FIXTURE REPAIR,A,,0.84,1.90,010',
      '12001,,FIXTURE REPAIR,A,,0.84,1.90,10D',
    );
    const { problems, days } = parseGlobalDays(bad, 'PPRRVU26_JAN.csv');
    expect(problems).toEqual([
      {
        file: 'PPRRVU26_JAN.csv',
        line: 10,
        field: 'GLOB DAYS',
        message: '"10D" is not 000, 010, 090, XXX, YYY, ZZZ or MMM',
      },
    ]);
    expect(days.has('27447')).toBe(true);
  });

  it('refuses a file without the header and a file cut off after it', () => {
    expect(parseGlobalDays('HCPCS,MOD\n20610,,X', 'x.csv').problems[0]!.message).toMatch(/not a PPRRVU file/);
    const truncated = PPRRVU_FIXTURE.split('\r\n').slice(0, 5).join('\r\n');
    expect(parseGlobalDays(truncated, 'x.csv').problems[0]!.message).toMatch(/no code rows/);
    expect(parseGlobalDays('20610,"unterminated', 'x.csv').problems[0]!.line).toBe(1);
  });
});
