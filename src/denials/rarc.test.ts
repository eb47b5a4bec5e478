import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRarcCsv, SEED_REMARKS } from './rarc.ts';

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/rarc-list.csv'), 'utf8');

describe('readRarcCsv (the X12 RARC list exported as CSV)', () => {
  it('reads codes, descriptions and the Start / Last Modified / Stop notes', () => {
    const { records, errors } = readRarcCsv(fixture);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.code)).toEqual(['M15', 'N290', 'MA130', 'N22']);
    expect(records[1]).toEqual({
      code: 'N290',
      text: 'Missing/incomplete/invalid rendering provider primary identifier.',
      startDate: '2005-03-01',
      lastModified: '2023-07-01',
      stopDate: null,
    });
    expect(records[3]).toMatchObject({ stopDate: '2020-01-01', text: expect.stringMatching(/^Alert: /) });
  });

  it('reads separate Start, Last Modified and Stop columns', () => {
    const { records, errors } = readRarcCsv(
      'Code,Description,Start,Last Modified,Stop\nN4,Prior payer info missing.,1/1/1997,2015-03-01,\n',
    );
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ startDate: '1997-01-01', lastModified: '2015-03-01', stopDate: null });
  });

  it('names the row and column of each error and refuses the file whole', () => {
    const { records, errors } = readRarcCsv(
      [
        'Code,Description',
        'N290,"Missing rendering provider. Start: 13/45/2005"',
        '??,Something',
        'N290,Twice',
        'N30,',
        'N31',
      ].join('\n'),
    );
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { pointer: '/csv/row 2/Description', detail: 'Start "13/45/2005" is not a date MM/DD/YYYY' },
      { pointer: '/csv/row 3/Code', detail: '"??" is not a remark code (like N290 or MA130)' },
      { pointer: '/csv/row 4/Code', detail: 'N290 is listed twice (first at row 2)' },
      { pointer: '/csv/row 5/Description', detail: 'N30 has no description' },
      { pointer: '/csv/row 6/Description', detail: '1 cells of 2: the row is cut short' },
    ]);
  });

  it('says a file cut inside a quoted description is not CSV, at its row', () => {
    const cut = fixture.slice(0, fixture.indexOf('MA130') + 40);
    const { records, errors } = readRarcCsv(cut);
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail).toMatch(/^not CSV: /);
  });

  it('refuses an empty file, a file without its columns and a header alone', () => {
    expect(readRarcCsv('').errors).toEqual([{ pointer: '/csv', detail: 'the file is empty' }]);
    expect(readRarcCsv('Remark,Words\nN4,x\n').errors.map((e) => e.pointer)).toEqual([
      '/csv/row 1/code',
      '/csv/row 1/description',
    ]);
    expect(readRarcCsv('Code,Description\n').errors).toEqual([
      { pointer: '/csv', detail: 'no rows under the header' },
    ]);
  });

  it('seeds remarks with well-formed, distinct codes', () => {
    const codes = SEED_REMARKS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{1,2}\d{1,4}$/);
  });
});
