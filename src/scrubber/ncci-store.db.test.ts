import { mkdtempSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { openTestDatabase } from '../db/testing.ts';
import { mueFor, ptpEdit } from './ncci/index.ts';
import { classifyNcciFile, importNcciDirectory, NcciCatalog } from './ncci-store.ts';

// The fixtures in the official layouts, under the names CMS gives its files.
const fixtures = join(process.cwd(), 'src/scrubber/ncci/fixtures/pass');
function ncciFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ncci-'));
  copyFileSync(join(fixtures, 'ptp-practitioner-copyright-header.txt'), join(dir, 'ccipra-v323r0-f1.txt'));
  copyFileSync(
    join(fixtures, 'mue-practitioner.txt'),
    join(dir, 'MCR_MUE_PractitionerServices_Eff_10-01-2026.txt'),
  );
  copyFileSync(
    join(process.cwd(), 'src/scrubber/mpfs/fixtures/PPRRVU26_JAN.csv'),
    join(dir, 'PPRRVU26_JAN.csv'),
  );
  return dir;
}

describe('NCCI files in the database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('knows CMS file names', () => {
    expect(classifyNcciFile('ccipra-v323r0-f1.txt')).toEqual({ kind: 'ptp', setting: 'practitioner' });
    expect(classifyNcciFile('ccioph-v323r0-f2.TXT')).toEqual({ kind: 'ptp', setting: 'outpatient' });
    expect(classifyNcciFile('MCR_MUE_PractitionerServices_Eff_10-01-2026.txt')).toEqual({
      kind: 'mue',
      setting: 'practitioner',
    });
    expect(classifyNcciFile('PPRRVU26_JAN.csv')).toEqual({ kind: 'global-days', setting: 'practitioner' });
    expect(classifyNcciFile('readme.pdf')).toBeUndefined();
  });

  it('imports a quarter once, refuses a truncated file, and loads the tables every server reads', async () => {
    const dir = ncciFolder();
    const first = await importNcciDirectory(database, dir, '2026Q4', SYSTEM_ACTOR);
    expect(first.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    expect((await importNcciDirectory(database, dir, '2026Q4', SYSTEM_ACTOR)).map((o) => o.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    const bad = mkdtempSync(join(tmpdir(), 'ncci-bad-'));
    const text = readFileSync(join(fixtures, 'ptp-practitioner-copyright-header.txt'), 'utf8');
    writeFileSync(join(bad, 'ccipra-v323r0-f2.txt'), text.slice(0, text.length - 5));
    const refused = await importNcciDirectory(database, bad, '2026Q4', SYSTEM_ACTOR);
    expect(refused[0]!.status).toBe('failed');
    expect(refused[0]!.problems[0]!.file).toBe('ccipra-v323r0-f2.txt');

    const catalog = new NcciCatalog(database);
    await catalog.reload();
    const { ptp, mue } = catalog.tables().practitioner;
    expect(ptp).toBeDefined();
    expect(mue).toBeDefined();
    const firstRow = text
      .split('\n')
      .find((l) => /^\d{4}[0-9A-Z]\t/.test(l))!
      .split('\t');
    expect(
      ptpEdit(ptp!, firstRow[0]!, firstRow[1]!, '2026-11-02') ??
        ptpEdit(ptp!, firstRow[0]!, firstRow[1]!, '2010-01-01'),
    ).toBeDefined();
    const mueCode = readFileSync(join(fixtures, 'mue-practitioner.txt'), 'utf8')
      .split('\n')
      .find((l) => /^[0-9A-Z]{5}\t/.test(l))!
      .split('\t')[0]!;
    expect(mueFor(mue!, mueCode, '2026-11-02')).toBeDefined();
    // The MPFS relative value file gives the global period rule its days.
    expect(catalog.tables().practitioner.globalDays?.get('27447')).toBe(90);
  });
});
