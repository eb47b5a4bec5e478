import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { encounterIdsOf } from '../encounters/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { enqueueChart } from './queue-store.ts';

// A manager reorders the coding queue; a coder cannot; another practice's manager cannot see the
// chart. A coder saves a chart before coding anything on it (the coding screen's "Query the provider").
describe('coding queue: a chart’s priority, and a chart saved before its first code', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let manager: Client;
  let coder: Client;
  let otherManager: Client;
  let chartId: number;
  const put = (c: Client, body: unknown) =>
    c.request({ method: 'PUT', url: `/api/coding/charts/${chartId}/priority`, payload: body as never });

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('manager@a.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('coder@a.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('manager@b.org', [{ practiceId: t.practiceB, role: 'manager' }]);
    manager = await t.login('manager@a.org');
    coder = await t.login('coder@a.org');
    otherManager = await t.login('manager@b.org');
    const encounterId = (await encounterIdsOf(t.database.db, [t.practiceA]))[0]!;
    chartId = (await enqueueChart(t.database.db, t.practiceA, encounterId, 'em-visit', SYSTEM_ACTOR)).chart
      .id;
  });
  afterAll(() => t.close());

  it('a manager makes a routine chart urgent: the queue shows it, the audit log has before and after', async () => {
    const res = await put(manager, { priority: 1, reason: 'timely filing in 5 days' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: chartId, priority: 1 });
    const queue = (await coder.get(`/api/coding/queue?practiceId=${t.practiceA}`)).json();
    expect(queue.items.find((i: { id: number }) => i.id === chartId)).toMatchObject({ priority: 1 });
    const { rows } = await t.database.sql.executeSql(
      `select action, user_email, before, after, detail from audit_event
        where entity = 'coding_chart' and entity_id = $1 order by id`,
      [String(chartId)],
    );
    expect(rows.at(-1)).toMatchObject({
      action: 'update',
      user_email: 'manager@a.org',
      before: { priority: 3 },
      after: { priority: 1 },
      detail: { reason: 'timely filing in 5 days' },
    });
  });

  it('a coder may not (403); another practice’s manager does not find the chart (404); 4 is no priority (400)', async () => {
    expect((await put(coder, { priority: 2 })).statusCode).toBe(403);
    expect((await put(otherManager, { priority: 2 })).statusCode).toBe(404);
    expect((await put(manager, { priority: 4 })).statusCode).toBe(400);
  });

  it('a coder saves a chart with no codes yet: no lines is a visit not yet coded, not an error', async () => {
    expect((await coder.post(`/api/coding/charts/${chartId}/claim`, {})).statusCode).toBe(200);
    const saved = await coder.request({
      method: 'PUT',
      url: `/api/coding/charts/${chartId}/codes`,
      payload: { diagnoses: [], serviceLines: [] },
    });
    expect(saved.statusCode).toBe(200);
    const opened = (await coder.get(`/api/coding/charts/${chartId}`)).json();
    expect(opened.encounter).toMatchObject({ diagnoses: [], serviceLines: [] });
  });
});
