import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { connectionRow } from './connections.ts';
import { ENVELOPE } from './inbound-testing.ts';
import { pollOne } from './jobs.ts';
import { newSecretKey } from './secrets.ts';

describe('clearinghouse connections and the Inbox over HTTP', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let admin: Client;
  let biller: Client;
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-ch-routes-'));
  const previousKey = process.env.CLEANCLAIM_SECRET_KEY;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('admin@example.org', [{ practiceId: t.practiceA, role: 'admin' }]);
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    admin = await t.login('admin@example.org');
    biller = await t.login('biller@example.org');
  }, 120_000);
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.CLEANCLAIM_SECRET_KEY;
    else process.env.CLEANCLAIM_SECRET_KEY = previousKey;
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sftp = {
    name: 'Clearinghouse SFTP',
    kind: 'sftp',
    host: '127.0.0.1',
    port: 2222,
    username: 'clinic',
    authMethod: 'password',
    password: 'S3cret-pw',
    outboundDir: '/outbound',
    inboundDirs: ['/inbound'],
  };

  it('refuses to store a credential without an encryption key, saying how to set one', async () => {
    delete process.env.CLEANCLAIM_SECRET_KEY;
    const res = await admin.post(`/api/practices/${t.practiceA}/connections`, sftp);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('CLEANCLAIM_SECRET_KEY');
  });

  it('stores credentials encrypted and answers only "set"; the host key waits for confirmation', async () => {
    process.env.CLEANCLAIM_SECRET_KEY = newSecretKey();
    const res = await admin.post(`/api/practices/${t.practiceA}/connections`, sftp);
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('S3cret-pw');
    expect(res.json()).toMatchObject({ password: 'set', hostKeyConfirmed: false, hostKeyFingerprint: null });
    const row = await connectionRow(t.database.db, t.practiceA, res.json().id);
    expect(row.passwordSecret).not.toContain('S3cret-pw');
    const audit = await admin.get('/api/audit?pageSize=50');
    expect(audit.body).not.toContain('S3cret-pw');
    const confirm = await admin.post(
      `/api/practices/${t.practiceA}/connections/${res.json().id}/confirm-host-key`,
      {
        fingerprint: 'SHA256:whatever-it-is',
      },
    );
    expect(confirm.statusCode).toBe(409);
  });

  it('a biller sees the Inbox but not the connections', async () => {
    expect((await biller.get(`/api/practices/${t.practiceA}/connections`)).statusCode).toBe(403);
    expect((await biller.get(`/api/practices/${t.practiceA}/inbox`)).statusCode).toBe(200);
  });

  it('a folder connection: test lists the folders; a poll fills the Inbox with what each file did', async () => {
    const inbound = join(dir, 'in');
    mkdirSync(inbound, { recursive: true });
    const created = await admin.post(`/api/practices/${t.practiceA}/connections`, {
      name: 'Local folders',
      kind: 'folder',
      outboundDir: join(dir, 'out'),
      inboundDirs: [inbound],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    mkdirSync(join(dir, 'out'));
    const tested = await admin.post(`/api/practices/${t.practiceA}/connections/${id}/test`, {});
    expect(tested.json()).toMatchObject({ ok: true, folders: [{ files: [] }, { files: [] }] });
    writeFileSync(join(inbound, 'ack.dat'), `${ENVELOPE}ST*999*0001*005010X231A1~`);
    const out = await pollOne(
      t.database.db,
      await connectionRow(t.database.db, t.practiceA, id),
      SYSTEM_ACTOR,
      new Date(),
    );
    expect(out.received).toBe(1);
    // the demo practice's batches not sent yet went out over the connection
    expect(readdirSync(join(dir, 'out')).length).toBe(out.uploaded);
    const inbox = (await biller.get(`/api/practices/${t.practiceA}/inbox`)).json();
    expect(inbox[0]).toMatchObject({
      name: 'ack.dat',
      transactionType: '999',
      connectionName: 'Local folders',
    });
    // routed to the acknowledgments handler: this 999 answers no batch of ours, so it is refused with why
    expect(inbox[0].state).not.toBe('received');
    expect(inbox[0].outcome).toBeTruthy();
    const file = await biller.get(`/api/practices/${t.practiceA}/inbox/${inbox[0].id}`);
    expect(file.json().content).toContain('ST*999');
  });
});
