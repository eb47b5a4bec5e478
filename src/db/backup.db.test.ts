import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemo } from '../demo/index.ts';
import { todayIso } from '../shared/dates.ts';
import { backupDatabase, restoreDatabase, scheduleNightlyBackups, writeBackupFile } from './backup.ts';
import { migrateDatabase, openDatabase, type Database } from './connection.ts';
import { serveDatabase } from './pglite-serve.ts';

// Claims, service lines and a batch written straight from the demo encounters (this suite is about
// copying rows, not about building claims).
const CLAIMS_AND_A_BATCH = `
insert into claim (practice_id, encounter_id, patient_id, coverage_id, payer_id, rendering_provider_id, type,
  payer_responsibility, patient_control_number, place_of_service, diagnoses, total_charge_cents, state)
select e.practice_id, e.id, e.patient_id, c.id, c.payer_id, e.rendering_provider_id, 'professional', 'P',
  'PCN' || e.id, e.place_of_service, e.diagnoses,
  (select coalesce(sum(s.charge_cents), 0) from service_line s where s.encounter_id = e.id), 'ready'
from encounter e join lateral (select * from coverage c where c.patient_id = e.patient_id order by c.id limit 1) c on true;
insert into claim_line (claim_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
select cl.id, s.line_number, s.service_date, s.procedure_code, s.modifiers, s.units, s.charge_cents, s.diagnosis_pointers
from claim cl join service_line s on s.encounter_id = cl.encounter_id;
insert into submission_batch (practice_id, guide, usage, interchange_control_number, claim_count, total_charge_cents, file_name, x12)
select practice_id, '005010X222A1', 'T', 1, count(*), sum(total_charge_cents), 'b1.837', 'ISA*...~' from claim group by practice_id;
insert into batch_claim (batch_id, claim_id) select b.id, cl.id from claim cl join submission_batch b on b.practice_id = cl.practice_id;
`;

/** Every table's row count and an md5 of its rows in a fixed order. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const { rows: tables } = await database.sql.executeSql(
    "select table_schema || '.' || table_name as t from information_schema.tables where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE' order by 1",
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const { rows } = await database.sql.executeSql(
      `select count(*)::int as n, coalesce(md5(string_agg(r::text, '|' order by r::text)), '') as md5 from ${String(t)} r`,
    );
    out[String(t)] = `${rows[0]!.n} ${rows[0]!.md5}`;
  }
  return out;
}

// Backups are of the embedded database's files: this suite runs on PGlite files whatever the engine.
describe('cleanclaim backup and restore (embedded database)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-backup-'));
  const dataDir = join(root, 'db');
  let original: Database;
  let stopServing: () => Promise<void>;
  let before: Record<string, string>;

  beforeAll(async () => {
    original = await openDatabase({ dataDir, command: 'test server' });
    await migrateDatabase(original);
    for (const [seed, kind] of [
      [20261125, 'clinic'],
      [20261126, 'hospital'],
    ] as const)
      await seedDemo(
        original,
        { seed, patients: 10, encounters: 20, asOf: todayIso(), kind, outbox: true },
        SYSTEM_ACTOR,
        [],
      );
    await original.sql.executeSql(CLAIMS_AND_A_BATCH);
    stopServing = await serveDatabase(original.owner!);
    before = await fingerprint(original);
  });
  afterAll(async () => {
    await stopServing();
    await original.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("copies a running server's database through its control socket and restores it into an empty directory, row for row", async () => {
    const file = join(root, 'backups', 'one.tgz');
    // The server holds the files: the backup is asked of it, not read from them.
    writeBackupFile(file, await backupDatabase(dataDir));
    expect(readdirSync(join(root, 'backups'))).toEqual(['one.tgz']);

    const restoredDir = join(root, 'restored');
    await restoreDatabase(file, restoredDir);
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      await migrateDatabase(restored);
      const after = await fingerprint(restored);
      for (const table of [
        'public.claim',
        'public.claim_line',
        'public.encounter',
        'public.submission_batch',
        'public.batch_claim',
        'public.audit_event',
      ])
        expect(Number(after[table]?.split(' ')[0]), table).toBeGreaterThan(0);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore into a directory that is not empty or that a process holds', async () => {
    const file = join(root, 'two.tgz');
    writeBackupFile(file, await backupDatabase(dataDir));
    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'PG_VERSION'), '17');
    await expect(restoreDatabase(file, full)).rejects.toThrow(/is not empty/);
    await expect(restoreDatabase(file, dataDir)).rejects.toThrow(
      new RegExp(`held by pid ${process.pid} .*stop it before restoring`),
    );
  });

  it('keeps the newest CLEANCLAIM_BACKUPS_KEEP nightly backups, named by date', async () => {
    const dir = join(root, 'nightly');
    const lines: string[] = [];
    const nightly = scheduleNightlyBackups(original, { dir, keep: 2, hour: 2, log: (l) => lines.push(l) });
    try {
      for (const day of ['2026-12-01', '2026-12-02', '2026-12-03'])
        await nightly.runNow(new Date(`${day}T02:00:00Z`));
    } finally {
      nightly.stop();
    }
    expect(readdirSync(dir).sort()).toEqual([
      'cleanclaim-2026-12-02T020000Z.tgz',
      'cleanclaim-2026-12-03T020000Z.tgz',
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^backup written: .*cleanclaim-2026-12-03T020000Z\.tgz$/);
  });
});
