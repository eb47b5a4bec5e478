// The work queues on the database: a fixture with a claim waiting too long for its 835, a
// rejected one, an underpaid one and a patient past due; the refresh opens each item once, closes
// them when their cause goes away, and the items are worked through the API (history, bulk
// assignment, saved filters, practice isolation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ensureCharges, postEntries } from '../ledger/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { countUpTo } from '../db/scoped-page.ts';
import { followUp } from './tables.ts';
import { refreshWorkQueues } from './work-queue-refresh.ts';
import { listWorkItems } from './work-queue-store.ts';

const actor = SYSTEM_ACTOR;

describe('work queues', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let other: Client;
  let billerId: number;
  let managerId: number;
  let otherId: number;
  const claims: { id: number; patientId: number; payerId: number; lines: number[] }[] = [];
  const today = todayIso();

  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;
  const claim = (i: number) => claims[i]!;
  const refresh = () => refreshWorkQueues(t.database.db, t.practiceA, new Date(), actor);
  const queue = async (q: string, c: Client = biller, extra = '') =>
    (await c.get(`/api/work-queues?queue=${q}${extra}`)).json() as {
      items: {
        id: number;
        claimId: number | null;
        patientId: number | null;
        amountCents: number;
        owner: number | null;
      }[];
      total: number;
    };

  beforeAll(async () => {
    t = await startTestApp();
    billerId = await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    managerId = await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    otherId = await t.addUser('other@example.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    other = await t.login('other@example.org');
    // Four claims of practice A's visits, put in the states the queues look for.
    const visits = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
       where e.practice_id = $1 order by e.id`,
      [t.practiceA],
    );
    for (const v of visits) {
      if (claims.length === 4) break;
      const res = await biller.post('/api/claims', { encounterId: Number(v.id) });
      if (res.statusCode !== 201) continue;
      const [row] = await sql(`select id, patient_id, payer_id from claim where id = $1`, [res.json().id]);
      const lines = await sql(
        `select service_line_id from claim_line where claim_id = $1 order by line_number`,
        [row!.id],
      );
      if (lines.length === 0) continue;
      claims.push({
        id: Number(row!.id),
        patientId: Number(row!.patient_id),
        payerId: Number(row!.payer_id),
        lines: lines.map((l) => Number(l.service_line_id)),
      });
    }
    expect(claims).toHaveLength(4);
    const setState = async (id: number, state: string, daysAgo: number, reason = 'fixture') => {
      await sql(`update claim set state = $2 where id = $1`, [id, state]);
      await sql(
        `insert into claim_event (claim_id, at, from_state, to_state, reason) values ($1, now() - make_interval(days => $2), 'batched', $3, $4)`,
        [id, daysAgo, state, reason],
      );
    };
    // 0: submitted 45 days ago, no 835 (payers ask after 30 days by default)
    await setState(claim(0).id, 'submitted', 45);
    // 1: rejected by the 277CA
    await setState(claim(1).id, 'rejected', 2, '277CA A7:21 missing subscriber id');
    // 2: its payer's contract allows half of each line's charge; paid a tenth: an underpayment
    await setState(claim(2).id, 'paid', 10);
    const billed = await sql(
      `select distinct sl.procedure_code, sl.charge_cents, sl.units from claim_line cl
         join service_line sl on sl.id = cl.service_line_id where cl.claim_id = $1`,
      [claim(2).id],
    );
    for (const b of billed) {
      const rate = await manager.post('/api/payer-fee-schedule', {
        practiceId: t.practiceA,
        payerId: claim(2).payerId,
        procedureCode: b.procedure_code,
        modifier: null,
        allowedCents: Math.round(Number(b.charge_cents) / Number(b.units) / 2),
        effectiveDate: '2020-01-01',
        endDate: null,
      });
      expect(rate.statusCode, rate.body).toBe(201);
    }
    // a contract cannot name another practice's payer
    const [payerB] = await sql(`select id from payer where practice_id = $1 limit 1`, [t.practiceB]);
    const foreign = await manager.post('/api/payer-fee-schedule', {
      practiceId: t.practiceA,
      payerId: Number(payerB!.id),
      procedureCode: '99213',
      modifier: null,
      allowedCents: 100,
      effectiveDate: '2020-01-01',
      endDate: null,
    });
    expect(foreign.statusCode, foreign.body).toBe(422);
    const tx = t.database.db;
    await ensureCharges(tx, { claimId: claim(2).id }, actor);
    const charges = await sql(
      `select service_line_id, encounter_id, amount_cents from ledger_entry where kind = 'charge' and claim_id = $1`,
      [claim(2).id],
    );
    await postEntries(
      tx,
      charges.map((c) => ({
        practiceId: t.practiceA,
        patientId: claim(2).patientId,
        encounterId: Number(c.encounter_id),
        serviceLineId: Number(c.service_line_id),
        claimId: claim(2).id,
        payerId: claim(2).payerId,
        account: 'insurance' as const,
        kind: 'insurance_payment' as const,
        amountCents: Math.round(Number(c.amount_cents) / 10),
        effectiveDate: addDays(today, -10),
        sourceType: 'remittance' as const,
        sourceId: 'fixture 835',
      })),
      actor,
    );
    // 3: its patient owes 40.00 and was sent a statement 60 days ago (due in 30)
    await setState(claim(3).id, 'paid', 70);
    await ensureCharges(tx, { claimId: claim(3).id }, actor);
    const [line3] = await sql(
      `select service_line_id, encounter_id from ledger_entry where kind = 'charge' and claim_id = $1 limit 1`,
      [claim(3).id],
    );
    await postEntries(
      tx,
      [
        {
          practiceId: t.practiceA,
          patientId: claim(3).patientId,
          encounterId: Number(line3!.encounter_id),
          serviceLineId: Number(line3!.service_line_id),
          claimId: claim(3).id,
          payerId: claim(3).payerId,
          account: 'patient',
          kind: 'patient_responsibility',
          amountCents: 4_000,
          effectiveDate: addDays(today, -65),
          sourceType: 'remittance',
          sourceId: 'fixture 835',
          groupCode: 'PR',
          reasonCode: '2',
        },
      ],
      actor,
    );
    const [run] = await sql(
      `insert into statement_run (practice_id, statement_date, statement_count, total_due_cents) values ($1, $2, 1, 4000) returning id`,
      [t.practiceA, addDays(today, -60)],
    );
    await sql(
      `insert into patient_statement (practice_id, run_id, patient_id, statement_date, amount_due_cents, content) values ($1, $2, $3, $4, 4000, '{}')`,
      [t.practiceA, run!.id, claim(3).patientId, addDays(today, -60)],
    );
  }, 120_000);
  afterAll(() => t.close());

  it('opens one item in each queue, once however often it runs', async () => {
    const first = await refresh();
    expect(first.opened).toBeGreaterThanOrEqual(4);
    expect((await queue('no-response')).items.map((i) => i.claimId)).toEqual([claim(0).id]);
    expect((await queue('rejections')).items.map((i) => i.claimId)).toEqual([claim(1).id]);
    const under = (await queue('underpayments')).items;
    expect(under.map((i) => i.claimId)).toContain(claim(2).id);
    expect(under.find((i) => i.claimId === claim(2).id)!.amountCents).toBeGreaterThan(0);
    const balances = (await queue('patient-balances')).items;
    expect(balances).toEqual([
      expect.objectContaining({ claimId: null, patientId: claim(3).patientId, amountCents: 4_000 }),
    ]);

    const again = await refresh();
    expect(again).toMatchObject({ opened: 0, closed: 0 });
    const [{ n }] = (await sql(
      `select count(*)::int as n from follow_up where practice_id = $1 and state = 'open' and queue in ('no-response','rejections','underpayments','patient-balances')`,
      [t.practiceA],
    )) as [{ n: number }];
    expect(n).toBe(first.opened);
    // another practice's biller sees none of them
    expect((await queue('rejections', other)).total).toBe(0);
  });

  it('is paged with the total, filtered and sorted by amount at stake', async () => {
    const page = (await biller.get('/api/work-queues?pageSize=1&page=1&sort=amount')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(4);
    const all = (await biller.get('/api/work-queues?sort=amount&pageSize=200')).json().items as {
      amountCents: number;
    }[];
    expect(all.map((i) => i.amountCents)).toEqual([...all.map((i) => i.amountCents)].sort((a, b) => b - a));
    expect((await queue('rejections', biller, `&payer=${claim(1).payerId}`)).total).toBe(1);
    expect((await queue('patient-balances', biller, '&minAmount=4001')).total).toBe(0);
    expect((await biller.get('/api/work-queues?queue=nope')).statusCode).toBe(400);
  });

  it('records each change in the history with who and when, and assigns in bulk', async () => {
    const [item] = (await queue('rejections')).items;
    const changed = await biller.patch(`/api/work-queues/${item!.id}`, {
      owner: billerId,
      status: 'in-progress',
      nextFollowUpOn: addDays(today, 3),
      note: 'Called the clearinghouse: subscriber id missing on the card',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      owner: billerId,
      status: 'in-progress',
      nextFollowUpOn: addDays(today, 3),
    });
    // someone of another practice cannot be the owner, nor can the other practice touch it
    expect((await biller.patch(`/api/work-queues/${item!.id}`, { owner: otherId })).statusCode).toBe(422);
    expect((await other.patch(`/api/work-queues/${item!.id}`, { status: 'waiting' })).statusCode).toBe(404);

    const ids = (await biller.get('/api/work-queues?pageSize=200'))
      .json()
      .items.map((i: { id: number }) => i.id);
    const assigned = await manager.post('/api/work-queues/assign', { ids, owner: managerId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assigned).toBe(ids.length);
    expect((await queue('no-response', biller, `&owner=${managerId}`)).total).toBe(1);
    expect((await other.post('/api/work-queues/assign', { ids, owner: otherId })).statusCode).toBe(404);

    const history = (await biller.get(`/api/work-queues/${item!.id}/history`)).json().items as {
      kind: string;
      userId: number | null;
      note: string | null;
    }[];
    expect(history.map((h) => h.kind)).toEqual([
      'opened',
      'assigned',
      'next-follow-up',
      'status',
      'note',
      'assigned',
    ]);
    expect(history.at(-1)!.userId).toBe(managerId);
    expect(history[4]!.note).toMatch(/subscriber id/);
    const audits = await sql(
      `select count(*)::int as n from audit_event where entity = 'follow_up' and entity_id = $1`,
      [String(item!.id)],
    );
    expect(Number(audits[0]!.n)).toBeGreaterThanOrEqual(3);
  });

  it('closes items whose cause went away: answered, corrected, paid', async () => {
    await sql(`update claim set state = 'paid' where id = $1`, [claim(0).id]);
    await sql(`update claim set state = 'draft' where id = $1`, [claim(1).id]);
    const [line3] = await sql(
      `select service_line_id, encounter_id from ledger_entry where kind = 'patient_responsibility' and claim_id = $1`,
      [claim(3).id],
    );
    await postEntries(
      t.database.db,
      [
        {
          practiceId: t.practiceA,
          patientId: claim(3).patientId,
          encounterId: Number(line3!.encounter_id),
          serviceLineId: Number(line3!.service_line_id),
          account: 'patient',
          kind: 'patient_payment',
          amountCents: 4_000,
          effectiveDate: today,
          sourceType: 'user',
          sourceId: 'fixture payment',
        },
      ],
      actor,
    );
    const out = await refresh();
    expect(out.closed).toBe(3);
    expect((await queue('no-response')).total).toBe(0);
    expect((await queue('rejections')).total).toBe(0);
    expect((await queue('patient-balances')).total).toBe(0);
    expect((await queue('underpayments')).total).toBeGreaterThanOrEqual(1);
    const done = (await biller.get('/api/work-queues?queue=rejections&status=done')).json().items;
    expect(done).toHaveLength(1);
    expect(done[0].closeNote).toMatch(/corrected/);
    const history = (await biller.get(`/api/work-queues/${done[0].id}/history`)).json().items;
    expect(history.at(-1).kind).toBe('closed');
  });

  it('saves, lists, replaces and deletes a user’s own filters', async () => {
    const save = (name: string, filter: object) =>
      biller.post('/api/saved-filters', { practiceId: t.practiceA, page: 'work-queues', name, filter });
    const created = await save('Big rejections', { queue: 'rejections', minAmount: 10000 });
    expect(created.statusCode, created.body).toBe(201);
    expect((await save('Big rejections', { queue: 'rejections', minAmount: 20000 })).statusCode).toBe(201);
    const list = (await biller.get('/api/saved-filters?page=work-queues')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ name: 'Big rejections', filter: { queue: 'rejections', minAmount: 20000 } }),
    ]);
    expect((await manager.get('/api/saved-filters?page=work-queues')).json().items).toEqual([]);
    expect(
      (
        await other.post('/api/saved-filters', {
          practiceId: t.practiceA,
          page: 'work-queues',
          name: 'x',
          filter: {},
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await manager.request({ method: 'DELETE', url: `/api/saved-filters/${list[0].id}` })).statusCode,
    ).toBe(404);
    expect(
      (await biller.request({ method: 'DELETE', url: `/api/saved-filters/${list[0].id}` })).statusCode,
    ).toBe(204);
    expect((await biller.get('/api/saved-filters?page=work-queues')).json().items).toEqual([]);
  });

  it('lists several practices as one page order (each walked in order) and counts up to a cap', async () => {
    // Amounts interleave across the two practices, ties broken by id, so a page mixes both.
    const amounts = [
      [900, 500, 500, 100],
      [800, 700, 500, 50],
    ];
    for (const [k, practiceId] of [t.practiceA, t.practiceB].entries())
      for (const amount of amounts[k]!)
        await sql(
          `insert into follow_up (practice_id, queue, reason_code, reason, amount_cents, due_on)
           values ($1, 'scope-test', 'T', 'scope test', $2, $3)`,
          [practiceId, amount, addDays(today, amount % 7)],
        );
    const scope = [t.practiceA, t.practiceB];
    for (const sort of ['amount', 'due', 'opened'] as const) {
      const one = await listWorkItems(t.database.db, scope, { queue: 'scope-test', sort, pageSize: 8 });
      const pages = [];
      for (const page of [1, 2, 3])
        pages.push(
          ...(await listWorkItems(t.database.db, scope, { queue: 'scope-test', sort, page, pageSize: 3 }))
            .items,
        );
      expect(pages.map((i) => i.id)).toEqual(one.items.map((i) => i.id));
      expect(one).toMatchObject({ total: 8, totalCapped: false });
    }
    const byAmount = await listWorkItems(t.database.db, scope, { queue: 'scope-test', pageSize: 8 });
    expect(byAmount.items.map((i) => i.amountCents)).toEqual([900, 800, 700, 500, 500, 500, 100, 50]);
    const where = and(eq(followUp.queue, 'scope-test'), inArray(followUp.practiceId, scope));
    expect(await countUpTo(t.database.db, followUp, where, 5)).toEqual({ total: 5, totalCapped: true });
    expect(await countUpTo(t.database.db, followUp, where, 8)).toEqual({ total: 8, totalCapped: false });
  });
});
