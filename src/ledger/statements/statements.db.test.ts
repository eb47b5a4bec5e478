import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import { shownText } from '../../claims/pdf-testing.ts';
import { startTestApp, type Client } from '../../server/testing.ts';
import { addDays, todayIso } from '../../shared/dates.ts';
import { postEntries, type NewLedgerEntry } from '../index.ts';
import { runStatements, statementCandidates } from './run.ts';

interface Line {
  id: number;
  patientId: number;
  encounterId: number;
  serviceDate: string;
}

/** Practice A's service lines, one per patient, for its first two patients with a visit. */
async function linesOfTwoPatients(t: Awaited<ReturnType<typeof startTestApp>>): Promise<Line[]> {
  const { rows } = await t.database.sql.executeSql(
    `select distinct on (e.patient_id) sl.id, e.patient_id, e.id as encounter_id, sl.service_date::text as service_date
       from service_line sl join encounter e on e.id = sl.encounter_id
      where e.practice_id = $1 order by e.patient_id, sl.id limit 2`,
    [t.practiceA],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    patientId: Number(r.patient_id),
    encounterId: Number(r.encounter_id),
    serviceDate: String(r.service_date),
  }));
}

describe('statement runs', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let coder: Client;
  let otherBiller: Client;
  let lines: Line[];

  const setRules = (client: Client, rules: object) =>
    client.request({
      method: 'PUT',
      url: '/api/statements/settings',
      payload: { practiceId: t.practiceA, dueInDays: 21, howToPay: 'Pay online.', ...rules },
    });
  const preview = async () =>
    (await biller.post('/api/statements/runs', { practiceId: t.practiceA, preview: true })).json() as {
      count: number;
      patients: { patientId: number; amountDueCents: number }[];
    };
  const runsOfA = async () =>
    (await biller.get(`/api/statements/runs?practiceId=${t.practiceA}`)).json() as {
      id: number;
      statementCount: number;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@a.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@a.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('coder@a.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('biller@b.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    biller = await t.login('biller@a.org');
    manager = await t.login('manager@a.org');
    coder = await t.login('coder@a.org');
    otherBiller = await t.login('biller@b.org');
    lines = await linesOfTwoPatients(t);
    const [a, b] = lines as [Line, Line];
    const entry = (l: Line, e: Pick<NewLedgerEntry, 'account' | 'kind' | 'amountCents'>): NewLedgerEntry => ({
      practiceId: t.practiceA,
      patientId: l.patientId,
      encounterId: l.encounterId,
      serviceLineId: l.id,
      effectiveDate: l.serviceDate,
      sourceType: 'user',
      sourceId: 'statement test',
      ...e,
    });
    await t.database.db.transaction((tx) =>
      postEntries(
        tx,
        [
          // a: self-pay, owes $120.00
          entry(a, { account: 'patient', kind: 'charge', amountCents: 12_000 }),
          // b: insurance paid, coinsurance $10.00, paid $7.00: owes $3.00 (under the $5.00 minimum)
          entry(b, { account: 'insurance', kind: 'charge', amountCents: 10_000 }),
          entry(b, { account: 'insurance', kind: 'insurance_payment', amountCents: 6_000 }),
          entry(b, { account: 'insurance', kind: 'contractual_adjustment', amountCents: 3_000 }),
          entry(b, { account: 'patient', kind: 'patient_responsibility', amountCents: 1_000 }),
          entry(b, { account: 'patient', kind: 'patient_payment', amountCents: 700 }),
        ],
        { userId: null },
      ),
    );
  });
  afterAll(() => t.close());

  it('bills who owes at least the minimum, once per period, and no one twice the same day', async () => {
    const [a] = lines as [Line, Line];
    const day = addDays(todayIso(), -40);
    const { candidates } = await statementCandidates(t.database.db, t.practiceA, day);
    expect(candidates.map((x) => [x.patientId, x.amountDueCents])).toEqual([[a.patientId, 12_000]]);
    const run = await t.database.db.transaction((tx) => runStatements(tx, t.practiceA, day, SYSTEM_ACTOR));
    expect(run).toMatchObject({ statementCount: 1, totalDueCents: 12_000, statementDate: day });
    const again = await t.database.db.transaction((tx) => runStatements(tx, t.practiceA, day, SYSTEM_ACTOR));
    expect(again.statementCount).toBe(0);
    // 30 days between statements: day 29 bills no one, day 30 bills again
    expect((await statementCandidates(t.database.db, t.practiceA, addDays(day, 29))).candidates).toHaveLength(
      0,
    );
    expect((await statementCandidates(t.database.db, t.practiceA, addDays(day, 30))).candidates).toHaveLength(
      1,
    );
  });

  it('previews, runs and lists through the API; a second run today bills no one', async () => {
    // the run above was 40 days ago: due again
    const expected = 1;
    expect((await preview()).count).toBe(expected);
    const run = await biller.post('/api/statements/runs', { practiceId: t.practiceA });
    expect(run.statusCode).toBe(201);
    expect(run.json().statementCount).toBe(expected);
    const second = await biller.post('/api/statements/runs', { practiceId: t.practiceA });
    expect(second.json().statementCount).toBe(0);
    expect(await runsOfA()).toHaveLength(4);
  });

  it('serves a run as one PDF and each statement alone, audited', async () => {
    const billed = (await runsOfA()).find((r) => r.statementCount === 1)!;
    const detail = (await biller.get(`/api/statements/runs/${billed.id}`)).json();
    expect(detail.statements).toHaveLength(1);
    const pdf = await biller.get(`/api/statements/runs/${billed.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(shownText(pdf.rawPayload)).toContain('$120.00');
    const one = await biller.get(`/api/statements/${detail.statements[0].id}.pdf`);
    expect(one.statusCode).toBe(200);
    expect(shownText(one.rawPayload)).toContain(`Account ${detail.statements[0].accountNumber}`);
    const { rows } = await t.database.sql.executeSql(
      `select count(*)::int as n from audit_event where entity = 'patient_statement' and action = 'export'`,
      [],
    );
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('keeps practices apart and checks roles', async () => {
    const id = (await runsOfA())[0]!.id;
    expect((await otherBiller.get(`/api/statements/runs/${id}`)).statusCode).toBe(404);
    expect((await otherBiller.get(`/api/statements/runs/${id}.pdf`)).statusCode).toBe(404);
    expect((await otherBiller.get(`/api/statements/runs?practiceId=${t.practiceA}`)).json()).toEqual([]);
    expect((await otherBiller.post('/api/statements/runs', { practiceId: t.practiceA })).statusCode).toBe(
      404,
    );
    expect((await coder.post('/api/statements/runs', { practiceId: t.practiceA })).statusCode).toBe(403);
    expect((await setRules(biller, { minimumBalanceCents: 0, daysBetweenStatements: 0 })).statusCode).toBe(
      403,
    );
  });

  it('lets a manager set the rules, which the next preview follows', async () => {
    expect(
      (await setRules(manager, { minimumBalanceCents: 5_000, daysBetweenStatements: 0 })).statusCode,
    ).toBe(200);
    expect((await biller.get(`/api/statements/settings?practiceId=${t.practiceA}`)).json()).toMatchObject({
      minimumBalanceCents: 5_000,
      howToPay: 'Pay online.',
    });
    // billed today already: tomorrow, with no days between, only the $120.00 balance is over $50.00
    const tomorrow = addDays(todayIso(), 1);
    const due = async (day: string) =>
      (await statementCandidates(t.database.db, t.practiceA, day)).candidates.map((c) => c.amountDueCents);
    expect(await due(tomorrow)).toEqual([12_000]);
    await setRules(manager, { minimumBalanceCents: 300, daysBetweenStatements: 0 });
    expect((await due(tomorrow)).sort((x, y) => x - y)).toEqual([300, 12_000]);
    // today only the patient never billed: the other had a statement today already
    expect((await preview()).patients.map((p) => p.amountDueCents)).toEqual([300]);
  });

  it('bills each patient once when two runs start together', async () => {
    const day = addDays(todayIso(), 2);
    const counts = await Promise.all(
      [1, 2].map(() => t.database.db.transaction((tx) => runStatements(tx, t.practiceA, day, SYSTEM_ACTOR))),
    );
    expect(counts.map((r) => r.statementCount).sort()).toEqual([0, 2]);
  });
});
