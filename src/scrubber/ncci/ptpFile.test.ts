import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { importPtpEdits, parsePtpRow } from './ptpFile.ts';
import { FIXTURES, drain, tempFile } from './testing.ts';

const practitioner = path.join(FIXTURES, 'pass/ptp-practitioner-copyright-header.txt');
const HEADER =
  'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\r\n';

describe('PTP edit file importer', () => {
  it('reads every field of the practitioner file after the copyright lines', async () => {
    const { rows, problems } = await drain(importPtpEdits(practitioner));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(11);
    expect(rows.find((r) => r.column2 === '99213')).toEqual({
      column1: '20610',
      column2: '99213',
      inExistencePriorTo1996: false,
      effectiveDate: '2021-01-01',
      deletionDate: undefined,
      modifierIndicator: 1,
      rationale: 'Standards of medical / surgical practice',
    });
    expect(rows.find((r) => r.column1 === '17000')).toMatchObject({ deletionDate: '2024-01-01' });
    expect(rows.find((r) => r.column1 === '93000')).toMatchObject({
      inExistencePriorTo1996: true,
      modifierIndicator: 0,
    });
  });

  it('accepts gzip from a path or a Readable, and LF line ends', async () => {
    const text = readFileSync(practitioner);
    const gz = await tempFile('ccipra.txt.gz', text, { gzip: true });
    expect((await drain(importPtpEdits(gz))).rows).toHaveLength(11);
    const stream = Readable.from([gzipSync(text)]);
    const fromStream = await drain(importPtpEdits(stream, { file: 'ccipra-v321r0-f1.txt' }));
    expect(fromStream.rows).toHaveLength(11);
    const lf = Readable.from([Buffer.from(text.toString().replace(/\r\n/g, '\n'))]);
    expect((await drain(importPtpEdits(lf))).rows).toHaveLength(11);
  });

  it('reports a gzip file cut short as truncated, after the rows it could read', async () => {
    const big =
      HEADER + '20610\t99213\t \t20210101\t*\t1\tStandards of medical / surgical practice\r\n'.repeat(5000);
    const cut = await tempFile('cut.txt.gz', big, { gzip: true, cutBytes: 40 });
    const { rows, problems } = await drain(importPtpEdits(cut));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'NCCI-FILE-TRUNCATED', file: 'cut.txt.gz' });
    expect(rows.length).toBeLessThan(5000);
  });

  it('keeps reading after bad rows and reports each with its line and field', async () => {
    const text =
      'notice\r\n' +
      HEADER +
      '20610\t99213\t \t20210101\t*\t1\tok\r\n' +
      '20610\t99213\t \t20211301\t*\t1\tbad month\r\n' +
      '20610\t99214\tx\t20210101\t*\t1\tbad star\r\n' +
      '20610\t99215\t \t20210101\t*\t1\tok\r\n';
    const { rows, problems } = await drain(importPtpEdits(Readable.from([text]), { file: 'mixed.txt' }));
    expect(rows.map((r) => r.column2)).toEqual(['99213', '99215']);
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [4, 4, 'Effective Date'],
      [5, 3, '* = in existence prior to 1996'],
    ]);
  });

  it('lists at most maxProblems and counts the rest in one closing problem', async () => {
    const text = HEADER + '20610\tBAD\t \t20210101\t*\t1\tx\r\n'.repeat(25);
    const { problems } = await drain(importPtpEdits(Readable.from([text]), { maxProblems: 10 }));
    expect(problems).toHaveLength(11);
    expect(problems[10]).toMatchObject({
      code: 'NCCI-TOO-MANY-PROBLEMS',
      message: expect.stringMatching(/^15 more/),
    });
  });

  it('reports a file that cannot be opened', async () => {
    const { problems } = await drain(importPtpEdits('/nonexistent/ccipra-v321r0-f1.txt'));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'NCCI-FILE-UNREADABLE',
        file: 'ccipra-v321r0-f1.txt',
        line: 1,
      }),
    ]);
  });

  it('reports an empty file as truncated', async () => {
    const { problems } = await drain(importPtpEdits(Readable.from([Buffer.alloc(0)])));
    expect(problems[0]).toMatchObject({ code: 'NCCI-FILE-TRUNCATED', message: 'the file is empty' });
  });

  it('parses a row and rejects extra fields', () => {
    expect(parsePtpRow(['0001A', '0591T', '', '20210101', '*', '9', 'x'])).toMatchObject({
      modifierIndicator: 9,
    });
    expect(parsePtpRow(['20610', '99213', '', '20210101', '*', '1', 'x', 'y'])).toMatchObject({
      fault: true,
      column: 8,
    });
  });
});
