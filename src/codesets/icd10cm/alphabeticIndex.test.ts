import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { importAlphabeticIndex } from './alphabeticIndex.ts';
import { collect, expectFileError } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets/icd10cm/2026');
const dir = path.resolve(import.meta.dirname, '../fixtures/index');

describe('ICD-10-CM alphabetic index, drug and neoplasm tables, external cause index', () => {
  it('reads main terms, nested subterms, see/see also, partial and manifestation codes (fixture)', async () => {
    const all = await collect(importAlphabeticIndex(path.join(dir, 'pass/asthma-fracture-diabetes.xml')));
    expect(all[0]).toMatchObject({
      kind: 'index',
      letter: 'A',
      level: 0,
      title: 'Asthma, asthmatic',
      nonessential: ['(bronchial) (catarrh) (spasmodic)'],
      code: { code: 'J45909', partial: false },
    });
    expect(all.find((t) => t.title === 'exacerbation')).toMatchObject({
      level: 2,
      path: ['Asthma, asthmatic', 'with', 'exacerbation'],
      code: { code: 'J45901' },
    });
    expect(all.find((t) => t.title === 'torus')).toMatchObject({
      level: 3,
      code: { code: 'S5252', partial: true },
    });
    expect(all.find((t) => t.title === 'distal end')?.see).toBe('Fracture, radius, lower end');
    expect(all.find((t) => t.title === 'Fracture, traumatic')?.seeAlso).toBe('Fracture, pathological');
    expect(all.find((t) => t.title === 'amyloidosis, familial')).toMatchObject({
      code: { code: 'E851' },
      manifestation: { code: 'G63' },
    });
    expect(all.map((t) => t.title).slice(0, 4)).toEqual([
      'Asthma, asthmatic',
      'with',
      'exacerbation',
      'status asthmaticus',
    ]);
  });

  it('reads the FY2026 Table of Drugs and Chemicals with its column headings', async () => {
    const all = await collect(importAlphabeticIndex(`${shared}/icd10cm_drug_2026.xml`));
    expect(all.filter((t) => t.level === 0)).toHaveLength(5_179);
    expect(all.every((t) => t.kind === 'drug')).toBe(true);
    const p = all.find((t) => t.title === '14-hydroxydihydro-morphinone');
    expect(p?.cells?.find((c) => c.column === 'Adverse effect')).toMatchObject({
      code: 'T402X5',
      partial: false,
    });
    expect(p?.cells).toHaveLength(6);
  });

  it('reads the FY2026 Neoplasm Table (1,939 term rows) and External Cause index', async () => {
    const neo = await collect(importAlphabeticIndex(`${shared}/icd10cm_neoplasm_2026.xml`));
    expect(neo.filter((t) => t.level > 0)).toHaveLength(1_939);
    expect(neo.reduce((n, t) => n + (t.cells?.length ?? 0), 0)).toBe(9_020);
    expect(
      neo.find((t) => t.title === 'cavity')?.cells?.find((c) => c.column === 'Malignant Secondary'),
    ).toMatchObject({ code: 'C798', partial: true });
    const ext = await collect(importAlphabeticIndex(`${shared}/icd10cm_eindex_2026.xml`));
    expect(ext).toHaveLength(314 + 7_776);
    expect(ext.every((t) => t.kind === 'external-cause')).toBe(true);
    expect(ext.find((t) => t.title === 'barefoot water skier')?.code?.code).toBe('V944');
    expect(ext.find((t) => t.title === 'Strangulation')?.seeCategory).toBe('T71');
  });

  for (const name of readdirSync(path.join(dir, 'pass'))) {
    it(`reads pass/${name}: every term has a code or a cross-reference`, async () => {
      const all = await collect(importAlphabeticIndex(path.join(dir, 'pass', name)));
      expect(all.length).toBeGreaterThan(0);
      const leaves = all.filter((t, i) => !(all[i + 1] && all[i + 1]!.level > t.level));
      for (const t of leaves)
        expect(t.code ?? t.see ?? t.seeAlso ?? t.cells, t.path.join(', ')).toBeDefined();
    });
  }

  for (const name of readdirSync(path.join(dir, 'fail'))) {
    it(`rejects fail/${name} naming file and line:column`, async () => {
      const e = await expectFileError(importAlphabeticIndex(path.join(dir, 'fail', name)));
      expect(e.problem).toMatchObject({ file: expect.stringContaining(name) });
      expect(e.problem.line).toBeGreaterThan(1);
      expect(e.message).toMatch(/line \d+:\d+: /);
    });
  }
});
