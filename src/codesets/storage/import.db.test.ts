import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { CodeSetCatalog } from '../catalog.ts';
import { importCodesetDirectory } from './import.ts';
import { writeReleaseFolder } from '../testing.ts';

describe('code set import into the database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('imports a folder, and importing it again changes nothing', async () => {
    const dir = writeReleaseFolder(400);
    const first = await importCodesetDirectory(database, dir, SYSTEM_ACTOR);
    expect(first.map((o) => [o.system, o.status, o.counts])).toEqual([
      ['ICD-10-CM', 'imported', { order: 400 }],
      ['POS', 'imported', { 'code-system': 101 }],
    ]);
    const again = await importCodesetDirectory(database, dir, SYSTEM_ACTOR);
    expect(again.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    expect(catalog.codeChecker()!.diagnosis('A00.0', '2026-03-01')).toMatchObject({
      loaded: true,
      valid: true,
    });
    expect(catalog.codeChecker()!.diagnosis('A00', '2026-03-01')).toMatchObject({
      loaded: true,
      valid: false,
    });
    expect(catalog.codeChecker()!.diagnosis('A00.0', '2026-10-02')).toMatchObject({ loaded: false });
    expect(catalog.codeChecker()!.placeOfService('11')).toBe(true);
    expect(catalog.codeChecker()!.placeOfService('00')).toBe(false);
  });

  it('rejects a truncated file with the file and position, leaving the imported release intact', async () => {
    const outcomes = await importCodesetDirectory(
      database,
      writeReleaseFolder(500, { truncate: true }),
      SYSTEM_ACTOR,
    );
    const cm = outcomes.find((o) => o.system === 'ICD-10-CM')!;
    expect(cm.status).toBe('failed');
    expect(cm.error).toMatch(/icd10cm_order_2026\.txt.*(line|:)\s*\d+/);
    const { rows } = await database.sql.executeSql(
      `select r.counts, count(c.*)::int as n from code_release r join code_record c on c.release_id = r.id where r.system = 'ICD-10-CM' group by r.counts`,
    );
    expect(rows).toEqual([{ counts: { order: 400 }, n: 400 }]);
  });
});
