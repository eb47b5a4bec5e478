import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { listChartDocuments } from '../charts/index.ts';
import { encounterIdsOf, loadEncounter } from '../encounters/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import type { CodedChart } from './audits-score.ts';
import { OTHER } from './queries.ts';
import { chartOfEncounter, enqueueChart } from './queue-store.ts';
import { codingChart } from './tables.ts';

// One app for the whole file: a physician query answered and cited, then the chart audited.
describe('coding review: physician queries and audits', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let coder: Client;
  let provider: Client;
  let auditor: Client;
  let coderId: number;
  let encounterId: number;
  let queryId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const practiceId = t.practiceA;
    coderId = await t.addUser('coder@a.org', [{ practiceId, role: 'coder' }]);
    await t.addUser('dr@a.org', [{ practiceId, role: 'provider' }]);
    await t.addUser('auditor@a.org', [{ practiceId, role: 'auditor' }]);
    coder = await t.login('coder@a.org');
    provider = await t.login('dr@a.org');
    auditor = await t.login('auditor@a.org');
    encounterId = (await encounterIdsOf(t.database.db, [practiceId]))[0]!;
    await enqueueChart(t.database.db, practiceId, encounterId, 'em-visit', SYSTEM_ACTOR);
  });
  afterAll(() => t.close());

  const draft = {
    question: 'Based on the clinical indicators below, please clarify the type of anemia.',
    clinicalIndicators: 'Hgb 7.9 g/dL (10.8 five days before); melena in the ED note; 2 units PRBC.',
    options: ['Acute blood loss anemia', 'Iron deficiency anemia'],
  };

  it('refuses a leading query, naming the field', async () => {
    const res = await coder.post('/api/coding/queries', {
      practiceId: t.practiceA,
      encounterId,
      ...draft,
      question: 'Would you agree this is acute blood loss anemia?',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/question' });
  });

  it('sends a query: the chart waits in state query', async () => {
    const res = await coder.post('/api/coding/queries', { practiceId: t.practiceA, encounterId, ...draft });
    expect(res.statusCode).toBe(201);
    queryId = res.json().id;
    expect(res.json().options).toEqual([...draft.options, OTHER, 'Clinically undetermined']);
    expect((await chartOfEncounter(t.database.db, t.practiceA, encounterId))?.state).toBe('query');
    expect((await coder.post(`/api/coding/queries/${queryId}/answer`, { option: OTHER })).statusCode).toBe(
      403,
    );
  });

  it('the provider answers: the answer is an addendum the coder cites, and the chart comes back', async () => {
    const open = await provider.get('/api/coding/queries?state=open');
    expect(open.json().items.map((q: { id: number }) => q.id)).toEqual([queryId]);
    expect((await provider.post(`/api/coding/queries/${queryId}/answer`, { option: OTHER })).statusCode).toBe(
      422,
    );
    const res = await provider.post(`/api/coding/queries/${queryId}/answer`, {
      option: OTHER,
      text: 'Anemia of chronic kidney disease',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'answered', answerOption: OTHER });
    const docs = await listChartDocuments(t.database.db, t.practiceA, encounterId);
    const addendum = docs.find((d) => d.id === res.json().addendumDocumentId);
    expect(addendum).toMatchObject({ kind: 'query-addendum', title: `Query #${queryId} response` });
    expect(addendum?.text).toContain("Provider's answer: Other: Anemia of chronic kidney disease");
    expect((await chartOfEncounter(t.database.db, t.practiceA, encounterId))?.state).toBe('queued');
    const again = await provider.post(`/api/coding/queries/${queryId}/answer`, { option: OTHER, text: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('audits the chart blind, scores it, and settles the coder’s dispute', async () => {
    const db = t.database.db;
    await db
      .update(codingChart)
      .set({ state: 'done', coderId, doneAt: new Date('2026-11-10T15:00:00Z') })
      .where(eq(codingChart.encounterId, encounterId));
    const created = await auditor.post('/api/coding/audits', {
      practiceId: t.practiceA,
      name: 'November, all coders',
      sampling: 'random',
      criteria: {},
      percent: 100,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ charts: 1, matched: 1 });
    const audit = (await auditor.get(`/api/coding/audits/${created.json().audit.id}`)).json();
    const [sampled] = audit.charts;
    expect(sampled).toMatchObject({ encounterId, coderId, coderName: 'coder@a.org', coderCoding: null });

    // The auditor re-codes with one diagnosis more than the coder sent.
    const visit = (await loadEncounter(db, encounterId, [t.practiceA]))!;
    const recode: CodedChart = {
      diagnoses: [...visit.diagnoses, 'Z79.899'],
      lines: visit.serviceLines.map((l) => ({
        procedureCode: l.procedureCode,
        modifiers: l.modifiers,
        units: l.units,
        pointers: l.diagnosisPointers,
      })),
    };
    const scored = await auditor.request({
      method: 'PUT',
      url: `/api/coding/audit-charts/${sampled.id}/recode`,
      payload: recode,
    });
    expect(scored.statusCode).toBe(200);
    const score = scored.json().score;
    expect(score.errors).toEqual([
      { category: 'diagnoses', kind: 'diagnosis-missing', coded: '', expected: 'Z79.899', moneyCents: 0 },
    ]);
    expect(score.total - score.correct).toBe(1);

    const mine = await coder.get(
      `/api/coding/audit-scores?practiceId=${t.practiceA}&from=2026-01-01&to=2099-12-31`,
    );
    expect(mine.json().coders).toHaveLength(1);
    expect(mine.json().coders[0]).toMatchObject({
      userId: coderId,
      name: 'coder@a.org',
      summary: { charts: 1, errorsByKind: { 'diagnosis-missing': 1 } },
    });

    const csv = await coder.get(
      `/api/coding/audit-scores.csv?practiceId=${t.practiceA}&from=2026-01-01&to=2099-12-31`,
    );
    expect(csv.body.split('\n')[1]).toMatch(new RegExp(`^${coderId},coder@a.org,1,`));

    const disputed = await coder.post(`/api/coding/audit-charts/${sampled.id}/dispute`, {
      reason: 'Z79.899 is not documented in the note.',
    });
    expect(disputed.json()).toMatchObject({ disputeState: 'open' });
    const settled = await auditor.post(`/api/coding/audit-charts/${sampled.id}/resolve`, {
      outcome: 'overturned',
      resolution: 'Agreed: no long-term medication documented.',
    });
    expect(settled.json()).toMatchObject({ disputeState: 'overturned', score: { accuracy: 1, errors: [] } });
  });

  it('measures the coder from the events the query left (CSV too)', async () => {
    const csv = await auditor.get(
      `/api/coding/productivity.csv?practiceId=${t.practiceA}&from=2020-01-01&to=2099-12-31`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe(
      'coderId,coder,chartType,charts,lines,hours,chartsPerHour,linesPerHour,minutesPerChart,touched,held,holdRate',
    );
    const json = (
      await auditor.get(`/api/coding/productivity?practiceId=${t.practiceA}&from=2020-01-01&to=2099-12-31`)
    ).json();
    const coderRow = json.coders.find((c: { userId: number }) => c.userId === coderId);
    expect(coderRow).toMatchObject({ name: 'coder@a.org', total: { held: 1, touched: 1, holdRate: 1 } });
    // The provider who answered (and so released the chart) coded nothing.
    expect(json.coders.map((c: { userId: number }) => c.userId)).toEqual([coderId]);
  });
});
