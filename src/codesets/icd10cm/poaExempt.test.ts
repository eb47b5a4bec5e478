import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importPoaExempt } from './poaExempt.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const dir = path.resolve(process.cwd(), '../shared/codesets/icd10cm/2026/poa_exempt');

describe('POA-exempt lists', () => {
  it('reads the FY2026 list (38,349 codes) and its add, delete and revise files', async () => {
    const all = await collect(importPoaExempt(`${dir}/POAexemptCodesFY26.txt`));
    expect(all).toHaveLength(38_349);
    expect(all[0]).toEqual({
      orderNumber: 1238,
      code: 'B900',
      description: 'Sequelae of central nervous system tuberculosis',
    });
    expect(all.some((r) => r.description.includes('"'))).toBe(false);
    expect(await collect(importPoaExempt(`${dir}/POAexemptAddCodesFY26.txt`))).toHaveLength(209);
    expect(await collect(importPoaExempt(`${dir}/POAexemptDeleteCodesFY26.txt`))).toHaveLength(14);
    const rev = await collect(importPoaExempt(`${dir}/POAexemptReviseCodesFY26.txt`));
    expect(rev[1]).toEqual({
      orderNumber: 30219,
      action: 'revise-to',
      code: 'Q75001',
      description: 'Craniosynostosis, unspecified type, unilateral',
    });
  });

  it('rejects a missing header, a bad code and a cut last line', async () => {
    const noHeader = await tempFile('poa-noheader.txt', '01238\tB90.0\tSequelae\r\n');
    expect((await expectFileError(importPoaExempt(noHeader))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 1,
    });
    const badCode = await tempFile(
      'poa-bad.txt',
      'Order26\tPOAexemptCode\tDescription\r\n01238\tB90.0.1\tx\r\n',
    );
    expect((await expectFileError(importPoaExempt(badCode))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 2,
    });
    const cut = await tempFile('poa-cut.txt', 'Order26\tPOAexemptCode\tDescription\r\n01238\tB90.0\tSeq');
    expect((await expectFileError(importPoaExempt(cut))).problem).toMatchObject({
      code: 'FILE_TRUNCATED',
      line: 2,
    });
  });
});
