import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { migrateDatabase, openDatabase } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';

// `cleanclaim eligibility check|batch` in a child process on an embedded database.

describe('cleanclaim eligibility check and batch', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-eligibility-'));
  let practiceId: number;
  let visit: { patientId: number; dos: string };
  const cleanclaim = cleanclaimOnEmbedded(root);

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(root, 'db') });
    try {
      await migrateDatabase(database);
      practiceId = await seedDemo(
        database,
        { seed: 3, patients: 4, encounters: 4, asOf: '2026-11-20' },
        SYSTEM_ACTOR,
        [],
      );
      await database.sql.executeSql(
        `insert into submitter_settings (practice_id, submitter_name, submitter_id, contact_name, contact_phone, receiver_name, receiver_id)
         values ($1, 'Riverside Billing', 'RIVER01', 'Billing Office', '2175550100', 'Demo Clearinghouse', 'DEMOCH')`,
        [practiceId],
      );
      const { rows } = await database.sql.executeSql(
        `select e.patient_id, e.service_date_from::text as dos from encounter e
           join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
          where e.practice_id = $1 order by e.id limit 1`,
        [practiceId],
      );
      visit = { patientId: Number(rows[0]!.patient_id), dos: String(rows[0]!.dos) };
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('asks about one visit (exit 0, waiting in a 270 batch); an unknown patient is exit 2', () => {
    const r = cleanclaim(
      'eligibility',
      'check',
      '--patient',
      String(visit.patientId),
      '--dos',
      visit.dos,
      '--service-type',
      '30',
      '--service-type',
      '98',
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/check \d+: .* asked in 270 batch \d+/);
    const unknown = cleanclaim('eligibility', 'check', '--patient', '999999', '--dos', visit.dos);
    expect(unknown.code, unknown.out).toBe(2);
    expect(unknown.out).toMatch(/patient not found/);
  });

  it('writes a day’s batch; a malformed CSV is exit 2 naming row and column, and no arguments is exit 2', () => {
    const day = cleanclaim('eligibility', 'batch', '--date', visit.dos, '--practice', String(practiceId));
    expect(day.code, day.out).toBe(0);
    expect(day.out).toMatch(/270 270-\d+-\d{9}\.x12 \(batch \d+\) asks about 1 visit/);
    const file = join(root, 'bad.csv');
    writeFileSync(file, 'mrn,lastName,firstName,dateOfService\nA1,DOE,JANE,2026-13-01\n');
    const bad = cleanclaim('eligibility', 'batch', '--csv', file, '--practice', String(practiceId));
    expect(bad.code, bad.out).toBe(2);
    expect(bad.out).toContain('/csv/row 2/dateOfService: "2026-13-01" is not a date');
    expect(cleanclaim('eligibility', 'batch').code).toBe(2);
  });
});
