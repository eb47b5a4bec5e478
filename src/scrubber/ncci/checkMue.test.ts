import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkMue } from './checkMue.ts';
import { loadMueQuarter } from './load.ts';
import type { ServiceLine } from './serviceLine.ts';
import { FIXTURES } from './testing.ts';

const { table } = await loadMueQuarter(path.join(FIXTURES, 'pass/mue-practitioner.txt'), {
  setting: 'practitioner',
  quarter: '2026Q4',
});

const line = (
  lineNumber: number,
  procedureCode: string,
  units: number,
  serviceDate = '2026-11-02',
  modifiers: string[] = [],
): ServiceLine => ({
  lineNumber,
  procedureCode,
  modifiers,
  units,
  serviceDate,
});

describe('MUE check', () => {
  it('passes units within the MUE, codes without one and dates before the file', () => {
    expect(
      checkMue(
        [line(1, '88305', 16), line(2, '20610', 2), line(3, '99213', 40), line(4, '20610', 9, '2026-09-30')],
        table,
      ),
    ).toEqual([]);
  });

  it('MAI 1: compares each line on its own', () => {
    expect(checkMue([line(1, '88305', 10), line(2, '88305', 10, '2026-11-02', ['76'])], table)).toEqual([]);
    const [f, ...rest] = checkMue([line(1, '88305', 10), line(2, '88305', 17)], table);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'MUE-LINE', severity: 'error', carc: '151', lines: [2] });
    expect(f!.message).toMatch(/^Line 2: 17 units of 88305 on 2026-11-02 exceed the MUE of 16 per line/);
    expect(f!.fixHint).toMatch(/another line with a modifier/);
  });

  it('MAI 2: adds units per code and date of service; a policy limit, not appealable', () => {
    const [f, ...rest] = checkMue(
      [line(1, '20610', 2), line(3, '20610', 1), line(4, '20610', 5, '2026-11-03')],
      table,
    );
    expect(f).toMatchObject({ code: 'MUE-DAY', lines: [1, 3] });
    expect(f!.message).toMatch(
      /^3 units of 20610 on 2026-11-02 \(lines 1, 3\) exceed the MUE of 2 per date of service \(MUE adjudication indicator 2, policy/,
    );
    expect(f!.message).toMatch(/absolute limit/);
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatchObject({ code: 'MUE-DAY', lines: [4] });
  });

  it('MAI 3: a clinical limit that may be appealed', () => {
    const [f] = checkMue([line(1, '36415', 3)], table);
    expect(f).toMatchObject({ code: 'MUE-DAY', lines: [1] });
    expect(f!.message).toMatch(/indicator 3, clinical.*may be appealed with medical records/);
    expect(f!.fixHint).toMatch(/be ready to appeal/);
  });
});
