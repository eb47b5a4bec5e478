import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type Client } from './testing.ts';

describe('accounts, roles and practice isolation', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let coder: Client;
  let bPatientId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller-a@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('coder-a@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('admin-b@example.org', [{ practiceId: t.practiceB, role: 'admin' }]);
    biller = await t.login('biller-a@example.org');
    coder = await t.login('coder-a@example.org');
    const adminB = await t.login('admin-b@example.org');
    bPatientId = (await adminB.get('/api/patients?pageSize=1')).json().items[0].id;
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie and stores an argon2id hash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'coder-a@example.org', password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'cleanclaim_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const { rows } = await t.database.sql.executeSql(
      "select password_hash from app_user where email = 'coder-a@example.org'",
    );
    expect(String(rows[0]!.password_hash)).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password, and rate-limits repeated attempts', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: 'coder-a@example.org', password: 'wrong password!' },
      });
    expect((await attempt()).statusCode).toBe(401);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await attempt()).statusCode);
    expect(codes).toContain(429);
  });

  it('requires a session and the CSRF token on changes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/patients' })).statusCode).toBe(401);
    const res = await biller.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/CSRF/);
  });

  it('gives a coder 403 on admin and manager routes', async () => {
    expect((await coder.get('/api/users')).statusCode).toBe(403);
    expect((await coder.get('/api/audit')).statusCode).toBe(403);
    expect((await coder.post('/api/payers', { practiceId: t.practiceA })).statusCode).toBe(403);
  });

  it("gives practice A's user 404 for practice B's patient by id, and never shows it in lists, search or exports", async () => {
    expect((await biller.get(`/api/patients/${bPatientId}`)).statusCode).toBe(404);
    expect((await biller.patch(`/api/patients/${bPatientId}`, { firstName: 'X' })).statusCode).toBe(404);
    const list = (await biller.get('/api/patients?pageSize=200')).json();
    expect(list.items.every((p: { practiceId: number }) => p.practiceId === t.practiceA)).toBe(true);
    expect((await biller.get(`/api/patients?practiceId=${t.practiceB}`)).json().total).toBe(0);
    const csv = (await biller.get('/api/patients/export.csv')).body;
    expect(
      csv
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .every((line) => line.split(',')[1] === String(t.practiceA)),
    ).toBe(true);
    expect((await biller.get(`/api/coverages?patientId=${bPatientId}`)).json().total).toBe(0);
    expect((await biller.get(`/api/encounters?patientId=${bPatientId}`)).json().total).toBe(0);
  });

  it("refuses to write into another practice or point at another practice's rows", async () => {
    const patient = {
      practiceId: t.practiceB,
      accountNumber: 'X1',
      firstName: 'A',
      lastName: 'B',
      dateOfBirth: '1980-01-01',
      sex: 'F',
      address1: '1 Main',
      city: 'Town',
      state: 'IL',
      zip: '62701',
    };
    expect((await biller.post('/api/patients', patient)).statusCode).toBe(404);
    const [payerB] = (
      await t.database.sql.executeSql('select id from payer where practice_id = $1 limit 1', [t.practiceB])
    ).rows;
    const { items } = (await biller.get('/api/patients?pageSize=1')).json();
    const res = await biller.post('/api/coverages', {
      practiceId: t.practiceA,
      patientId: items[0].id,
      payerId: payerB!.id,
      priority: 'primary',
      memberId: 'M1',
      relationship: '18',
      subscriberFirstName: 'A',
      subscriberLastName: 'B',
      effectiveDate: '2025-01-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ pointer: '/payerId', detail: 'no such payer in this practice' }]);
  });

  it('ends idle sessions', async () => {
    const strict = await startTestApp({ sessionIdleMinutes: 0 });
    try {
      await strict.addUser('idle@example.org', [{ practiceId: strict.practiceA, role: 'biller' }]);
      const client = await strict.login('idle@example.org');
      await new Promise((r) => setTimeout(r, 20));
      expect((await client.get('/api/patients')).statusCode).toBe(401);
    } finally {
      await strict.close();
    }
  });
});
