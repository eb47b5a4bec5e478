import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from './testing.ts';

const patientBody = (practiceId: number, over: object = {}) => ({
  practiceId,
  accountNumber: 'NEW001',
  firstName: 'Nora',
  lastName: 'Newpatient',
  dateOfBirth: '1975-04-03',
  sex: 'F',
  address1: '12 Test St',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  ...over,
});

describe('master data API', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let admin: Client;
  let manager: Client;
  const count = async (table: string) =>
    Number((await t.database.sql.executeSql(`select count(*)::int as n from ${table}`)).rows[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('admin@example.org', [{ practiceId: t.practiceA, role: 'admin' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    admin = await t.login('admin@example.org');
    manager = await t.login('manager@example.org');
  });
  afterAll(() => t.close());

  it('rejects bad input with problem+json naming the field, and stores nothing', async () => {
    const before = await count('provider');
    const bad = [
      { payload: '{"practiceId": 1,', pointer: undefined, status: 400 },
      {
        payload: {
          practiceId: t.practiceA,
          firstName: 'A',
          lastName: 'B',
          npi: '1234567890',
          kinds: ['rendering'],
        },
        pointer: '/npi',
        status: 400,
      },
      {
        payload: {
          practiceId: t.practiceA,
          firstName: 'A',
          lastName: 'B',
          npi: '1234567893',
          kinds: ['rendering'],
          shoeSize: 9,
        },
        pointer: '/shoeSize',
        status: 400,
      },
      {
        payload: {
          practiceId: t.practiceA,
          firstName: 'A'.repeat(36),
          lastName: 'B',
          npi: '1234567893',
          kinds: ['rendering'],
        },
        pointer: '/firstName',
        status: 400,
      },
      {
        payload: {
          practiceId: String(t.practiceA),
          firstName: 'A',
          lastName: 'B',
          npi: '1234567893',
          kinds: ['rendering'],
        },
        pointer: '/practiceId',
        status: 400,
      },
      {
        payload: { practiceId: t.practiceA, lastName: 'B', npi: '1234567893', kinds: ['rendering'] },
        pointer: '/firstName',
        status: 400,
      },
    ];
    for (const b of bad) {
      const res = await manager.request({
        method: 'POST',
        url: '/api/providers',
        payload: b.payload as never,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, JSON.stringify(b.payload)).toBe(b.status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (b.pointer)
        expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(b.pointer);
    }
    expect(await count('provider')).toBe(before);
  });

  it('creates, reads, edits and audits a patient; rejects a birth date in the future and a duplicate account', async () => {
    const created = await admin.post('/api/patients', patientBody(t.practiceA));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await admin.get(`/api/patients/${id}`)).json().lastName).toBe('Newpatient');
    const edited = await admin.patch(`/api/patients/${id}`, { phone: '2175550100' });
    expect(edited.json().phone).toBe('2175550100');
    expect((await admin.post('/api/patients', patientBody(t.practiceA))).statusCode).toBe(409);
    const future = await admin.post(
      '/api/patients',
      patientBody(t.practiceA, { accountNumber: 'NEW002', dateOfBirth: '2099-01-01' }),
    );
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].pointer).toBe('/dateOfBirth');
    const audit = (await admin.get(`/api/audit?entity=patient&entityId=${id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['update', 'read', 'create']);
    const update = (await admin.get(`/api/audit?entity=patient&entityId=${id}&action=update`)).json()
      .items[0];
    expect(update.before.phone).toBeNull();
    expect(update.after.phone).toBe('2175550100');
  });

  it('pages, sorts, filters and searches lists on the server', async () => {
    const page = (
      await admin.get(
        `/api/patients?practiceId=${t.practiceA}&pageSize=2&page=2&sort=accountNumber&order=desc`,
      )
    ).json();
    expect(page.items).toHaveLength(2);
    expect(page.page).toBe(2);
    expect(page.items[0].accountNumber > page.items[1].accountNumber).toBe(true);
    const search = (await admin.get('/api/patients?q=newpat%20nor')).json();
    expect(search.items.map((p: { accountNumber: string }) => p.accountNumber)).toEqual(['NEW001']);
    expect((await admin.get('/api/payers?claimFilingIndicator=MB')).json().items[0].name).toMatch(/Medicare/);
    expect((await admin.get('/api/patients?sort=shoeSize')).statusCode).toBe(400);
  });

  it('creates an encounter with two service lines, filling charges from the fee schedule', async () => {
    const [provider] = (await admin.get(`/api/providers?practiceId=${t.practiceA}`)).json().items;
    const patient = (await admin.get('/api/patients?q=newpatient')).json().items[0];
    const body = {
      practiceId: t.practiceA,
      patientId: patient.id,
      serviceDateFrom: '2026-11-02',
      placeOfService: '11',
      renderingProviderId: provider.id,
      diagnoses: ['M17.11', 'I10'],
      serviceLines: [
        { procedureCode: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] },
        { procedureCode: '20610', modifiers: ['RT'], units: 1, chargeCents: 25000, diagnosisPointers: [1] },
      ],
    };
    const res = await admin.post('/api/encounters', body);
    expect(res.statusCode, res.body).toBe(201);
    const encounter = res.json();
    expect(encounter.serviceLines.map((l: { chargeCents: number }) => l.chargeCents)).toEqual([14000, 25000]);
    expect(encounter.serviceDateTo).toBe('2026-11-02');
    const listed = (await admin.get(`/api/encounters?patientId=${patient.id}`)).json();
    expect(listed.items[0]).toMatchObject({ id: encounter.id, lineCount: 2, totalChargeCents: 39000 });

    const badPointer = await admin.post('/api/encounters', {
      ...body,
      serviceLines: [{ ...body.serviceLines[0], diagnosisPointers: [3] }],
    });
    expect(badPointer.statusCode).toBe(422);
    expect(badPointer.json().errors[0].pointer).toBe('/serviceLines/0/diagnosisPointers');
    const noFee = await admin.post('/api/encounters', {
      ...body,
      serviceLines: [{ procedureCode: '99999', units: 1, diagnosisPointers: [1] }],
    });
    expect(noFee.json().errors[0]).toMatchObject({ pointer: '/serviceLines/0/chargeCents' });
    const tooMany = await admin.post('/api/encounters', {
      ...body,
      diagnoses: Array.from({ length: 13 }, (_, i) => `Z${String(i).padStart(2, '0')}`),
    });
    // 13 codes fit an 837I, not a CMS-1500: refused by the claim-form rule, at the field.
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors[0]).toMatchObject({ pointer: '/diagnoses' });
  });

  it('serves the OpenAPI document and health', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/patients', '/api/encounters', '/api/audit']),
    );
    const health = (await t.app.inject({ url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('runs a background job on the queue and reports it', async () => {
    const worker = await startTestApp({ work: true });
    try {
      await worker.addUser('jobs@example.org', [{ practiceId: worker.practiceA, role: 'admin' }], {
        installationAdmin: true,
      });
      const client = await worker.login('jobs@example.org');
      const queued = await client.post('/api/jobs/demo-seed', { patients: 3, encounters: 4, seed: 9 });
      expect(queued.statusCode).toBe(202);
      const result = await worker.queue.waitFor('demo.seed', queued.json().id, 60_000);
      expect(result.state).toBe('completed');
      const job = (await client.get(`/api/jobs/${queued.json().id}`)).json();
      expect(job).toMatchObject({ state: 'completed', done: 7, total: 7 });
    } finally {
      await worker.close();
    }
  });
});
