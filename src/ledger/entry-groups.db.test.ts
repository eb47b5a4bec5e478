// postEntryGroups: many postings (an 835 chunk's claim payments) in one insert, each posting with
// its own audit event, and nothing posted when one entry is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { openTestDatabase } from '../db/testing.ts';
import { seedDemo } from '../demo/seed.ts';
import type { NewLedgerEntry } from './index.ts';
import { ensureCharges, entriesOfSources, postEntryGroups } from './store.ts';

const actor = { userId: null };

describe('posting many postings at once (database)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let practiceId: number;
  let patientId: number;
  let encounterId: number;
  let lines: number[];

  const sql = async (text: string, values: unknown[] = []) =>
    (await database.sql.executeSql(text, values)).rows;

  beforeAll(async () => {
    database = await openTestDatabase();
    practiceId = await seedDemo(
      database,
      { seed: 5, patients: 2, encounters: 1, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    const [e] = await sql(`select id, patient_id from encounter where practice_id = $1 order by id limit 1`, [
      practiceId,
    ]);
    patientId = Number(e!.patient_id);
    encounterId = Number(e!.id);
    lines = (
      await sql(
        `insert into service_line (practice_id, encounter_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
         select $1, $2, 200 + g, '2026-11-02', '99213', '{}', 1, 10000, '{1}' from generate_series(1, 3) g returning id`,
        [practiceId, encounterId],
      )
    ).map((r) => Number(r.id));
    await database.db.transaction((tx) => ensureCharges(tx, { serviceLineIds: lines }, actor));
  });
  afterAll(() => database.close());

  const payment = (line: number, source: string, amountCents: number): NewLedgerEntry => ({
    practiceId,
    patientId,
    encounterId,
    serviceLineId: line,
    account: 'patient',
    kind: 'patient_payment',
    amountCents: -amountCents,
    effectiveDate: '2026-12-01',
    sourceType: 'remittance',
    sourceId: source,
  });

  it('posts each group with its own audit event, rows returned per group in order', async () => {
    const before = Number((await sql(`select count(*) as n from audit_event`))[0]!.n);
    const groups = [
      [payment(lines[0]!, 'g-1', 100), payment(lines[1]!, 'g-1', 200)],
      [],
      [payment(lines[2]!, 'g-2', 300)],
    ];
    const rows = await database.db.transaction((tx) => postEntryGroups(tx, groups, actor));
    expect(rows.map((g) => g.map((r) => [r.sourceId, r.amountCents]))).toEqual([
      [
        ['g-1', -100],
        ['g-1', -200],
      ],
      [],
      [['g-2', -300]],
    ]);
    const events = await sql(
      `select detail from audit_event where entity = 'ledger_entry' order by id desc limit 2`,
    );
    expect(Number((await sql(`select count(*) as n from audit_event`))[0]!.n)).toBe(before + 2);
    expect(events.map((e) => (e.detail as { sources: string[] }).sources).reverse()).toEqual([
      ['remittance:g-1'],
      ['remittance:g-2'],
    ]);
    expect((await entriesOfSources(database.db, 'remittance', ['g-1', 'g-2'])).length).toBe(3);
  });

  it('posts nothing when one entry of one group is wrong', async () => {
    const bad = { ...payment(lines[0]!, 'g-4', 50), amountCents: 0.5 };
    await expect(
      database.db.transaction((tx) => postEntryGroups(tx, [[payment(lines[1]!, 'g-3', 50)], [bad]], actor)),
    ).rejects.toMatchObject({ errors: [{ pointer: '/1/amountCents' }] });
    expect(await entriesOfSources(database.db, 'remittance', ['g-3', 'g-4'])).toEqual([]);
  });
});
