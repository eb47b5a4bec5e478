import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { generate999 } from '../x12/index.ts';
import { confirmHostKey, createConnection, testConnection, updateConnection } from './connections.ts';
import { uploadBatch } from './jobs.ts';
import { newSecretKey } from './secrets.ts';
import { sshdConnection, sshdUnavailable, startSshd, type TestSshd } from './transports/sshd-testing.ts';
import { TransportError } from './transports/transport.ts';

// Issue 13: a failed upload never marks a claim submitted. Writing a batch leaves its claims
// batched; the upload job (queued at once when the practice has a connection) submits them in the
// transaction that marks the batch sent; a failure is noted on the batch and on each claim.
describe('clearinghouse.upload: claims are submitted only when their batch is uploaded', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const ready = new Map<number, number[]>();
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-upload-'));
  const sql = (q: string, p: unknown[] = []) => t.database.sql.executeSql(q, p);
  const previousKey = process.env.CLEANCLAIM_SECRET_KEY;

  async function readyClaims(practiceId: number, count: number) {
    const { rows } = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 and e.institutional is null order by e.id`,
      [practiceId],
    );
    const out: number[] = [];
    for (const r of rows) {
      if (out.length >= count) break;
      const claim = (await biller.post('/api/claims', { encounterId: Number(r.id) })).json();
      let detail = claim;
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        detail = (
          await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'test batch' })
        ).json();
      if (detail.state === 'ready') out.push(claim.id);
    }
    expect(out).toHaveLength(count);
    return out;
  }

  beforeAll(async () => {
    process.env.CLEANCLAIM_SECRET_KEY = newSecretKey();
    t = await startTestApp({ work: true });
    const practices = [t.practiceA, t.practiceB];
    await t.addUser(
      'biller@example.org',
      practices.map((practiceId) => ({ practiceId, role: 'biller' })),
    );
    await t.addUser(
      'manager@example.org',
      practices.map((practiceId) => ({ practiceId, role: 'manager' })),
    );
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    for (const p of practices) {
      await manager.post('/api/submitter-settings', testSubmitterSettings(p));
      ready.set(p, await readyClaims(p, 3));
    }
  }, 240_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    if (previousKey === undefined) delete process.env.CLEANCLAIM_SECRET_KEY;
    else process.env.CLEANCLAIM_SECRET_KEY = previousKey;
  });

  const stateOf = async (claimId: number) => (await biller.get(`/api/claims/${claimId}`)).json().state;
  const batchOf = async (batchId: number) => (await biller.get(`/api/batches/${batchId}`)).json();
  async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
    for (const end = Date.now() + 30_000; ;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const write = async (practiceId: number, claimIds: number[]) => {
    const res = await biller.post('/api/batches', { practiceId, claimIds });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { batchId: number; upload?: { uploadJobId: string; connection: string } };
  };

  it('a failed upload leaves the batch unsent and its claims batched; the retry submits them once', async () => {
    const [claimId] = ready.get(t.practiceA)!;
    // No connection yet: the batch waits to be sent by hand.
    const { batchId, upload } = await write(t.practiceA, [claimId!]);
    expect(upload).toBeUndefined();
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
    expect(await batchOf(batchId)).toMatchObject({
      state: 'generated',
      uploadError: expect.stringMatching(/Folders failed/),
    });
    expect(await stateOf(claimId!)).toBe('batched');
    await updateConnection(
      t.database.db,
      t.practiceA,
      id,
      { ...folder, outboundDir: join(dir, 'out') },
      SYSTEM_ACTOR,
    );
    expect(await uploadBatch(t.database.db, job, new Date())).toMatchObject({ sent: true });
    expect(await batchOf(batchId)).toMatchObject({ state: 'sent', uploadError: null });
    expect(await stateOf(claimId!)).toBe('submitted');
    const files = readdirSync(join(dir, 'out'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, 'out', files[0]!), 'utf8')).toMatch(/^ISA/);
    expect(await uploadBatch(t.database.db, job, new Date())).toMatchObject({ sent: false });
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1);
    // The claim's move and the batch's sent mark were recorded together, with their audit events.
    const { rows } = await sql(
      `select (select count(*) from claim_event where claim_id = $1 and to_state = 'submitted' and reason like $3) as moved,
              (select count(*) from audit_event where entity = 'submission_batch' and entity_id = $2
                 and after->>'state' = 'sent') as sent`,
      [claimId, batchId, `batch ${batchId} sent: uploaded to Folders%`],
    );
    expect([Number(rows[0]!.moved), Number(rows[0]!.sent)]).toEqual([1, 1]);
  });

  it('writing a batch queues its upload at once; a failure shows on the batch and the claim until the biller retries', async () => {
    const [, first, second] = ready.get(t.practiceA)!;
    const { rows } = await sql(`select id from clearinghouse_connection where practice_id = $1`, [
      t.practiceA,
    ]);
    const connectionId = Number(rows[0]!.id);
    const broken = {
      name: 'Folders',
      kind: 'folder' as const,
      outboundDir: join(dir, 'not-a-folder', 'out'),
      inboundDirs: [join(dir, 'in')],
    };
    await updateConnection(t.database.db, t.practiceA, connectionId, broken, SYSTEM_ACTOR);
    const { batchId, upload } = await write(t.practiceA, [first!]);
    expect(upload).toMatchObject({ connection: 'Folders', uploadJobId: expect.any(String) });
    const failed = await until(
      'upload error noted',
      () => batchOf(batchId),
      (b) => b.uploadError !== null,
    );
    expect(failed).toMatchObject({ state: 'generated', uploadError: expect.stringMatching(/not-a-folder/) });
    expect(await stateOf(first!)).toBe('batched');
    const pending = (await biller.get(`/api/claims/${first}/batch`)).json();
    expect(pending).toMatchObject({
      batchId,
      state: 'generated',
      uploadError: expect.stringMatching(/Folders failed/),
    });

    // The biller fixes the folder and retries: the claim is submitted, the error gone.
    await updateConnection(
      t.database.db,
      t.practiceA,
      connectionId,
      { ...broken, outboundDir: join(dir, 'out') },
      SYSTEM_ACTOR,
    );
    const retry = await biller.post(`/api/batches/${batchId}/upload`, {});
    expect(retry.statusCode, retry.body).toBe(202);
    await until(
      'batch sent',
      () => batchOf(batchId),
      (b) => b.state === 'sent',
    );
    expect(await stateOf(first!)).toBe('submitted');
    expect((await biller.get(`/api/claims/${first}/batch`)).json()).toBeNull();
    expect((await biller.post(`/api/batches/${batchId}/upload`, {})).statusCode).toBe(409);

    // The clearinghouse's 999 still moves the uploaded claim on: a set rejected rejects it.
    const file = (await biller.get(`/api/batches/${batchId}/837`)).body;
    const badDate = file.replace(/DTP\*472\*D8\*\d{8}/, 'DTP*472*D8*20261399');
    const ack = await generate999(badDate, {
      numbers: { next: async () => 901 },
      date: '20261201',
      time: '1200',
    });
    const applied = await biller.post('/api/acknowledgments', {
      practiceId: t.practiceA,
      fileName: '999-upload.x12',
      text: ack,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ batchId, rejected: 1 });
    expect(await stateOf(first!)).toBe('rejected');

    // With the connection working, a batch written is uploaded and its claims submitted without a poll.
    const next = await write(t.practiceA, [second!]);
    expect(next.upload).toBeDefined();
    await until(
      'uploaded at once',
      () => batchOf(next.batchId),
      (b) => b.state === 'sent',
    );
    expect(await stateOf(second!)).toBe('submitted');
  });

  it('a biller releases the claims of a batch not sent, to batch them again', async () => {
    const [, , c] = ready.get(t.practiceB)!;
    const { batchId } = await write(t.practiceB, [c!]);
    expect(await stateOf(c!)).toBe('batched');
    const released = await biller.post(`/api/batches/${batchId}/release`, {});
    expect(released.statusCode, released.body).toBe(200);
    expect(await stateOf(c!)).toBe('ready');
    expect((await batchOf(batchId)).state).toBe('released');
    // An upload job still queued for it finds the batch released and sends nothing.
    expect(await uploadBatch(t.database.db, { practiceId: t.practiceB, batchId }, new Date())).toMatchObject({
      sent: false,
      detail: expect.stringMatching(/released/),
    });
    // A submitted claim's batch is not released: a payer's rejection brings it back the normal way.
    const { rows } = await sql(`select id from submission_batch where state = 'sent' limit 1`);
    expect((await biller.post(`/api/batches/${rows[0]!.id}/release`, {})).statusCode).toBe(409);
  });

  const unavailable = sshdUnavailable();
  describe.skipIf(unavailable !== null)('over SFTP to a real OpenSSH server', () => {
    let sshd: TestSshd;
    beforeAll(async () => {
      sshd = await startSshd();
    });
    afterAll(() => sshd?.stop());

    it('an upload refused by the server leaves the claims batched; once the folder is right they are submitted', async () => {
      const [a, b] = ready.get(t.practiceB)!;
      const sftp = sshdConnection(sshd, 'SFTP');
      const { id } = await createConnection(t.database.db, t.practiceB, sftp, SYSTEM_ACTOR);
      const tested = await testConnection(t.database.db, t.practiceB, id, { dataDir: dir });
      expect(tested.hostKeyFingerprint).toBe(sshd.fingerprint);
      await confirmHostKey(t.database.db, t.practiceB, id, sshd.fingerprint, SYSTEM_ACTOR);
      // The host key pinned and confirmed, the outbound folder is then misconfigured: the server refuses.
      await updateConnection(
        t.database.db,
        t.practiceB,
        id,
        { ...sftp, outboundDir: join(sshd.dir, 'no-such-folder') },
        SYSTEM_ACTOR,
      );
      const { batchId, upload } = await write(t.practiceB, [a!, b!]);
      expect(upload).toMatchObject({ connection: 'SFTP' });
      const failed = await until(
        'upload error noted',
        () => batchOf(batchId),
        (x) => x.uploadError !== null,
      );
      expect(failed.state).toBe('generated');
      expect([await stateOf(a!), await stateOf(b!)]).toEqual(['batched', 'batched']);
      expect(readdirSync(sshd.outbound)).toEqual([]);

      await updateConnection(
        t.database.db,
        t.practiceB,
        id,
        { ...sftp, outboundDir: sshd.outbound },
        SYSTEM_ACTOR,
      );
      expect((await biller.post(`/api/batches/${batchId}/upload`, {})).statusCode).toBe(202);
      await until(
        'batch sent',
        () => batchOf(batchId),
        (x) => x.state === 'sent',
      );
      expect([await stateOf(a!), await stateOf(b!)]).toEqual(['submitted', 'submitted']);
      const files = readdirSync(sshd.outbound);
      expect(files).toEqual([failed.fileName]);
    });
  });
});
