import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importHcpcsFile } from './annualFile.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');

describe('HCPCS annual file', () => {
  it('reads the January 2026 file: 8,623 procedure codes and 383 modifiers', async () => {
    const all = await collect(importHcpcsFile(`${shared}/hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.txt.gz`));
    const procedures = all.filter((r) => r.kind === 'procedure');
    expect(procedures).toHaveLength(8_623);
    expect(procedures.filter((r) => r.terminationDate === undefined)).toHaveLength(7_323);
    expect(all.filter((r) => r.kind === 'modifier')).toHaveLength(383);
    expect(all.find((r) => r.code === 'A0080')).toMatchObject({
      longDescription:
        'Non-emergency transportation, per mile - vehicle provided by volunteer (individual or organization), with no vested interest',
      coverageCode: 'I',
      addedDate: '1982-01-01',
      actionEffectiveDate: '2003-01-01',
      terminationDate: undefined,
    });
    expect(all.find((r) => r.code === 'A4397')).toMatchObject({
      terminationDate: '2021-12-31',
      actionCode: 'N',
      pricingIndicators: ['37'],
    });
    expect(all.find((r) => r.code === 'HA' && r.kind === 'modifier')?.longDescription).toBe(
      'Child/adolescent program',
    );
  });

  it('rejects a cut record, an orphan continuation and a bad date', async () => {
    const first = `A0080001003${'Non-emergency transportation'.padEnd(80)}${'Non-em'.padEnd(28)}${' '.repeat(149)}198201012003010100000000N`;
    const cut = await tempFile('hcpcs-cut.txt', first.slice(0, 200));
    expect((await expectFileError(importHcpcsFile(cut))).problem).toMatchObject({
      code: 'FILE_TRUNCATED',
      line: 1,
    });
    const orphan = await tempFile('hcpcs-orphan.txt', `A0090002004${'more text'.padEnd(309)}\r\n`);
    expect((await expectFileError(importHcpcsFile(orphan))).problem.message).toMatch(
      /continuation line for A0090/,
    );
    const badDate = await tempFile('hcpcs-date.txt', `${first.slice(0, 268)}1982X101${first.slice(276)}\r\n`);
    expect((await expectFileError(importHcpcsFile(badDate))).problem.message).toMatch(/not YYYYMMDD/);
  });
});
