import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/store.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { CodeSetCatalog } from '../catalog.ts';
import { importCodesetDirectory } from './import.ts';

// A small release folder in the official layouts: the first 400 records of the FY2026 order file
// and the POS code system, read from the shared folder and written to a temporary directory.
const shared = join(process.cwd(), '../shared/codesets');
function releaseFolder(orderLines: number, truncate = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'codesets-'));
  mkdirSync(join(dir, 'icd10cm/2026'), { recursive: true });
  mkdirSync(join(dir, 'place_of_service/cms-bfd-2026-08-22'), { recursive: true });
  let order = execFileSync('sh', [
    '-c',
    `zcat ${shared}/icd10cm/2026/icd10cm_order_2026.txt.gz | head -${orderLines}`,
  ]).toString('latin1');
  if (truncate) order = order.slice(0, order.length - 70);
  writeFileSync(join(dir, 'icd10cm/2026/icd10cm_order_2026.txt'), order, 'latin1');
  writeFileSync(
    join(dir, 'place_of_service/cms-bfd-2026-08-22/CodeSystem-CLM-POS-CD.fsh'),
    execFileSync('cat', [`${shared}/place_of_service/cms-bfd-2026-08-22/CodeSystem-CLM-POS-CD.fsh`]),
  );
  return dir;
}

describe('code set import into the database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('imports a folder, and importing it again changes nothing', async () => {
    const dir = releaseFolder(400);
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
    const outcomes = await importCodesetDirectory(database, releaseFolder(500, true), SYSTEM_ACTOR);
    const cm = outcomes.find((o) => o.system === 'ICD-10-CM')!;
    expect(cm.status).toBe('failed');
    expect(cm.error).toMatch(/icd10cm_order_2026\.txt.*(line|:)\s*\d+/);
    const { rows } = await database.sql.executeSql(
      `select r.counts, count(c.*)::int as n from code_release r join code_record c on c.release_id = r.id where r.system = 'ICD-10-CM' group by r.counts`,
    );
    expect(rows).toEqual([{ counts: { order: 400 }, n: 400 }]);
  });
});
