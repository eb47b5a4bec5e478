import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { CodeSetCatalog } from '../catalog.ts';
import { defaultCodesetDir } from '../release/detect.ts';
import { importCodesetDirectory } from './import.ts';

// The FY2027 ICD-10-CM files in ../shared/codesets/icd10cm/2027 (order, codes, both addenda), as
// published, imported alone: dates of service from 2026-10-01 are answered from them.
describe('FY2027 ICD-10-CM from the shared folder', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-fy2027-'));
  beforeAll(async () => {
    database = await openTestDatabase();
    const from = path.join(defaultCodesetDir(), 'icd10cm', '2027');
    mkdirSync(path.join(dir, 'icd10cm', '2027'), { recursive: true });
    for (const name of readdirSync(from))
      copyFileSync(path.join(from, name), path.join(dir, 'icd10cm', '2027', name));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the release and validates dates of service from 2026-10-01 against it', async () => {
    const [outcome] = await importCodesetDirectory(database, dir, SYSTEM_ACTOR);
    expect(outcome).toMatchObject({
      system: 'ICD-10-CM',
      version: '2027',
      status: 'imported',
      counts: { order: 98_403, codes: 74_879 },
    });
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    const codes = catalog.codeChecker()!;
    expect(codes.diagnosis('J45.909', '2026-10-01')).toMatchObject({ loaded: true, valid: true });
    // Added in FY2027 (order addenda "Add: 1 C7831").
    expect(codes.diagnosis('C78.31', '2026-10-01')).toMatchObject({ loaded: true, valid: true });
    // D69.1 was billable in FY2026 and is a header in FY2027 (Delete: 1 / Add: 0).
    expect(codes.diagnosis('D69.1', '2027-02-01')).toMatchObject({ loaded: true, valid: false });
    expect(codes.diagnosis('J45.909', '2026-09-30')).toMatchObject({ loaded: false });
  }, 300_000); // about 20 s on an idle machine: 98,403 order records and 74,879 codes
});
