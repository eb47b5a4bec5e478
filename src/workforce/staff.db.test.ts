import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { seedDemoStaff } from './staff-demo.ts';
import { refreshReminders, remindersOf } from './staff-store.ts';
import { listStaff, staffMember, timeByWeek } from './index.ts';

// One app for the whole file: a manager keeps the team, a coder sees only her own record, another
// practice sees nothing, every read of another's record and every change is audited.
describe('staff records, time and credential reminders', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let manager: Client;
  let coder: Client;
  let biller: Client;
  let outsider: Client;
  let managerId: number;
  let coderUserId: number;
  let coderStaffId: number;
  let billerStaffId: number;
  let credentialId: number;
  const P = () => t.practiceA;

  const coderRecord = (userId: number) => ({
    userId,
    name: 'Dana Coder',
    role: 'coder',
    jobTitle: 'Coder II',
    payType: 'hourly',
    exempt: false,
    rateCents: 2800,
    state: 'OH',
    remote: true,
    workSetting: '621100',
    hireDate: '2024-03-04',
  });

  /** Audit events of an entity (and id), oldest first: the audit domain exports no reader, so SQL. */
  const auditsOf = async (entity: string, entityId?: number) =>
    (
      await t.database.sql.executeSql(
        `select user_id as "userId", practice_id as "practiceId", action, before, after from audit_event
          where entity = $1 and ($2::text is null or entity_id = $2) order by id`,
        [entity, entityId === undefined ? null : String(entityId)],
      )
    ).rows as {
      userId: number | null;
      practiceId: number | null;
      action: string;
      before: unknown;
      after: unknown;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    managerId = await t.addUser('manager@a.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    coderUserId = await t.addUser('coder@a.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    const billerUserId = await t.addUser('biller@a.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@b.org', [{ practiceId: t.practiceB, role: 'manager' }]);
    manager = await t.login('manager@a.org');
    coder = await t.login('coder@a.org');
    biller = await t.login('biller@a.org');
    outsider = await t.login('manager@b.org');
    const c = await manager.post('/api/staff', { practiceId: P(), ...coderRecord(coderUserId) });
    expect(c.statusCode, c.body).toBe(201);
    coderStaffId = c.json().id;
    const b = await manager.post('/api/staff', {
      practiceId: P(),
      userId: billerUserId,
      name: 'Sam Biller',
      role: 'biller',
      payType: 'salaried',
      exempt: false,
      annualSalaryCents: 5_200_000,
      salariedHoursPerWeek: 37,
      state: 'OH',
      hireDate: '2023-01-09',
    });
    expect(b.statusCode, b.body).toBe(201);
    billerStaffId = b.json().id;
  });
  afterAll(() => t.close());

  it('refuses a record that does not hold together, each error at its field', async () => {
    const res = await manager.post('/api/staff', {
      practiceId: P(),
      ...coderRecord(coderUserId),
      exempt: true,
      annualSalaryCents: 100,
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/annualSalaryCents', '/exempt', '/userId']);
  });

  it('a coder sees only her own record; another is not found; she cannot change records', async () => {
    const team = await coder.get(`/api/staff?practiceId=${P()}`);
    expect(team.json()).toMatchObject({ manager: false, items: [{ id: coderStaffId, rateCents: 2800 }] });
    expect(team.json().items).toHaveLength(1);
    expect((await coder.get(`/api/staff/${coderStaffId}?practiceId=${P()}`)).statusCode).toBe(200);
    expect((await coder.get(`/api/staff/${billerStaffId}?practiceId=${P()}`)).statusCode).toBe(404);
    expect((await coder.get(`/api/staff/${billerStaffId}/time?practiceId=${P()}`)).statusCode).toBe(404);
    expect(
      (
        await coder.request({
          method: 'PUT',
          url: `/api/staff/${coderStaffId}`,
          payload: { practiceId: P(), ...coderRecord(coderUserId), rateCents: 9900 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('another practice sees nothing of this one', async () => {
    expect((await outsider.get(`/api/staff?practiceId=${P()}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/staff/${coderStaffId}?practiceId=${t.practiceB}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/staff?practiceId=${t.practiceB}`)).json().items).toEqual([]);
  });

  it("a manager's reads of others' records are audited; a person's reads of their own are not", async () => {
    const before = (await auditsOf('staff_member', coderStaffId)).filter((a) => a.action === 'read').length;
    await coder.get(`/api/staff/${coderStaffId}?practiceId=${P()}`);
    await manager.get(`/api/staff/${coderStaffId}?practiceId=${P()}`);
    const reads = (await auditsOf('staff_member', coderStaffId)).filter((a) => a.action === 'read');
    expect(reads.length - before).toBe(1);
    expect(reads.at(-1)).toMatchObject({ userId: managerId, practiceId: P() });
    const team = await manager.get(`/api/staff?practiceId=${P()}`);
    expect(team.json().items.map((s: { name: string }) => s.name)).toEqual(['Dana Coder', 'Sam Biller']);
    expect((await auditsOf('staff_member')).some((a) => a.action === 'list' && a.userId === managerId)).toBe(
      true,
    );
  });

  it('a change is audited with before and after', async () => {
    const res = await manager.request({
      method: 'PUT',
      url: `/api/staff/${coderStaffId}`,
      payload: { practiceId: P(), ...coderRecord(coderUserId), rateCents: 2950 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const update = (await auditsOf('staff_member', coderStaffId)).find((a) => a.action === 'update');
    expect(update).toMatchObject({ before: { rateCents: 2800 }, after: { rateCents: 2950 } });
  });

  it('a person enters her own days; a week adds up; the exported reads see them', async () => {
    const days = [
      { workDate: '2026-11-23', minutes: 480 },
      { workDate: '2026-11-24', minutes: 510, note: 'month end' },
      { workDate: '2026-11-30', minutes: 420 },
    ];
    const own = await coder.request({
      method: 'PUT',
      url: `/api/staff/${coderStaffId}/time`,
      payload: { practiceId: P(), days },
    });
    expect(own.statusCode, own.body).toBe(200);
    const other = await coder.request({
      method: 'PUT',
      url: `/api/staff/${billerStaffId}/time`,
      payload: { practiceId: P(), days },
    });
    expect(other.statusCode).toBe(404);
    const time = await coder.get(
      `/api/staff/${coderStaffId}/time?practiceId=${P()}&from=2026-11-23&to=2026-12-06`,
    );
    expect(time.json().weeks).toEqual([
      { week: '2026-W48', minutes: 990 },
      { week: '2026-W49', minutes: 420 },
    ]);
    expect(await timeByWeek(t.database.db, P(), coderStaffId, '2026-11-24', '2026-11-30')).toEqual([
      { week: '2026-W48', minutes: 510 },
      { week: '2026-W49', minutes: 420 },
    ]);
    expect((await listStaff(t.database.db, P())).map((s) => s.id)).toEqual([coderStaffId, billerStaffId]);
    expect(await staffMember(t.database.db, t.practiceB, coderStaffId)).toBeUndefined();
    expect((await auditsOf('time_entry')).filter((a) => a.action === 'create')).toHaveLength(3);
  });

  it('a time sheet with any error is refused whole, each error at its row and column', async () => {
    const csv = [
      'staff,date,hours,note',
      'Dana Coder,2026-11-25,8,',
      'Nobody Here,2026-11-25,8,',
      'Sam Biller,2026-11-31,7.5,',
      'Sam Biller,2026-11-26,twenty,',
    ].join('\n');
    const res = await manager.post('/api/staff/time/import', { practiceId: P(), csv });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/csv/row 4/date',
      '/csv/row 5/hours',
    ]);
    const unknown = await manager.post('/api/staff/time/import', {
      practiceId: P(),
      csv: 'staff,date,hours\nDana Coder,2026-11-25,8\nNobody Here,2026-11-25,8\n',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ pointer: '/csv/row 3/staff', detail: 'no staff member named "Nobody Here"' }),
    ]);
    expect(await timeByWeek(t.database.db, P(), coderStaffId, '2026-11-25', '2026-11-25')).toEqual([]);
    expect((await coder.post('/api/staff/time/import', { practiceId: P(), csv })).statusCode).toBe(403);
  });

  it('no time before the hire date, typed or imported', async () => {
    const typed = await coder.request({
      method: 'PUT',
      url: `/api/staff/${coderStaffId}/time`,
      payload: { practiceId: P(), days: [{ workDate: '2024-03-01', minutes: 480 }] },
    });
    expect(typed.statusCode).toBe(422);
    expect(typed.json().errors).toEqual([
      expect.objectContaining({
        pointer: '/days/0/workDate',
        detail: 'before Dana Coder was hired (2024-03-04)',
      }),
    ]);
    const sheet = await manager.post('/api/staff/time/import', {
      practiceId: P(),
      csv: 'staff,date,hours\nSam Biller,2023-01-06,8\n',
    });
    expect(sheet.json().errors).toEqual([
      expect.objectContaining({
        pointer: '/csv/row 2/date',
        detail: 'before Sam Biller was hired (2023-01-09)',
      }),
    ]);
  });

  it('a good time sheet is imported; importing it again changes nothing', async () => {
    const csv = `staffId,date,hours\n${coderStaffId},2026-11-25,8\n${billerStaffId},2026-11-25,7.25\n`;
    const first = await manager.post('/api/staff/time/import', { practiceId: P(), csv });
    expect(first.json()).toEqual({ days: 2, minutes: 480 + 435 });
    await manager.post('/api/staff/time/import', { practiceId: P(), csv });
    expect(await timeByWeek(t.database.db, P(), billerStaffId, '2026-11-23', '2026-11-29')).toEqual([
      { week: '2026-W48', minutes: 435 },
    ]);
  });

  it('credentials expiring within 90 days or short of CEUs are reminded once; renewing closes it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const cpc = await manager.post(`/api/staff/${coderStaffId}/credentials`, {
      practiceId: P(),
      credential: 'CPC',
      number: '01234567',
      issuedOn: '2024-01-15',
      expiresOn: inDays(30),
      ceuRequired: 36,
      ceuEarned: 20,
    });
    expect(cpc.statusCode, cpc.body).toBe(201);
    credentialId = cpc.json().id;
    await manager.post(`/api/staff/${billerStaffId}/credentials`, {
      practiceId: P(),
      credential: 'CPB',
      expiresOn: inDays(400),
      ceuRequired: 36,
      ceuEarned: 10,
    });
    const reminders = await manager.get(`/api/staff/reminders?practiceId=${P()}`);
    expect(
      reminders.json().items.map((r: { kind: string; staffName: string }) => `${r.staffName} ${r.kind}`),
    ).toEqual(['Dana Coder expiring', 'Dana Coder ceu-short']);
    expect((await biller.get(`/api/staff/reminders?practiceId=${P()}`)).json().items).toEqual([]);
    expect((await coder.get(`/api/staff/reminders?practiceId=${P()}`)).json().items).toHaveLength(2);

    expect(await refreshReminders(t.database.db, P(), SYSTEM_ACTOR, today)).toEqual({ opened: 2, closed: 0 });
    expect(await refreshReminders(t.database.db, P(), SYSTEM_ACTOR, today)).toEqual({ opened: 0, closed: 0 });
    const renewed = await manager.request({
      method: 'PUT',
      url: `/api/staff/credentials/${credentialId}`,
      payload: { practiceId: P(), credential: 'CPC', expiresOn: inDays(730), ceuRequired: 36, ceuEarned: 0 },
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((await manager.get(`/api/staff/reminders?practiceId=${P()}`)).json()).toMatchObject({
      items: [],
      open: [],
    });
    expect((await auditsOf('credential_reminder')).map((a) => a.action).sort()).toEqual([
      'create',
      'create',
      'update',
      'update',
    ]);
  });

  it("a manager links a record to one of the practice's logins", async () => {
    const logins = await manager.get(`/api/staff/logins?practiceId=${P()}`);
    expect(logins.json().items.map((l: { id: number }) => l.id)).toContain(coderUserId);
    expect((await coder.get(`/api/staff/logins?practiceId=${P()}`)).statusCode).toBe(403);
  });

  it('the demo team: five people, reminders to show, a Saturday that takes a week past 40 hours', async () => {
    const today = '2026-12-04';
    expect(await seedDemoStaff(t.database.db, t.practiceB, SYSTEM_ACTOR, today)).toBe(5);
    expect(await seedDemoStaff(t.database.db, t.practiceB, SYSTEM_ACTOR, today)).toBe(0);
    const team = await listStaff(t.database.db, t.practiceB);
    expect(team).toHaveLength(5);
    const reminders = await remindersOf(t.database.db, t.practiceB, today);
    expect(reminders.map((r) => `${r.staffName} ${r.credential} ${r.kind}`)).toEqual([
      'Alex Rivera CPC expiring',
      'Alex Rivera CPC ceu-short',
      'Jordan Lee CRC expiring',
      'Jordan Lee CRC ceu-short',
    ]);
    const alex = team.find((s) => s.name === 'Alex Rivera')!;
    const weeks = await timeByWeek(t.database.db, t.practiceB, alex.id, '2026-10-05', '2026-12-03');
    expect(weeks).toHaveLength(9);
    expect(weeks.some((w) => w.minutes > 2400)).toBe(true);
  });
});
