import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { loadPtpTable } from './load.ts';
import type { PtpEdit } from './ptpFile.ts';
import { buildPtpTable, ptpEdit } from './ptpTable.ts';
import { FIXTURES } from './testing.ts';

const { table } = await loadPtpTable(path.join(FIXTURES, 'pass/ptp-practitioner-copyright-header.txt'), {
  setting: 'practitioner',
});

describe('PTP lookup table', () => {
  it('finds an edit in force, in column order only', () => {
    expect(ptpEdit(table, '20610', '99213', '2026-11-02')).toMatchObject({ modifierIndicator: 1 });
    expect(ptpEdit(table, '99213', '20610', '2026-11-02')).toBeUndefined();
    expect(ptpEdit(table, '20610', '99999', '2026-11-02')).toBeUndefined();
    expect(ptpEdit(table, '00000', '99213', '2026-11-02')).toBeUndefined();
  });

  it('applies from the effective date', () => {
    expect(ptpEdit(table, '20610', '99213', '2020-12-31')).toBeUndefined();
    expect(ptpEdit(table, '20610', '99213', '2021-01-01')).toBeDefined();
  });

  it('stops applying on the deletion date', () => {
    expect(ptpEdit(table, '17000', '11900', '2023-12-31')).toMatchObject({ deletionDate: '2024-01-01' });
    expect(ptpEdit(table, '17000', '11900', '2024-01-01')).toBeUndefined();
    // deleted on its own effective date (retroactive, indicator 9): never applied
    expect(ptpEdit(table, '12001', '11042', '2025-07-01')).toBeUndefined();
  });

  it('picks the version of a pair in force on the date', () => {
    expect(ptpEdit(table, '20610', '20550', '2022-06-30')).toMatchObject({ modifierIndicator: 0 });
    expect(ptpEdit(table, '20610', '20550', '2023-01-01')).toMatchObject({ modifierIndicator: 1 });
  });

  it('answers as a linear scan of the edits would, in any input order', () => {
    const code = fc.constantFrom('20610', '99213', '29881', 'J1100', '0591T', '36000');
    const date = fc
      .integer({ min: 20200101, max: 20201231 })
      .filter(
        (n) =>
          n % 100 >= 1 && n % 100 <= 28 && Math.floor(n / 100) % 100 >= 1 && Math.floor(n / 100) % 100 <= 12,
      );
    const iso = (n: number) => `${String(n).slice(0, 4)}-${String(n).slice(4, 6)}-${String(n).slice(6)}`;
    const edit = fc.record({
      c1: code,
      c2: code,
      from: date,
      until: fc.option(date, { nil: undefined }),
      mi: fc.constantFrom(0, 1, 9),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), code, code, date, (raw, c1, c2, dos) => {
        const edits: PtpEdit[] = raw.map((e) => ({
          column1: e.c1,
          column2: e.c2,
          inExistencePriorTo1996: false,
          effectiveDate: iso(e.from),
          deletionDate: e.until === undefined ? undefined : iso(Math.max(e.from, e.until)),
          modifierIndicator: e.mi as 0 | 1 | 9,
          rationale: `r${e.mi}`,
        }));
        const t = buildPtpTable('practitioner', edits);
        const expected = edits
          .filter(
            (e) =>
              e.column1 === c1 &&
              e.column2 === c2 &&
              e.effectiveDate <= iso(dos) &&
              (e.deletionDate === undefined || iso(dos) < e.deletionDate),
          )
          .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))[0];
        const got = ptpEdit(t, c1, c2, iso(dos));
        expect(got === undefined).toBe(expected === undefined);
        if (got && expected) expect(got.effectiveDate).toBe(expected.effectiveDate);
      }),
    );
  });
});

describe('PTP table from several files', () => {
  it('joins the parts of a release (f1 … f4) and sorts when they come out of order', async () => {
    const { Readable } = await import('node:stream');
    const head =
      'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale\r\n';
    const f1 = Readable.from([`${head}93000\t93005\t*\t19960101\t*\t0\tx\r\n`]);
    const f2 = Readable.from([`${head}20610\t99213\t \t20210101\t*\t1\ty\r\n`]);
    const { table: joined, rowsLoaded, complete } = await loadPtpTable([f1, f2], { setting: 'practitioner' });
    expect([rowsLoaded, complete]).toEqual([2, true]);
    expect(ptpEdit(joined, '93000', '93005', '2026-11-02')).toMatchObject({ rationale: 'x' });
    expect(ptpEdit(joined, '20610', '99213', '2026-11-02')).toMatchObject({ rationale: 'y' });
  });
});
