import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import { migrateDatabase, openDatabase } from '../db/connection.ts';

// `cleanclaim denials rarc import` in a child process on an embedded database.
const FIXTURE = join(process.cwd(), 'src/denials/fixtures/rarc-list.csv');

describe('cleanclaim denials rarc import', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-rarc-'));
  const cleanclaim = cleanclaimOnEmbedded(root);

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(root, 'db') });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports the list (exit 0), updates on a second import, 1 with errors at row and column, 2 unreadable', async () => {
    const first = cleanclaim('denials', 'rarc', 'import', FIXTURE, '--release', 'x12-2026-11');
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('4 remark codes (4 added, 0 updated) as x12-2026-11');
    const again = cleanclaim('denials', 'rarc', 'import', FIXTURE);
    expect(again.out).toContain('(0 added, 4 updated) as rarc-list.csv');

    const bad = join(root, 'bad.csv');
    writeFileSync(bad, 'Code,Description\nN290,"Missing provider. Start: 02/30/2005"\n');
    const refused = cleanclaim('denials', 'rarc', 'import', bad);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toContain('row 2/Description: Start "02/30/2005" is not a date MM/DD/YYYY');
    expect(cleanclaim('denials', 'rarc', 'import', join(root, 'missing.csv')).code).toBe(2);

    const database = await openDatabase({ dataDir: join(root, 'db') });
    try {
      const rows = (
        await database.sql.executeSql(
          `select code, release, start_date::text as s from remark_code order by code`,
        )
      ).rows;
      expect(rows).toEqual([
        { code: 'M15', release: 'rarc-list.csv', s: '1997-01-01' },
        { code: 'MA130', release: 'rarc-list.csv', s: '1997-01-01' },
        { code: 'N22', release: 'rarc-list.csv', s: '2004-08-01' },
        { code: 'N290', release: 'rarc-list.csv', s: '2005-03-01' },
      ]);
    } finally {
      await database.close();
    }
  }, 240_000);
});
