import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importNuccTaxonomy, splitCsv } from './taxonomy.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const file = path.resolve(process.cwd(), '../shared/codesets/nucc/25.1/nucc_taxonomy_251.csv');
const HEADER = 'Code,Grouping,Classification,Specialization,Definition,Notes,Display Name,Section\r\n';

describe('NUCC taxonomy CSV', () => {
  it('reads v25.1: 883 codes, 698 individual', async () => {
    const all = await collect(importNuccTaxonomy(file));
    expect(all).toHaveLength(883);
    expect(all.filter((r) => r.section === 'Individual')).toHaveLength(698);
    expect(all[0]).toMatchObject({
      code: '193200000X',
      classification: 'Multi-Specialty',
      displayName: 'Multi-Specialty Group',
    });
  });

  it('splits quoted CSV fields', () => {
    expect(splitCsv('a,"b, ""c""",d')).toEqual(['a', 'b, "c"', 'd']);
    expect(splitCsv('a,"open')).toBeUndefined();
  });

  it('rejects a wrong header, a short row and an unclosed quote at end of file', async () => {
    const badHeader = await tempFile('nucc-header.csv', 'Code,Group\r\n');
    expect((await expectFileError(importNuccTaxonomy(badHeader))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 1,
    });
    const short = await tempFile('nucc-short.csv', `${HEADER}193200000X,Group\r\n`);
    expect((await expectFileError(importNuccTaxonomy(short))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 2,
    });
    const cut = await tempFile(
      'nucc-cut.csv',
      `${HEADER}193200000X,Group,Multi-Specialty,,"A business group of`,
    );
    expect((await expectFileError(importNuccTaxonomy(cut))).problem).toMatchObject({
      code: 'FILE_TRUNCATED',
      line: 2,
    });
  });
});
