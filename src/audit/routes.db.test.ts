import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from '../server/testing.ts';

describe('audit log scope', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let root: Client;
  let managerA: Client;
  let onlyBId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser(
      'root@example.org',
      [
        { practiceId: t.practiceA, role: 'admin' },
        { practiceId: t.practiceB, role: 'admin' },
      ],
      { installationAdmin: true },
    );
    await t.addUser('manager-a@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    onlyBId = await t.addUser('only-b@example.org', [{ practiceId: t.practiceB, role: 'coder' }]);
    root = await t.login('root@example.org');
    managerA = await t.login('manager-a@example.org');
    await t.login('only-b@example.org');
  });
  afterAll(() => t.close());

  const eventsSeenBy = async (who: Client) =>
    (await who.get('/api/audit?pageSize=200')).json().items as {
      practiceId: number | null;
      entity: string;
      entityId: string | null;
      userId: number | null;
      userEmail: string | null;
      after: unknown;
    }[];

  it("records a change to a user under that user's practices, never under the caller's first practice", async () => {
    expect((await root.patch(`/api/users/${onlyBId}`, { name: 'Only B' })).statusCode).toBe(200);
    const created = await root.post('/api/users', {
      email: 'both@example.org',
      name: 'Both',
      password: 'a long password 1',
      grants: [
        { practiceId: t.practiceA, role: 'coder' },
        { practiceId: t.practiceB, role: 'biller' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const { rows } = await t.database.sql.executeSql(
      "select practice_id from audit_event where entity = 'user' and entity_id = $1 and action = 'update'",
      [String(onlyBId)],
    );
    expect(rows.map((r) => r.practice_id)).toEqual([t.practiceB]);
  });

  it("never shows a practice-A manager practice B's users or data", async () => {
    const events = await eventsSeenBy(managerA);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.practiceId === t.practiceA || e.practiceId === null)).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toContain('only-b@example.org');
    expect(text).not.toContain(`"practiceId":${t.practiceB}`);
    expect(events.some((e) => e.entity === 'user' && e.entityId === String(onlyBId))).toBe(false);
  });

  it('lets an installation admin, even one without practice roles, read the whole log', async () => {
    await t.addUser('root-only@example.org', [], { installationAdmin: true });
    const events = await eventsSeenBy(await t.login('root-only@example.org'));
    expect(events.some((e) => e.practiceId === t.practiceB)).toBe(true);
    expect(events.some((e) => e.userEmail === 'only-b@example.org')).toBe(true);
  });

  it('audits the claims list like the other PHI lists', async () => {
    const before = await t.database.sql.executeSql(
      "select count(*)::int as n from audit_event where entity = 'claim' and action = 'list'",
    );
    const encounters = (await managerA.get('/api/encounters?pageSize=3')).json().items as { id: number }[];
    for (const e of encounters) await managerA.post('/api/claims', { encounterId: e.id });
    const list = (await managerA.get('/api/claims?pageSize=5')).json();
    expect(list.items.length).toBeGreaterThan(0);
    const { rows } = await t.database.sql.executeSql(
      "select practice_id, detail from audit_event where entity = 'claim' and action = 'list' order by id desc limit 1",
    );
    expect(Number(before.rows[0]!.n)).toBe(0);
    expect(rows[0]!.practice_id).toBe(t.practiceA);
    expect((rows[0]!.detail as { ids: number[] }).ids).toEqual(list.items.map((c: { id: number }) => c.id));
  });
});
