import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing.ts';
import { loadConfig } from '../server/config.ts';
import { prepareFirstStart } from '../server/system.ts';

// Issue 13: on the first start each demo practice is connected to the payer sandbox that `npm start`
// runs beside the server: a folder connection to its own mailbox under DATA/sandbox (no outbox, so a
// batch is sent by uploading it there), the mailbox's folders made at once.
describe('the demo practices and the payer sandbox', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-demo-sandbox-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('connects each demo practice of a first start to its own mailbox at the sandbox', async () => {
    const database = await openTestDatabase();
    try {
      const config = loadConfig({
        CLEANCLAIM_DATA_DIR: dataDir,
        CLEANCLAIM_ADMIN_PASSWORD: 'first-start-pw',
      });
      await prepareFirstStart(database, config, () => {});
      const { rows } = await database.sql.executeSql(
        `select p.id, s.outbox_dir, s.usage, c.kind, c.name, c.outbound_dir, c.inbound_dirs
           from practice p
           join submitter_settings s on s.practice_id = p.id
           join clearinghouse_connection c on c.practice_id = p.id
          order by p.id`,
      );
      expect(rows).toHaveLength(2);
      for (const r of rows as Record<string, unknown>[]) {
        const box = `sandbox/practice-${r.id}`;
        expect(r).toMatchObject({
          outbox_dir: null,
          usage: 'T',
          kind: 'folder',
          name: 'Payer sandbox',
          outbound_dir: `${box}/outbound`,
        });
        expect(r.inbound_dirs).toEqual([`${box}/inbound`]);
        expect(existsSync(path.join(dataDir, box, 'outbound'))).toBe(true);
        expect(existsSync(path.join(dataDir, box, 'inbound'))).toBe(true);
      }
      const audit = await database.sql.executeSql(
        `select count(*)::int as n from audit_event where entity = 'clearinghouse_connection' and action = 'create'`,
      );
      expect((audit.rows[0] as { n: number }).n).toBe(2);
    } finally {
      await database.close();
    }
  }, 300_000);
});
