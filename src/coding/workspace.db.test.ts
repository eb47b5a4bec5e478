// The coder's workspace on the database: charts enqueued once, the queue in the coder's practices,
// claiming (and the next chart), live checks, saving codes with their events, a suggestion
// decision, hold with a reason, and send to billing (the encounter becomes ready for a claim).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { enqueueChart } from './index.ts';

describe('coding workspace', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let coder: Client;
  let second: Client;
  let otherPractice: Client;
  let coderId: number;
  const encounters: number[] = [];
  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;

  /** A fresh unbilled office visit of the practice (the demo's visits are billed already). */
  async function newVisit(practiceId: number, manager: Client, date: string) {
    const [p] = await sql(`select id from patient where practice_id = $1 order by id limit 1`, [practiceId]);
    const [r] = await sql(`select id from provider where practice_id = $1 order by id limit 1`, [practiceId]);
    const res = await manager.post('/api/encounters', {
      practiceId,
      patientId: Number(p!.id),
      renderingProviderId: Number(r!.id),
      serviceDateFrom: date,
      placeOfService: '11',
      diagnoses: ['I10'],
      serviceLines: [{ procedureCode: '99213', units: 1, chargeCents: 12000, diagnosisPointers: [1] }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    coderId = await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('coder2@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('coderb@example.org', [{ practiceId: t.practiceB, role: 'coder' }]);
    await t.addUser('mgr@example.org', [
      { practiceId: t.practiceA, role: 'manager' },
      { practiceId: t.practiceB, role: 'manager' },
    ]);
    const manager = await t.login('mgr@example.org');
    coder = await t.login('coder@example.org');
    second = await t.login('coder2@example.org');
    otherPractice = await t.login('coderb@example.org');
    encounters.push(await newVisit(t.practiceA, manager, '2026-10-01'));
    encounters.push(await newVisit(t.practiceA, manager, '2026-09-01'));
    const b = await newVisit(t.practiceB, manager, '2026-09-01');
    const db = t.database.db;
    await enqueueChart(db, t.practiceA, encounters[0]!, 'em-visit', SYSTEM_ACTOR);
    await enqueueChart(db, t.practiceA, encounters[1]!, 'procedure', SYSTEM_ACTOR, 1);
    await enqueueChart(db, t.practiceB, b, 'em-visit', SYSTEM_ACTOR);
  });
  afterAll(() => t?.close());

  it('enqueues a chart once: the same encounter again changes nothing', async () => {
    const again = await enqueueChart(t.database.db, t.practiceA, encounters[0]!, 'em-visit', SYSTEM_ACTOR);
    expect(again.created).toBe(false);
    expect(
      await sql(`select count(*)::int as n from coding_chart where encounter_id = $1`, [encounters[0]]),
    ).toEqual([{ n: 1 }]);
  });

  it("puts a hand-entered encounter on the queue through the API, once, in the caller's practices only", async () => {
    const manager = await t.login('mgr@example.org');
    const visit = await newVisit(t.practiceA, manager, '2026-08-01');
    const body = { practiceId: t.practiceA, encounterId: visit, chartType: 'surgery', priority: 3 };
    expect((await coder.post('/api/coding/queue', body)).statusCode).toBe(201);
    expect((await coder.post('/api/coding/queue', body)).statusCode).toBe(200);
    expect((await otherPractice.post('/api/coding/queue', body)).statusCode).toBe(404);
    const other = await coder.post('/api/coding/queue', { ...body, practiceId: t.practiceB });
    expect(other.statusCode).toBe(404);
    await sql(`delete from coding_chart where encounter_id = $1`, [visit]);
  });

  it("lists the coder's practices only, most urgent first, and filters by chart type and age", async () => {
    const all = (await coder.get('/api/coding/queue')).json();
    expect(all.items.map((i: { encounterId: number }) => i.encounterId)).toEqual([
      encounters[1],
      encounters[0],
    ]);
    expect(all.items[0]).toMatchObject({ priority: 1, chartType: 'procedure', state: 'queued' });
    expect(all.items[0].patientName).toContain(', ');
    const visits = (await coder.get('/api/coding/queue?chartType=em-visit')).json();
    expect(visits.items.map((i: { encounterId: number }) => i.encounterId)).toEqual([encounters[0]]);
    const old = (await coder.get('/api/coding/queue?minAgeDays=3000')).json();
    expect(old.total).toBe(0);
    expect((await otherPractice.get('/api/coding/queue')).json().total).toBe(1);
  });

  it('claims the next chart; another coder cannot take it', async () => {
    const res = await coder.post('/api/coding/queue/next', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ encounterId: encounters[1], state: 'in-progress', coderId });
    const taken = await second.post(`/api/coding/charts/${res.json().id}/claim`, {});
    expect(taken.statusCode).toBe(409);
  });

  it('codes the chart: live checks, saved codes with their events, a suggestion decision, hold and send', async () => {
    const [{ id }] = (await coder.get('/api/coding/queue?mine=true')).json().items;
    const opened = (await coder.get(`/api/coding/charts/${id}`)).json();
    expect(opened.encounter.diagnoses).toEqual(['I10']);
    expect(opened.documents).toEqual([]);

    const bad = {
      diagnoses: ['I10'],
      serviceLines: [{ procedureCode: '99214', units: 1, diagnosisPointers: [2] }],
    };
    const checked = (await coder.post(`/api/coding/charts/${id}/check`, bad)).json();
    expect(checked.findings.map((f: { code: string }) => f.code)).toContain('PTR-INVALID');

    const codes = {
      diagnoses: ['I10', 'E11.9'],
      serviceLines: [{ procedureCode: '99214', units: 1, diagnosisPointers: [1, 2] }],
    };
    const saved = await coder.request({
      method: 'PUT',
      url: `/api/coding/charts/${id}/codes`,
      payload: codes,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const accepted = await coder.post(`/api/coding/charts/${id}/suggestions`, {
      accepted: true,
      system: 'ICD-10-CM',
      code: 'E11.9',
      confidence: 0.9,
    });
    expect(accepted.statusCode).toBe(200);

    const held = await coder.post(`/api/coding/charts/${id}/hold`, { reason: 'operative note unsigned' });
    expect(held.json()).toMatchObject({ state: 'held', holdReason: 'operative note unsigned' });
    expect((await coder.post(`/api/coding/charts/${id}/send`, {})).statusCode).toBe(409);
    expect((await coder.post(`/api/coding/charts/${id}/claim`, {})).json().state).toBe('in-progress');

    const sent = await coder.post(`/api/coding/charts/${id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().state).toBe('done');
    const [visit] = await sql(`select status, diagnoses from encounter where id = $1`, [encounters[1]]);
    expect(visit).toMatchObject({ status: 'ready', diagnoses: ['I10', 'E11.9'] });
    const events = await sql(`select kind, code from coding_event where coding_chart_id = $1 order by id`, [
      id,
    ]);
    expect(events.map((e) => (e.code ? `${e.kind} ${e.code}` : e.kind))).toEqual([
      'queued',
      'claim',
      'open',
      'code-add E11.9',
      'code-add 99214',
      'code-remove 99213',
      'suggestion-accept E11.9',
      'hold',
      'claim',
      'send',
    ]);
    expect((await coder.get('/api/coding/queue')).json().total).toBe(1);
  });
});
