import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { importOrderFile, parseOrderLine } from './orderFile.ts';
import { CodesetFileError } from '../problems.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');

describe('ICD-10 order file', () => {
  it('reads the FY2026 ICD-10-CM order file: 74,719 billable of 98,186', async () => {
    let total = 0;
    let billable = 0;
    for await (const r of importOrderFile(`${shared}/icd10cm/2026/icd10cm_order_2026.txt.gz`)) {
      total++;
      if (r.billable) billable++;
      if (r.code === 'J45') expect(r.billable).toBe(false);
      if (r.code === 'J45909')
        expect(r).toMatchObject({ billable: true, shortDescription: 'Unspecified asthma, uncomplicated' });
    }
    expect(total).toBe(98_186);
    expect(billable).toBe(74_719);
  });

  it('reads the FY2026 ICD-10-PCS order file: 79,115 valid codes', async () => {
    const all = await collect(importOrderFile(`${shared}/icd10pcs/2026/icd10pcs_order_2026.txt.gz`));
    expect(all.filter((r) => r.billable)).toHaveLength(79_115);
    expect(all).toHaveLength(80_029);
  });

  it('parses the fixed columns', () => {
    const line =
      '00002 A000    1 ' + 'Cholera due to Vibrio cholerae 01, biovar cholerae'.padEnd(60) + ' Cholera long';
    expect(parseOrderLine(line, 'f', 2)).toEqual({
      orderNumber: 2,
      code: 'A000',
      billable: true,
      shortDescription: 'Cholera due to Vibrio cholerae 01, biovar cholerae',
      longDescription: 'Cholera long',
    });
  });

  it('property: any record written in the fixed layout reads back the same', () => {
    const text = (min: number, max: number) =>
      fc
        .string({ minLength: min, maxLength: max, unit: fc.constantFrom(...'abcXYZ 019,()-'.split('')) })
        .map((s) => s.trim() || 'x');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.stringMatching(/^[A-Z0-9]{3,7}$/),
        fc.boolean(),
        text(1, 60),
        text(1, 200),
        (n, code, billable, short, long) => {
          const line = `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${short.padEnd(60)} ${long}`;
          expect(parseOrderLine(line, 'f', 1)).toEqual({
            orderNumber: n,
            code,
            billable,
            shortDescription: short,
            longDescription: long,
          });
        },
      ),
    );
  });

  it('rejects a malformed record with file and line', async () => {
    const good = '00001 A00     0 ' + 'Cholera'.padEnd(60) + ' Cholera\r\n';
    const f = await tempFile('order.txt', good + '00002 A000    X ' + 'x'.padEnd(60) + ' x\r\n');
    const e = await expectFileError(importOrderFile(f));
    expect(e.problem).toMatchObject({ code: 'RECORD_MALFORMED', line: 2 });
    expect(e.message).toMatch(/order\.txt, line 2: column 15/);
  });

  it('rejects a file cut mid-record and a gzip cut short', async () => {
    const good = '00001 A00     0 ' + 'Cholera'.padEnd(60) + ' Cholera\r\n';
    const f = await tempFile('cut.txt', good + '00002 A000    1 Chol');
    expect((await expectFileError(importOrderFile(f))).problem).toMatchObject({
      code: 'FILE_TRUNCATED',
      line: 2,
    });
    const many = Array.from(
      { length: 2000 },
      (_, i) => `${String(i + 1).padStart(5, '0')} A00     0 ${'Cholera'.padEnd(60)} C\r\n`,
    );
    const gz = await tempFile('cut.txt.gz', many.join(''), { gzip: true, cutBytes: 40 });
    expect((await expectFileError(importOrderFile(gz))).problem.code).toBe('FILE_UNREADABLE');
  });

  it('rejects bytes that are not UTF-8 text', async () => {
    const good = '00001 A00     0 ' + 'Cholera'.padEnd(60) + ' Cholera\r\n';
    const f = await tempFile('binary.txt', good + '00002 A000    1 \u0000');
    await import('node:fs/promises').then((fs) => fs.appendFile(f, Buffer.from([0xff, 0xfe, 0x0d, 0x0a])));
    const e = await expectFileError(importOrderFile(f));
    expect(e.problem.code).toBe('FILE_UNREADABLE');
    expect(e.message).toMatch(/binary\.txt, line \d+: .*(utf-8|encoded)/i);
  });

  it('rejects missing records (order-number gap)', async () => {
    const rec = (n: number) => `${String(n).padStart(5, '0')} A00     0 ${'Cholera'.padEnd(60)} Cholera\r\n`;
    const f = await tempFile('gap.txt', rec(1) + rec(3));
    const e = await expectFileError(importOrderFile(f));
    expect(e).toBeInstanceOf(CodesetFileError);
    expect(e.problem.message).toMatch(/order number 3 follows 1/);
  });
});
