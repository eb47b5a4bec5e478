import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCptBytes, parseCptText } from './cptFile.ts';
import { importCptFile } from './importCptFile.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

// Fixtures carry made-up descriptions in the AMA data-file layouts: no AMA text is in the repository.
const dir = path.resolve(import.meta.dirname, '../fixtures/cpt');
const parse = (folder: string, name: string) =>
  parseCptText(decodeCptBytes(readFileSync(path.join(dir, folder, name))), name);

/** The line each failing sample is refused at, and why. */
const FAILS: Record<string, { line: number; code: string; why: RegExp }> = {
  'truncated-last-line.txt': { line: 2, code: 'FILE_TRUNCATED', why: /no line break/ },
  'code-not-cpt.txt': { line: 2, code: 'RECORD_MALFORMED', why: /not a CPT record \(code, a tab/ },
  'duplicate-code.txt': { line: 3, code: 'RECORD_MALFORMED', why: /99202 appears again \(first on line 1\)/ },
  'missing-description.txt': { line: 2, code: 'RECORD_MALFORMED', why: /99213 has no description/ },
  'sequence-gap.txt': { line: 2, code: 'RECORD_MALFORMED', why: /99213 03 does not follow 99213 02/ },
  'mixed-layout.txt': { line: 2, code: 'RECORD_MALFORMED', why: /not a CPT record/ },
  'extra-tab-column.txt': { line: 2, code: 'RECORD_MALFORMED', why: /not a CPT record/ },
  'notice-only.txt': { line: 200, code: 'RECORD_MALFORMED', why: /no CPT code line in the first 200 lines/ },
  'empty.txt': { line: 1, code: 'FILE_TRUNCATED', why: /holds no CPT codes/ },
};

describe('AMA CPT data files (made-up descriptions in the official layouts)', () => {
  it('reads the tab-delimited layout after the copyright notice, with Category II, III and PLA codes', () => {
    const r = parse('pass', 'longult-tab-with-notice.txt');
    expect(r).toMatchObject({ layout: 'tab', headerLines: 2, problems: [] });
    expect(r.records.map((c) => c.code)).toEqual(['99202', '99213', '99214', '0001U', '1036F', '0042T']);
    expect(r.records[1]?.description).toBe(
      'Made-up long description for an established-patient office visit, level three',
    );
  });

  it('reads the fixed layout with CRLF line ends', () => {
    const r = parse('pass', 'medu-fixed-crlf.txt');
    expect(r.layout).toBe('fixed');
    expect(r.records[1]).toEqual({
      code: '99213',
      description: 'MADE-UP MEDIUM ESTABLISHED PATIENT VISIT LEVEL 3',
    });
  });

  it('joins the continuation records of the sequenced long-description layout', () => {
    const r = parse('pass', 'longulf-sequenced.txt');
    expect(r.layout).toBe('sequenced');
    expect(r.records).toHaveLength(2);
    expect(r.records[0]?.description).toMatch(
      /^Made-up long description, first record .* the third one ends it$/,
    );
  });

  it('decodes Windows-1252 when the file is not UTF-8', () => {
    expect(decodeCptBytes(Uint8Array.from([0x39, 0x32, 0xae, 0x96]))).toBe('92®–');
    expect(decodeCptBytes(new TextEncoder().encode('99213\tCafé'))).toBe('99213\tCafé');
  });

  for (const name of readdirSync(path.join(dir, 'pass'))) {
    it(`pass/${name}: codes, descriptions, no problems`, async () => {
      const records = await collect(importCptFile(path.join(dir, 'pass', name)));
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r.description, r.code).not.toBe('');
    });
  }

  for (const name of readdirSync(path.join(dir, 'fail'))) {
    it(`fail/${name}: refused naming the file, line and why`, async () => {
      const expected = FAILS[name];
      expect(expected, `add ${name} to FAILS`).toBeDefined();
      const [first] = parse('fail', name).problems;
      expect(first).toMatchObject({ code: expected!.code, file: name, line: expected!.line });
      expect(first?.message).toMatch(expected!.why);
      const e = await expectFileError(importCptFile(path.join(dir, 'fail', name)));
      expect(e.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}, line ${expected!.line}: `));
    });
  }

  it('reports every bad line, not only the first', async () => {
    const file = await tempFile('LONGULT.txt', '99202\tMade-up\nbad line\n99213\t\n99214\tMade-up\n');
    const r = parseCptText(readFileSync(file, 'utf8'), 'LONGULT.txt');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect((await expectFileError(importCptFile(file))).message).toMatch(/\(and 1 more problems\)$/);
  });
});
