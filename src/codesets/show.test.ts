import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importTabular } from './icd10cm/tabular.ts';
import { buildTabularNotes } from './icd10cm/tabularNotes.ts';
import { loadCodeTables } from './load/loadTables.ts';
import { detectReleases } from './release/detect.ts';
import { showCode } from './show.ts';
import type { CodeTables } from './tables/codeTables.ts';
import { collect } from './testing.ts';

let tables: CodeTables;
const DOS = '2026-03-15';

beforeAll(async () => {
  const cm = (await detectReleases()).filter(
    (r) => `${r.release.system}|${r.release.version}` === 'ICD-10-CM|2026',
  );
  tables = await loadCodeTables(cm);
  const fixture = path.resolve(
    import.meta.dirname,
    'fixtures/tabular/pass/diabetes-asthma-injury-poisoning.xml',
  );
  const tabular = buildTabularNotes(await collect(importTabular(fixture)));
  tables.icd10cm = tables.icd10cm.map((t) => ({ ...t, tabular }));
}, 60_000);

describe('code show', () => {
  it('gives the 7th-character choices, the notes inherited from the category and the parents', () => {
    const v = showCode('T39.1X1', DOS, tables);
    expect(v).toMatchObject({ display: 'T39.1X1', valid: false, problems: [{ code: 'CODE_NEEDS_7TH' }] });
    expect(v.seventhCharacters?.map((c) => c.char)).toEqual(['A', 'D', 'S']);
    expect(v.completions?.map((c) => c.code)).toEqual(['T39.1X1A', 'T39.1X1D', 'T39.1X1S']);
    expect(v.parents.map((p) => p.code)).toEqual(['T39.1X', 'T39.1', 'T39']);
    const j = showCode('J45.21', DOS, tables);
    expect(j.valid).toBe(true);
    expect(j.notes).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'excludes1', source: 'J45' })]),
    );
    expect(j.seventhCharacters).toBeUndefined();
  });

  it('says CPT is valid by format only, without a description, when no licensed file is imported', () => {
    expect(showCode('99213', DOS, tables)).toMatchObject({
      system: 'CPT',
      valid: true,
      problems: [
        {
          code: 'CPT_FORMAT_ONLY',
          severity: 'info',
          message: expect.stringMatching(/no description \(licensed file not imported\)/),
        },
      ],
    });
    expect(showCode('99213', DOS, tables).description).toBeUndefined();
  });
});
