import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { createConnection, updateConnection } from './connections.ts';
import { uploadBatch } from './jobs.ts';
import { TransportError } from './transports/transport.ts';

describe('clearinghouse.upload: a batch is marked sent only after its file is uploaded', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let batchId: number;
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-upload-'));
  const sql = (q: string, p: unknown[] = []) => t.database.sql.executeSql(q, p);

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA));
    const { rows } = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 order by e.id limit 3`,
      [t.practiceA],
    );
    for (const r of rows) {
      const claim = (await biller.post('/api/claims', { encounterId: Number(r.id) })).json();
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'test batch' });
    }
    const batch = await biller.post('/api/batches', { practiceId: t.practiceA });
    expect(batch.statusCode, batch.body).toBe(201);
    batchId = batch.json().batchId;
  }, 180_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stateOf = async () =>
    String((await sql(`select state from submission_batch where id = $1`, [batchId])).rows[0]!.state);

  it('a failed upload leaves the batch unsent; the retry sends it once', async () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    const folder = {
      name: 'Folders',
      kind: 'folder' as const,
      outboundDir: join(dir, 'not-a-folder', 'out'),
      inboundDirs: [join(dir, 'in')],
    };
    const { id } = await createConnection(t.database.db, t.practiceA, folder, SYSTEM_ACTOR);
    const job = { practiceId: t.practiceA, batchId, connectionId: id };
    await expect(uploadBatch(t.database.db, job, new Date())).rejects.toBeInstanceOf(TransportError);
    expect(await stateOf()).toBe('generated');
    await updateConnection(
      t.database.db,
      t.practiceA,
      id,
      { ...folder, outboundDir: join(dir, 'out') },
      SYSTEM_ACTOR,
    );
    expect(await uploadBatch(t.database.db, job, new Date())).toMatchObject({ sent: true });
    expect(await stateOf()).toBe('sent');
    const files = readdirSync(join(dir, 'out'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, 'out', files[0]!), 'utf8')).toMatch(/^ISA/);
    expect(await uploadBatch(t.database.db, job, new Date())).toMatchObject({ sent: false });
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1);
  });
});
