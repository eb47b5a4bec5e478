import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { migrateDatabase, openDatabase } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';

// `cleanclaim chart import` in a child process on an embedded database: imported, imported
// again (nothing changes), refused (STU3: exit 1), unreadable (cut short: exit 2).
const SAMPLES = join(process.cwd(), 'src/charts/fhir/samples');

describe('cleanclaim chart import', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-chart-'));
  const visit = join(root, 'office-visit.json');
  let practiceId: number;
  const cleanclaim = cleanclaimOnEmbedded(root);

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(root, 'db') });
    try {
      await migrateDatabase(database);
      practiceId = await seedDemo(
        database,
        { seed: 4, patients: 2, encounters: 2, asOf: '2026-11-20' },
        SYSTEM_ACTOR,
        [],
      );
      const { rows } = await database.sql.executeSql(
        `select payer_id from payer where practice_id = $1 limit 1`,
        [practiceId],
      );
      const bundle = readFileSync(join(SAMPLES, 'pass/office-visit-transaction.json'), 'utf8');
      writeFileSync(visit, bundle.replaceAll('PAYERID', String(rows[0]!.payer_id)));
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports a bundle, then finds it imported before; refuses STU3 (exit 1) and a cut-short file (exit 2)', () => {
    const first = cleanclaim('chart', 'import', '--practice', String(practiceId), visit);
    expect(first.out).toMatch(/office-visit\.json: fhir: \d+ created, 0 updated, \d+ unchanged/);
    expect(first.out).not.toContain('warning');
    expect(first.code).toBe(0);
    const again = cleanclaim(
      'chart',
      'import',
      '--practice',
      String(practiceId),
      visit,
      join(SAMPLES, 'fail/stu3-document-reference.json'),
    );
    expect(again.out).toContain('office-visit.json: fhir: imported before, nothing changed');
    expect(again.out).toContain('CHART_FHIR_VERSION');
    expect(again.code).toBe(1);
    const cut = cleanclaim(
      'chart',
      'import',
      '--practice',
      String(practiceId),
      join(SAMPLES, 'fail/truncated-bundle.json'),
    );
    expect(cut.out).toContain('CHART_UNREADABLE');
    expect(cut.code).toBe(2);
  }, 360_000);
});
