import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMueQuarter, loadPtpTable, ptpEdit } from '../../src/scrubber/ncci/index.ts';
import { writeSyntheticNcciFiles } from './ncci-data.ts';

const hash = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('synthetic NCCI data', () => {
  it('writes files in the official layout, deterministically from the seed', async () => {
    const a = await writeSyntheticNcciFiles(await mkdtemp(path.join(tmpdir(), 'ncci-a-')), {
      activePairs: 5_000,
      mueCodes: 300,
    });
    const b = await writeSyntheticNcciFiles(await mkdtemp(path.join(tmpdir(), 'ncci-b-')), {
      activePairs: 5_000,
      mueCodes: 300,
    });
    expect(await hash(a.ptpFile)).toBe(await hash(b.ptpFile));
    expect(await hash(a.mueFile)).toBe(await hash(b.mueFile));

    const ptp = await loadPtpTable(a.ptpFile, { setting: 'practitioner' });
    expect(ptp.problems).toEqual([]);
    expect(ptp.rowsLoaded).toBe(a.ptpRows);
    expect(a.activePairs).toBeGreaterThanOrEqual(5_000);
    const mue = await loadMueQuarter(a.mueFile, { setting: 'practitioner', quarter: '2026Q4' });
    expect(mue.problems).toEqual([]);
    expect(mue.rowsLoaded).toBe(300);

    // every column 1 code answers for at least one of its pairs
    const [first] = ptp.table.groups.keys();
    expect(first).toMatch(/^(\d{5}|\d{4}T|[A-Z]\d{4})$/);
  });

  it('can be looked up', async () => {
    const f = await writeSyntheticNcciFiles(await mkdtemp(path.join(tmpdir(), 'ncci-c-')), {
      activePairs: 1_000,
      mueCodes: 50,
      seed: 3,
    });
    const text = await readFile(f.ptpFile, 'utf8');
    const row = text.split('\r\n').find((l) => /^\S{5}\t\S{5}\t.\t\d{8}\t\*\t[01]\t/.test(l))!;
    const [c1, c2, , eff] = row.split('\t') as [string, string, string, string];
    const { table } = await loadPtpTable(f.ptpFile, { setting: 'practitioner' });
    expect(ptpEdit(table, c1, c2, `${eff.slice(0, 4)}-${eff.slice(4, 6)}-${eff.slice(6)}`)).toBeDefined();
  });
});
