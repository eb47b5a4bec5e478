import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { DEMO_OUTBOX, seedDemo } from '../demo/seed.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { todayIso } from '../shared/dates.ts';

// Issue 11.9: the first batch on a fresh demo failed because no clearinghouse was set up. The demo
// practices now come with a connection that writes each batch file into the outbox under the data
// directory, so a biller's first batch right after the demo is loaded is written and sent.
describe('the demo clearinghouse connection (outbox)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-outbox-'));
  const practices: { id: number; claimType: 'professional' | 'institutional' }[] = [];
  const previous = process.env.CLEANCLAIM_DATA_DIR;

  beforeAll(async () => {
    process.env.CLEANCLAIM_DATA_DIR = dataDir;
    t = await startTestApp({ work: true });
    const asOf = todayIso();
    for (const [seed, kind] of [
      [20261125, 'clinic'],
      [20261126, 'hospital'],
    ] as const) {
      const id = await seedDemo(
        t.database,
        { seed, patients: 12, encounters: 24, asOf, kind, outbox: true },
        SYSTEM_ACTOR,
        [],
      );
      practices.push({ id, claimType: kind === 'hospital' ? 'institutional' : 'professional' });
    }
    await t.addUser(
      'biller@example.org',
      practices.map((p) => ({ practiceId: p.id, role: 'biller' as const })),
    );
    biller = await t.login('biller@example.org');
  });
  afterAll(async () => {
    await t?.close();
    if (previous === undefined) delete process.env.CLEANCLAIM_DATA_DIR;
    else process.env.CLEANCLAIM_DATA_DIR = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Builds claims from the practice's encounters until one is ready (warnings overridden). */
  async function oneReadyClaim(practiceId: number): Promise<number> {
    const list = await biller.get(`/api/encounters?practiceId=${practiceId}&pageSize=100`);
    const why: string[] = [];
    for (const e of list.json().items as { id: number }[]) {
      const created = await biller.post('/api/claims', { encounterId: e.id });
      if (created.statusCode !== 201) {
        why.push(created.body);
        continue;
      }
      const claim = created.json();
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, {
          reason: 'codes checked by hand for the demo',
        });
      const after = (await biller.get(`/api/claims/${claim.id}`)).json();
      if (after.state === 'ready') return claim.id;
      why.push(JSON.stringify(after.findings.map((f: { code: string }) => f.code)));
    }
    throw new Error(`no demo claim of practice ${practiceId} could be made ready: ${why.join('; ')}`);
  }

  it('each demo practice has a connection writing into the outbox', async () => {
    for (const { id } of practices) {
      const settings = await biller.get(`/api/submitter-settings?practiceId=${id}`);
      expect(settings.statusCode, settings.body).toBe(200);
      expect(settings.json().items).toMatchObject([{ practiceId: id, outboxDir: DEMO_OUTBOX, usage: 'T' }]);
    }
  });

  it('writes and sends the first batch of each demo practice right after the seed', async () => {
    for (const { id, claimType } of practices) {
      const claimId = await oneReadyClaim(id);
      const res = await biller.post('/api/batches', { practiceId: id, claimType });
      expect(res.statusCode, res.body).toBe(201);
      const batch = (await biller.get(`/api/batches/${res.json().batchId}`)).json();
      expect(batch).toMatchObject({ state: 'sent', claims: [{ id: claimId, state: 'submitted' }] });
      expect(batch.sentAt).not.toBeNull();
      const file = path.join(dataDir, DEMO_OUTBOX, batch.fileName);
      expect(existsSync(file), file).toBe(true);
      expect(existsSync(`${file}.part`)).toBe(false);
      expect(readFileSync(file, 'utf8')).toBe((await biller.get(`/api/batches/${batch.id}/837`)).body);
    }
  });

  // A first start connects its demo practices to the payer sandbox instead: src/demo/sandbox.db.test.ts.

  it('refuses an outbox folder outside the data directory', async () => {
    await t.addUser('manager@example.org', [{ practiceId: practices[0]!.id, role: 'manager' }]);
    const manager = await t.login('manager@example.org');
    const [settings] = (await manager.get(`/api/submitter-settings?practiceId=${practices[0]!.id}`)).json()
      .items as { id: number }[];
    for (const outboxDir of ['../elsewhere', '/tmp/outbox', 'a/../../b']) {
      const res = await manager.patch(`/api/submitter-settings/${settings!.id}`, { outboxDir });
      expect([400, 422], outboxDir).toContain(res.statusCode);
      expect(JSON.stringify(res.json())).toContain('outboxDir');
    }
  });
});
