import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemo } from '../demo/seed.ts';
import type { StoredCandidate } from '../remits/candidates.ts';
import { era835, submittedDemoClaims, syntheticClaimOf } from '../remits/post-testing.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { openRejectionDenial } from './store.ts';

interface Denial {
  id: number;
  claimId: number;
  category: string;
  explanation: string;
  action: string;
  mappingVersionId: number;
  remittanceDate: string;
  appealBy: string;
  amountCents: number;
  state: string;
  resolution: string | null;
  source: string;
}

// Issue 15: a denial opens categorised by the practice's mapping, with its appeal deadline and a
// work item; a manager's edit makes a new version and old denials keep theirs; rejections too.
describe('denials: categorised on open, versioned mapping, the queue', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let practiceId: number;
  let claims: StoredCandidate[];
  const rows = async (query: string, params: unknown[] = []) =>
    (await t.database.sql.executeSql(query, params)).rows as Record<string, unknown>[];
  const queue = async (query = '') =>
    (await biller.get(`/api/denials?practiceId=${practiceId}${query}`)).json() as {
      items: Denial[];
      total: number;
    };
  const put = (c: Client, payload: unknown) =>
    c.request({ method: 'PUT', url: '/api/denial-mapping/rows', payload: payload as never });
  const upload = (content: string) => biller.post('/api/eras', { practiceId, fileName: 'era.835', content });

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    practiceId = await seedDemo(
      t.database,
      { seed: 20261203, patients: 8, encounters: 12, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    await t.addUser('biller@example.org', [{ practiceId, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    claims = await submittedDemoClaims(
      t.database.db,
      t.database.sql,
      practiceId,
      biller,
      manager,
      3,
      testSubmitterSettings(practiceId),
    );
    await rows(`update payer set appeal_days = 90 where id = (select payer_id from claim where id = $1)`, [
      claims[0]!.id,
    ]);
  }, 300_000);
  afterAll(() => t?.close());

  it('opens a denial per denied line, categorised, with the appeal deadline and a denials work item', async () => {
    const c = claims[0]!;
    const res = await upload(
      era835([syntheticClaimOf(c, 'denied')], { traceNumber: 'DEN-1', paymentDate: '2026-12-01' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await queue()).items.filter((d) => d.claimId === c.id);
    expect(mine).toHaveLength(c.lines.length);
    for (const d of mine) {
      expect(d).toMatchObject({
        source: '835',
        category: 'medical-necessity',
        action: 'send-records',
        remittanceDate: '2026-12-01',
        appealBy: '2027-03-01',
        state: 'open',
      });
      expect(d.explanation).toMatch(/medically necessary/);
      expect(d.mappingVersionId).toBeGreaterThan(0);
    }
    const items = await rows(
      `select queue, amount_cents, due_on::text as due_on, denial_id, state from follow_up where denial_id = any($1::int[])`,
      [mine.map((d) => d.id)],
    );
    expect(items).toHaveLength(mine.length);
    for (const i of items) {
      const d = mine.find((x) => x.id === Number(i.denial_id))!;
      expect(i).toMatchObject({ queue: 'denials', due_on: '2027-03-01', state: 'open' });
      expect(Number(i.amount_cents)).toBe(d.amountCents);
    }
  });

  it('lets only managers edit the mapping; an edit is a new version and old denials keep theirs', async () => {
    const before = (await queue()).items.filter((d) => d.claimId === claims[0]!.id);
    const v1 = before[0]!.mappingVersionId;
    const change = {
      practiceId,
      note: 'our payers want the records for CO-16',
      set: [
        {
          groupCode: 'CO',
          reasonCode: '16',
          remarkCode: null,
          category: 'missing-information',
          explanation: 'Our payers want the visit notes for this: send the records.',
          action: 'send-records',
        },
      ],
    };
    expect((await put(biller, change)).statusCode).toBe(403);
    expect((await biller.get(`/api/denial-mapping/versions?practiceId=${practiceId}`)).statusCode).toBe(403);
    const bad = await put(manager, {
      ...change,
      set: [{ ...change.set[0], reasonCode: '9#' }],
    });
    expect(bad.statusCode).toBe(422);
    const edited = await put(manager, change);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().number).toBe(2);
    const versions = (await manager.get(`/api/denial-mapping/versions?practiceId=${practiceId}`)).json()
      .items;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions[0].rows).toBe(versions[1].rows + 1);
    const audit = await rows(
      `select detail from audit_event where entity = 'denial_mapping_version' order by id desc limit 1`,
    );
    expect(JSON.stringify(audit[0]!.detail)).toMatch(/visit notes/);

    const c = claims[1]!;
    const era = era835([syntheticClaimOf(c, 'denied')], {
      traceNumber: 'DEN-2',
      paymentDate: '2026-12-02',
    }).replaceAll('CAS*CO*50*', 'CAS*CO*16*');
    expect((await upload(era)).statusCode).toBe(201);
    const after = (await queue()).items;
    const reRead = after.filter((d) => d.claimId === c.id);
    expect(reRead.length).toBeGreaterThan(0);
    for (const d of reRead) {
      expect(d).toMatchObject({
        category: 'missing-information',
        action: 'send-records',
        appealBy: '2027-05-31',
      });
      expect(d.explanation).toMatch(/visit notes/);
      expect(d.mappingVersionId).not.toBe(v1);
    }
    for (const d of after.filter((x) => x.claimId === claims[0]!.id)) {
      const was = before.find((x) => x.id === d.id)!;
      expect(d).toMatchObject({ mappingVersionId: v1, category: was.category, explanation: was.explanation });
    }
    const rowsOf2 = (
      await manager.get(`/api/denial-mapping/versions/${reRead[0]!.mappingVersionId}/rows`)
    ).json();
    const r16 = rowsOf2.items.find(
      (r: { groupCode: string; reasonCode: string }) => r.groupCode === 'CO' && r.reasonCode === '16',
    );
    expect(r16).toMatchObject({
      action: 'send-records',
      carcText: expect.stringMatching(/lacks information/),
    });
  });

  it('filters, sorts by amount or deadline and pages the queue', async () => {
    const all = await queue();
    expect(all.total).toBeGreaterThanOrEqual(2);
    const amounts = all.items.map((d) => d.amountCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const deadlines = (await queue('&sort=deadline')).items.map((d) => d.appealBy);
    expect(deadlines).toEqual([...deadlines].sort());
    const missingInfo = await queue('&category=missing-information');
    expect(missingInfo.items.every((d) => d.category === 'missing-information')).toBe(true);
    expect(missingInfo.total).toBe(claims[1]!.lines.length);
    expect((await queue('&reasonCode=16')).total).toBe(missingInfo.total);
    const page = await queue('&limit=1&offset=1');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(all.total);
    expect(page.items[0]!.id).toBe(all.items[1]!.id);
    expect((await queue('&from=2026-12-02&to=2026-12-02')).total).toBe(missingInfo.total);
  });

  it('shows one denial with its claim, CAS, CARC text and the mapping row, and resolves it once', async () => {
    const d = (await queue('&category=medical-necessity')).items[0]!;
    const detail = await biller.get(`/api/denials/${d.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({
      denial: { id: d.id, category: 'medical-necessity' },
      recommendedAction: 'send-records',
      carcText: expect.stringMatching(/medical necessity/i),
      mapping: { number: 1, row: { reasonCode: '50', category: 'medical-necessity' } },
      eob: { traceNumber: 'DEN-1' },
    });
    expect(body.claim.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(body.eob.line)).toMatch(/"50"/);
    const done = await biller.post(`/api/denials/${d.id}/resolve`, {
      resolution: 'records-sent',
      note: 'sent the notes',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'resolved', resolution: 'records-sent' });
    const item = await rows(`select state, close_note from follow_up where denial_id = $1`, [d.id]);
    expect(item[0]).toMatchObject({ state: 'done', close_note: 'sent the notes' });
    expect(
      (await biller.post(`/api/denials/${d.id}/resolve`, { resolution: 'paid', note: 'again' })).statusCode,
    ).toBe(409);
    expect((await queue('&state=open')).items.some((x) => x.id === d.id)).toBe(false);
  });

  it('opens one denial for a claim a 277CA rejected, read from the status words', async () => {
    const c = claims[2]!;
    const open = () =>
      t.database.db.transaction((tx) =>
        openRejectionDenial(tx, {
          practiceId,
          claimId: c.id,
          source: '277CA',
          statusCode: 'A7:21',
          text: 'Missing or invalid information: subscriber identifier',
          rejectedOn: '2026-12-03',
        }),
      );
    const first = await open();
    expect(first.opened).toBe(true);
    expect((await open()).opened).toBe(false);
    const [d] = (await queue('&source=277CA')).items;
    expect(d).toMatchObject({
      id: first.id,
      claimId: c.id,
      category: 'eligibility',
      action: 'correct-resubmit',
      remittanceDate: '2026-12-03',
      amountCents: c.lines.reduce((s, l) => s + l.chargeCents, 0),
    });
  });
});
