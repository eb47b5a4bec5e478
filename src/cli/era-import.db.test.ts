import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { migrateDatabase, openDatabase } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';
import { bulkSubmittedClaims } from '../remits/bulk-claims.ts';
import { write835 } from '../remits/synthetic.ts';

// `cleanclaim era import` in a child process on an embedded database seeded with claims to pay.

describe('cleanclaim era import', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-era-import-'));
  const file = join(root, 'eft.835');
  let practiceId: number;
  const cleanclaim = cleanclaimOnEmbedded(root);

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(root, 'db') });
    try {
      await migrateDatabase(database);
      practiceId = await seedDemo(
        database,
        { seed: 3, patients: 4, encounters: 1, asOf: '2026-11-20' },
        SYSTEM_ACTOR,
        [],
      );
      const claims = await bulkSubmittedClaims(database.sql, practiceId, 3, 'CLI');
      writeFileSync(
        file,
        write835({
          traceNumber: 'CLI-1',
          payerName: 'DEMO PAYER',
          payerIdentifier: '999999999',
          paymentDate: '2026-12-01',
          claims,
        }),
      );
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('posts an 835 once: exit 0, then again exit 0 saying nothing was posted; 2 on an unreadable file', () => {
    const first = cleanclaim('era', 'import', file, '--practice', String(practiceId));
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('3 claim payments posted');
    expect(first.out).toMatch(/balanced; posted 3, already posted 0, unmatched 0, held 0/);
    const again = cleanclaim('era', 'import', file, '--practice', String(practiceId));
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/imported before .* nothing posted/);
    expect(cleanclaim('era', 'import', join(root, 'missing.835')).code).toBe(2);
  });
});
