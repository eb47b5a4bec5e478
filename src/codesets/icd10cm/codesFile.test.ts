import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importCmCodesFile } from './codesFile.ts';
import { importCodesAddenda } from './orderAddenda.ts';
import { importOrderFile } from './orderFile.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const dir = path.resolve(process.cwd(), '../shared/codesets/icd10cm/2026');

describe('ICD-10-CM codes file and codes addenda', () => {
  it('the FY2026 codes file lists exactly the billable codes of the order file', async () => {
    const codes = await collect(importCmCodesFile(`${dir}/icd10cm_codes_2026.txt.gz`));
    expect(codes).toHaveLength(74_719);
    const billable = new Set(
      (await collect(importOrderFile(`${dir}/icd10cm_order_2026.txt.gz`)))
        .filter((r) => r.billable)
        .map((r) => r.code),
    );
    expect(codes.every((c) => billable.has(c.code))).toBe(true);
    expect(codes[0]).toEqual({
      code: 'A000',
      description: 'Cholera due to Vibrio cholerae 01, biovar cholerae',
    });
  });

  it('reads the FY2026 codes addenda and checks its trailer', async () => {
    const all = await collect(importCodesAddenda(`${dir}/icd10cm_codes_addenda_2026.txt`));
    expect(all.filter((r) => r.action === 'add')).toHaveLength(487);
    expect(all.filter((r) => r.action === 'delete')).toHaveLength(28);
    expect(all.find((r) => r.action === 'revise-to' && r.code === 'L02212')?.longDescription).toBe(
      'Cutaneous abscess of back [any part, except buttock and flank]',
    );
  });

  it('rejects a malformed line and a cut last line', async () => {
    const bad = await tempFile('codes-bad.txt', 'A000    Cholera\r\nA0 01   x\r\n');
    expect((await expectFileError(importCmCodesFile(bad))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 2,
    });
    const cut = await tempFile('codes-cut.txt', 'A000    Cholera\r\nA001    Chol');
    expect((await expectFileError(importCmCodesFile(cut))).problem).toMatchObject({
      code: 'FILE_TRUNCATED',
      line: 2,
    });
  });
});
