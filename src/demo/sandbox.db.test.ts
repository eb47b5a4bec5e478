import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { connectionRow } from '../clearinghouse/connections.ts';
import { pollOne } from '../clearinghouse/jobs.ts';
import { openTestDatabase } from '../db/testing.ts';
import { mailboxesLink } from '../sandbox/link.ts';
import { loadScenario, pollOnce } from '../sandbox/process.ts';
import { loadConfig } from '../server/config.ts';
import { prepareFirstStart } from '../server/system.ts';
import { startTestApp } from '../server/testing.ts';
import { todayIso } from '../shared/dates.ts';
import { seedDemo } from './seed.ts';
import { compensationPlans, listStaff, payoutRunsBetween } from '../workforce/index.ts';

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
           join clearinghouse_connection c on c.practice_id = p.id and c.kind = 'folder'
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
      // Beside each mailbox, the sandbox's real-time endpoint (`npm start` runs it on 8099).
      const realtime = await database.sql.executeSql(
        `select practice_id, name, url from clearinghouse_connection where kind = 'http' order by practice_id`,
      );
      expect(realtime.rows).toEqual(
        (rows as { id: number }[]).map((r) => ({
          practice_id: r.id,
          name: 'Payer sandbox (real-time)',
          url: 'http://127.0.0.1:8099/',
        })),
      );
      // Each practice has patients carrying the sandbox's member file cases, for eligibility checks.
      const cases = await database.sql.executeSql(
        `select member_id, count(distinct practice_id)::int as practices from coverage
          where member_id in ('TERMINATED1', 'COBPRIMARY1', 'HIGHDEDUCT1') group by member_id order by member_id`,
      );
      expect(cases.rows).toEqual([
        { member_id: 'COBPRIMARY1', practices: 2 },
        { member_id: 'HIGHDEDUCT1', practices: 2 },
        { member_id: 'TERMINATED1', practices: 2 },
      ]);
      const audit = await database.sql.executeSql(
        `select count(*)::int as n from audit_event where entity = 'clearinghouse_connection' and action = 'create'`,
      );
      expect((audit.rows[0] as { n: number }).n).toBe(4);

      // Issue 17: the demo team's coders and billers have logins (the admin's password) linked to
      // their staff records, each role a compensation plan, and a payout run over the last two
      // whole workweeks pays the coders for the charts they coded.
      const practiceId = (rows[0] as { id: number }).id;
      const staff = await listStaff(database.db, practiceId);
      const linked = staff.filter((m) => m.userId !== null);
      expect(linked.map((m) => m.role).sort()).toEqual(['biller', 'biller', 'coder', 'coder']);
      const grants = await database.sql.executeSql(
        `select u.email, g.role from app_user u join practice_grant g on g.user_id = u.id
          where u.id = any($1) order by u.email`,
        [linked.map((m) => m.userId)],
      );
      expect(grants.rows).toContainEqual({ email: 'alex.rivera@cleanclaim.local', role: 'coder' });
      expect(grants.rows).toHaveLength(4);
      const plans = await compensationPlans(database.db, practiceId);
      expect(plans.map((p) => p.role).sort()).toEqual(['biller', 'coder']);
      const runs = await payoutRunsBetween(database.db, practiceId, '2000-01-01', '2999-12-31');
      expect(runs).toHaveLength(staff.length);
      const run = await database.sql.executeSql(
        `select l.role, l.input from payout_line l where l.practice_id = $1 and l.role = 'coder'`,
        [practiceId],
      );
      expect(run.rows).toHaveLength(2);
      // One finished audit scored the coders' charts of the period.
      const audited = run.rows as { input: { auditScoreBp: number | null } }[];
      expect(audited.some((l) => l.input.auditScoreBp !== null && l.input.auditScoreBp > 8000)).toBe(true);
      for (const line of run.rows as { input: { productivity: { charts: number; minutes: number }[] } }[]) {
        expect(line.input.productivity.reduce((n, p) => n + p.charts, 0)).toBeGreaterThan(10);
        expect(line.input.productivity.reduce((n, p) => n + p.minutes, 0)).toBeGreaterThan(60);
      }
    } finally {
      await database.close();
    }
  }, 300_000);
});

// What `npm start` does for a new user, in one process: a demo claim batched, uploaded by the
// upload job into the practice's mailbox, answered by the sandbox, polled back and applied.
describe("a demo practice's batch through the payer sandbox", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-demo-cycle-'));
  const previous = process.env.CLEANCLAIM_DATA_DIR;
  afterAll(() => {
    if (previous === undefined) delete process.env.CLEANCLAIM_DATA_DIR;
    else process.env.CLEANCLAIM_DATA_DIR = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is acknowledged and adjudicated: the claim ends paid, partly paid or denied', async () => {
    process.env.CLEANCLAIM_DATA_DIR = dataDir;
    const t = await startTestApp({ work: true });
    try {
      const practiceId = await seedDemo(
        t.database,
        { seed: 20261125, patients: 12, encounters: 24, asOf: todayIso(), sandbox: dataDir },
        SYSTEM_ACTOR,
        [],
      );
      await t.addUser('biller@example.org', [{ practiceId, role: 'biller' }]);
      const biller = await t.login('biller@example.org');
      const encounters = (await biller.get(`/api/encounters?practiceId=${practiceId}&pageSize=50`)).json();
      let claimId: number | undefined;
      const why: string[] = [];
      for (const e of encounters.items as { id: number }[]) {
        const created = await biller.post('/api/claims', { encounterId: e.id });
        if (created.statusCode !== 201) {
          why.push(created.body);
          continue;
        }
        for (const f of created.json().findings.filter((x: { severity: string }) => x.severity === 'warning'))
          await biller.post(`/api/claims/${created.json().id}/findings/${f.id}/override`, {
            reason: 'codes checked by hand',
          });
        const after = (await biller.get(`/api/claims/${created.json().id}`)).json();
        if (after.state === 'ready') {
          claimId = created.json().id;
          break;
        }
        why.push(JSON.stringify(after.findings.map((f: { code: string }) => f.code)));
      }
      expect(claimId, why.join('; ')).toBeDefined();
      const batch = await biller.post('/api/batches', { practiceId });
      expect(batch.statusCode, batch.body).toBe(201);
      const box = path.join(dataDir, 'sandbox', `practice-${practiceId}`);
      // The upload job puts the 837 in the mailbox; the claim is then submitted.
      for (let i = 0; i < 100 && readdirSync(path.join(box, 'outbound')).length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(readdirSync(path.join(box, 'outbound'))).toHaveLength(1);

      const scenario = await loadScenario();
      const answered = await pollOnce(mailboxesLink(path.join(dataDir, 'sandbox')), {
        scenario: { ...scenario, adjudicationDelaySeconds: 0 },
        seed: 1,
        now: new Date().toISOString(),
      });
      expect(answered).toMatchObject({ failed: [], adjudicated: 1 });
      expect(answered.received).toHaveLength(1);

      const { rows } = await t.database.sql.executeSql(
        `select id from clearinghouse_connection where practice_id = $1`,
        [practiceId],
      );
      const connection = await connectionRow(t.database.db, practiceId, Number(rows[0]!.id));
      const polled = await pollOne(t.database.db, connection, SYSTEM_ACTOR, new Date());
      expect(polled.processed.map((p) => p.state)).toEqual(['processed', 'processed', 'processed']);
      const claim = (await biller.get(`/api/claims/${claimId}`)).json();
      expect(['paid', 'partially_paid', 'denied']).toContain(claim.state);
    } finally {
      await t.close();
    }
  }, 300_000);
});
