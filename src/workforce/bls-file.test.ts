import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlsFile, type OewsRow } from './bls-file.ts';
import { countFigure, moneyFigure } from './figure.ts';
import { WAGE_PROBLEMS } from './problems.ts';

const SALARY = join(process.cwd(), '../shared/salary');
const read = (name: string) => readBlsFile(name, readFileSync(join(SALARY, name), 'utf8'));

describe('the BLS files of ../shared/salary', () => {
  it('reads as many rows as SOURCES.md lists for each file', () => {
    const counts = Object.fromEntries(
      readdirSync(SALARY)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => [f, read(f).rows.length]),
    );
    // SOURCES.md, "Snapshot at a glance".
    expect(counts).toEqual({
      'bls_oews_2023_national.csv': 1,
      'bls_oews_2024_national.csv': 1,
      'bls_oews_2025_national.csv': 1,
      'bls_oews_2023_state.csv': 54,
      'bls_oews_2023_industry.csv': 14,
      'bls_oews_2024_industry.csv': 51,
      'bls_ep_2024_2034_projections.csv': 1,
    });
    for (const f of Object.keys(counts)) expect(read(f).problems).toEqual([]);
  });

  it('reads the May 2023 national median and Alabama mean from the files', () => {
    const national = read('bls_oews_2023_national.csv').rows[0] as OewsRow;
    expect(national.release).toBe('May 2023');
    expect(national.figures.annualMedian).toBe(48_780_00);
    const alabama = (read('bls_oews_2023_state.csv').rows as OewsRow[]).find((r) => r.state === 'AL');
    expect(alabama?.figures.annualMean).toBe(42_970_00);
    expect(alabama?.naics).toBe('000000');
  });

  it('keeps special codes as codes, never numbers', () => {
    const rows = read('bls_oews_2024_industry.csv').rows as OewsRow[];
    const realEstate = rows.find((r) => r.naics === '53')!;
    expect(realEstate.published.TOT_EMP).toBe('**');
    expect(realEstate.figures.employment).toBeNull();
    expect(realEstate.figures.annualMean).toBe(56_650_00);
    expect(countFigure('**')).toEqual({ kind: 'code', code: '**', meaning: expect.any(String) });
    expect(moneyFigure('#')).toMatchObject({ kind: 'code', code: '#' });
    expect(moneyFigure('*')).toMatchObject({ kind: 'code', code: '*' });
    expect(moneyFigure('~')).toMatchObject({ kind: 'code', code: '~' });
    expect(moneyFigure('')).toEqual({ kind: 'blank' });
    expect(moneyFigure('25.81')).toEqual({ kind: 'value', value: 2581 });
  });
});

describe('bad files', () => {
  const header = 'RELEASE,AREA,OCC_CODE,A_MEAN,TOT_EMP';
  it('names the line and column of a cell that is neither a number nor a code', () => {
    const f = readBlsFile('x.csv', `${header}\nMay 2026,99,29-2072,12x,100\n`);
    expect(f.problems).toMatchObject([
      { code: 'WAGE_CELL_UNREADABLE', file: 'x.csv', line: 2, field: 'A_MEAN' },
    ]);
  });
  it('refuses a duplicate key, a missing key, an unknown layout, a broken CSV', () => {
    const dup = readBlsFile('d.csv', `${header}\nMay 2026,99,29-2072,1,1\nMay 2026,99,29-2072,2,2\n`);
    expect(dup.problems.map((p) => p.code)).toEqual(['WAGE_ROW_DUPLICATE']);
    const noKey = readBlsFile('k.csv', `${header}\n,99,29-2072,1,1\n`);
    expect(noKey.problems.map((p) => p.code)).toContain('WAGE_ROW_KEY_MISSING');
    expect(readBlsFile('u.csv', 'a,b\n1,2\n').problems[0]?.code).toBe('WAGE_FILE_LAYOUT_UNKNOWN');
    expect(readBlsFile('t.csv', `${header}\n"May 2026,99`).problems[0]?.code).toBe('WAGE_FILE_UNREADABLE');
  });
  it('documents every problem code in docs/problems.md', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/problems.md'), 'utf8');
    expect(Object.keys(WAGE_PROBLEMS).filter((c) => !doc.includes(`| \`${c}\` |`))).toEqual([]);
  });
});
