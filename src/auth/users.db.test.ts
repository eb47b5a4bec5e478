import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type Client } from '../server/testing.ts';

// Issue 10: a practice admin took over the installation admin's account through PATCH /api/users.
describe('installation administrator and practice administrators', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let adminA: Client;
  let root: Client;
  let rootId: number;
  let sharedId: number;
  let coderAId: number;

  beforeAll(async () => {
    t = await startTestApp();
    // The installation admin administers both demo practices, as after a first start.
    rootId = await t.addUser(
      'root@example.org',
      [
        { practiceId: t.practiceA, role: 'admin' },
        { practiceId: t.practiceB, role: 'admin' },
      ],
      { installationAdmin: true },
    );
    await t.addUser('admin-a@example.org', [{ practiceId: t.practiceA, role: 'admin' }]);
    sharedId = await t.addUser('shared@example.org', [
      { practiceId: t.practiceA, role: 'biller' },
      { practiceId: t.practiceB, role: 'biller' },
    ]);
    coderAId = await t.addUser('coder-a@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    adminA = await t.login('admin-a@example.org');
    root = await t.login('root@example.org');
  });
  afterAll(() => t.close());

  const loginWith = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it("refuses a practice admin who sets the installation admin's password", async () => {
    const res = await adminA.patch(`/api/users/${rootId}`, { password: 'taken over by admin A' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await loginWith('root@example.org', 'taken over by admin A')).statusCode).toBe(401);
    expect((await loginWith('root@example.org', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a practice admin who changes a user holding roles in another practice', async () => {
    for (const body of [{ password: 'a new password 123' }, { active: false }, { name: 'X' }]) {
      expect((await adminA.patch(`/api/users/${sharedId}`, body)).statusCode).toBe(403);
    }
    expect((await loginWith('shared@example.org', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets a practice admin change a user of their own practice only', async () => {
    const res = await adminA.patch(`/api/users/${coderAId}`, { name: 'Coder of A' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Coder of A', installationAdmin: false });
  });

  it('lets only the installation admin grant installation admin', async () => {
    const byA = await adminA.patch(`/api/users/${coderAId}`, { installationAdmin: true });
    expect(byA.statusCode).toBe(403);
    const created = await adminA.post('/api/users', {
      email: 'sneaky@example.org',
      name: 'Sneaky',
      password: 'a long password 1',
      grants: [{ practiceId: t.practiceA, role: 'coder' }],
      installationAdmin: true,
    });
    expect(created.statusCode).toBe(403);
    const byRoot = await root.post('/api/users', {
      email: 'second-root@example.org',
      name: 'Second',
      password: 'a long password 1',
      grants: [],
      installationAdmin: true,
    });
    expect(byRoot.statusCode).toBe(201);
    expect(byRoot.json()).toMatchObject({ installationAdmin: true, grants: [] });
  });

  it('lets the installation admin see and manage every user', async () => {
    const all = (await root.get('/api/users')).json() as { email: string }[];
    expect(all.map((u) => u.email)).toEqual(
      expect.arrayContaining(['shared@example.org', 'root@example.org']),
    );
    const shared = (await root.patch(`/api/users/${sharedId}`, { name: 'Shared' })).json();
    expect(shared.grants).toHaveLength(2);
  });

  it("never shows a practice admin another practice's grants or users", async () => {
    await t.addUser('only-b@example.org', [{ practiceId: t.practiceB, role: 'coder' }]);
    const users = (await adminA.get('/api/users')).json() as {
      email: string;
      grants: { practiceId: number }[];
    }[];
    expect(users.map((u) => u.email)).not.toContain('only-b@example.org');
    expect(users.flatMap((u) => u.grants).every((g) => g.practiceId === t.practiceA)).toBe(true);
  });

  it('keeps practices, code-set imports, CPT files and demo data to the installation admin', async () => {
    const practice = {
      name: 'New Clinic',
      npi: '1234567893',
      tin: '123456789',
      taxonomyCode: '207Q00000X',
      address1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
    };
    expect((await adminA.post('/api/practices', practice)).statusCode).toBe(403);
    expect((await adminA.post('/api/codesets/import', {})).statusCode).toBe(403);
    const cpt = { fileName: 'LONGULT.txt', year: 2026, content: '99213\tOffice visit' };
    expect((await adminA.post('/api/codesets/cpt', cpt)).statusCode).toBe(403);
    expect((await adminA.post('/api/jobs/demo-seed', { patients: 1 })).statusCode).toBe(403);
    expect((await root.post('/api/jobs/demo-seed', { patients: 1, encounters: 0 })).statusCode).toBe(202);
  });

  it("ends the user's sessions when the password changes or the user is deactivated", async () => {
    const coder = await t.login('coder-a@example.org');
    expect((await coder.get('/api/patients')).statusCode).toBe(200);
    expect(
      (await adminA.patch(`/api/users/${coderAId}`, { password: 'another password 1' })).statusCode,
    ).toBe(200);
    expect((await coder.get('/api/patients')).statusCode).toBe(401);
    const again = await loginWith('coder-a@example.org', 'another password 1');
    expect(again.statusCode).toBe(200);
    const cookie = again.cookies.find((c) => c.name === 'cleanclaim_session')!.value;
    const asCoder = () => t.app.inject({ url: '/api/patients', cookies: { cleanclaim_session: cookie } });
    expect((await asCoder()).statusCode).toBe(200);
    expect((await adminA.patch(`/api/users/${coderAId}`, { active: false })).statusCode).toBe(200);
    expect((await asCoder()).statusCode).toBe(401);
    const { rows } = await t.database.sql.executeSql(
      'select count(*)::int as n from session where user_id = $1',
      [coderAId],
    );
    expect(rows[0]!.n).toBe(0);
  });
});
