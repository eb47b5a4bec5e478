import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { CodeSetCatalog } from '../catalog.ts';
import { showCode } from '../show.ts';
import { writeReleaseFolder } from '../testing.ts';
import { importCodesetDirectory } from './import.ts';
import { importCptRelease } from './importCpt.ts';
import { storedReleases } from './load.ts';
import {
  clearStoredSearchIndexes,
  loadStoredSearchIndex,
  searchSources,
  storeSearchIndex,
} from './searchIndexStore.ts';

// The first 14,000 order-file records reach J45 (asthma); the main index is the fixture in the
// official layout (the FY2026 file is not available), the drug table the real FY2026 file.
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const shared = path.join(process.cwd(), '../shared/codesets');
const SET = 'ICD-10-CM 2026 | ICD-10-PCS - | HCPCS - | CPT -';
const DOS = '2026-03-02';

describe('search indexes stored at import, index look-up and CPT files through the database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const stored = async () =>
    (
      await database.sql.executeSql(
        'select release_set, sources, documents, built_at from code_search_index order by release_set',
      )
    ).rows as { release_set: string; sources: string; documents: number; built_at: Date }[];

  beforeAll(async () => {
    database = await openTestDatabase();
    const dir = writeReleaseFolder(14_000, {
      copies: {
        'icd10cm/2026/icd10cm_index_2026.xml': `${fixtures}/index/pass/asthma-fracture-diabetes.xml`,
        'icd10cm/2026/icd10cm_drug_2026.xml': `${shared}/icd10cm/2026/icd10cm_drug_2026.xml`,
      },
    });
    await importCodesetDirectory(database, dir, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(() => database.close());

  it('stores one index per release set at import, and a new catalog loads it without rebuilding', async () => {
    const [row] = await stored();
    expect(row).toMatchObject({ release_set: SET });
    expect(row!.documents).toBeGreaterThan(14_000);
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    expect((await catalog.search('mild intermittent asthma exacerbation', DOS))[0]).toMatchObject({
      display: 'J45.21',
    });
    expect((await catalog.search('acetaminophen', DOS)).map((h) => h.display)).toContain('T39.1X1');
    expect((await stored())[0]!.built_at).toEqual(row!.built_at);
  });

  it('stores an index a part at a time and reads back every part; a missing part makes it rebuilt', async () => {
    const sources = searchSources(await storedReleases(database.db));
    const index = (await loadStoredSearchIndex(database, SET, sources))!;
    expect(index.docs.length).toBeGreaterThan(14_000);
    // parts of 64 KiB, so this small index takes several
    await storeSearchIndex(database, SET, sources, index, 65_536);
    const parts = async () =>
      (
        await database.sql.executeSql(
          `select i.bytes, octet_length(i.content) as head, count(p.part)::int as parts,
                  coalesce(sum(octet_length(p.content)), 0)::int as rest
             from code_search_index i left join code_search_index_part p using (release_set)
            group by i.release_set, i.bytes, i.content`,
        )
      ).rows as { bytes: number; head: number; parts: number; rest: number }[];
    const [row] = await parts();
    expect(row!.head).toBe(65_536);
    expect(row!.parts).toBe(Math.ceil(row!.bytes / 65_536) - 1);
    expect(row!.parts).toBeGreaterThan(2);
    expect(row!.head + row!.rest).toBe(row!.bytes);
    const back = (await loadStoredSearchIndex(database, SET, sources))!;
    expect(back.vocab).toEqual(index.vocab);
    expect(back.docs).toEqual(index.docs);
    expect(Array.from(back.postings)).toEqual(Array.from(index.postings));
    // stored again in larger parts: the parts of the earlier copy are gone
    await storeSearchIndex(database, SET, sources, index, 262_144);
    expect((await parts())[0]!.parts).toBe(Math.ceil(row!.bytes / 262_144) - 1);
    await database.sql.executeSql('delete from code_search_index_part where part = 1');
    expect(await loadStoredSearchIndex(database, SET, sources)).toBeUndefined();
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    expect((await catalog.search('mild intermittent asthma exacerbation', DOS))[0]?.display).toBe('J45.21');
    expect((await parts())[0]).toMatchObject({ bytes: row!.bytes, head: Math.min(row!.bytes, 1 << 19) });
  });

  it('rebuilds and stores a missing index at the first search', async () => {
    await clearStoredSearchIndexes(database);
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    expect((await catalog.search('cholera', DOS))[0]?.display).toMatch(/^A00/);
    expect((await stored()).map((r) => r.release_set)).toEqual([SET]);
  });

  it('looks terms up in the index books of the date of service, verified against the order file', async () => {
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    const asthma = await catalog.lookUpIndex({
      system: 'ICD-10-CM',
      table: 'index',
      term: 'asthma',
      path: ['mild intermittent', 'with exacerbation'],
      dos: DOS,
    });
    expect(asthma?.entry?.codes[0]).toMatchObject({ display: 'J45.21', check: { valid: true } });
    expect(asthma?.available).toEqual(['index', 'drug']);
    const drug = await catalog.lookUpIndex({
      system: 'ICD-10-CM',
      table: 'drug',
      term: 'Acetaminophen',
      dos: DOS,
    });
    expect(drug?.entry?.codes[0]).toMatchObject({ display: 'T39.1X1', needsCompletion: false });
    // the first 14,000 records stop before T39: verification says so rather than guessing
    expect(drug?.entry?.codes[0]?.check.problems[0]?.code).toBe('CODE_UNKNOWN');
    const pcs = await catalog.lookUpIndex({
      system: 'ICD-10-PCS',
      table: 'index',
      term: 'Appendectomy',
      dos: DOS,
    });
    expect(pcs).toMatchObject({ status: 'no-release', available: [] });
  });

  it('imports a CPT data file: code show and search give its descriptions; other years stay format-only', async () => {
    const refused = await importCptRelease(
      database,
      `${fixtures}/cpt/fail/duplicate-code.txt`,
      2026,
      SYSTEM_ACTOR,
    );
    expect(refused).toMatchObject({
      status: 'failed',
      problems: [{ file: 'duplicate-code.txt', line: 3 }],
    });
    const file = `${fixtures}/cpt/pass/longult-tab-with-notice.txt`;
    const outcome = await importCptRelease(database, file, 2026, SYSTEM_ACTOR);
    expect(outcome).toMatchObject({ system: 'CPT', version: '2026', status: 'imported', counts: { cpt: 6 } });
    expect((await importCptRelease(database, file, 2026, SYSTEM_ACTOR)).status).toBe('unchanged');
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    const tables = catalog.codeTables()!;
    expect(showCode('99213', DOS, tables)).toMatchObject({
      system: 'CPT',
      valid: true,
      description: 'Made-up long description for an established-patient office visit, level three',
    });
    expect(showCode('99215', DOS, tables)).toMatchObject({
      valid: false,
      problems: [{ code: 'CODE_UNKNOWN' }],
    });
    expect(showCode('99213', '2025-12-31', tables).problems[0]?.message).toMatch(
      /licensed file not imported/,
    );
    expect((await catalog.search('99213', DOS))[0]).toMatchObject({ system: 'CPT', title: /level three/ });
    expect((await catalog.search('established patient office visit', DOS, { systems: ['CPT'] })).length).toBe(
      2,
    );
  });
});
