import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { openTestDatabase } from '../db/testing.ts';
import { seedDemo } from '../demo/seed.ts';
import { balancesOf, type NewLedgerEntry } from './index.ts';
import { claimBalances, lineBalances, patientBalance, payerBalance } from './balances.ts';
import { owedLines, postPatientPayment } from './payment-store.ts';
import { ensureCharges, postEntries, type LedgerEntryRow } from './store.ts';
import { LINES, ledgerHistory, playHistory } from './testing.ts';

const actor = { userId: null };

describe('ledger (database)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let practiceId: number;
  let encounter: { id: number; patientId: number };
  let payerId: number;

  const sql = async (text: string, values: unknown[] = []) =>
    (await database.sql.executeSql(text, values)).rows;

  /** Fresh service lines on the test encounter, so every history starts uncharged. */
  async function newLines(count: number): Promise<number[]> {
    const rows = await sql(
      `insert into service_line (practice_id, encounter_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
       select $1, $2, 100 + g, '2026-11-02', '99213', '{}', 1, 12500, '{1}' from generate_series(1, $3) g returning id`,
      [practiceId, encounter.id, count],
    );
    return rows.map((r) => Number(r.id));
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    practiceId = await seedDemo(
      database,
      { seed: 3, patients: 3, encounters: 3, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    const [e] = await sql(`select id, patient_id from encounter where practice_id = $1 order by id limit 1`, [
      practiceId,
    ]);
    encounter = { id: Number(e!.id), patientId: Number(e!.patient_id) };
    const [p] = await sql(`select id from payer where practice_id = $1 order by id limit 1`, [practiceId]);
    payerId = Number(p!.id);
  });
  afterAll(() => database.close());

  it(`refuses to change or remove an entry (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const [line] = await newLines(1);
    const [entry] = await database.db.transaction((tx) =>
      ensureCharges(tx, { serviceLineIds: [line!] }, actor),
    );
    expect(entry).toMatchObject({ kind: 'charge', account: 'patient', amountCents: 12_500 });
    await expect(sql(`update ledger_entry set amount_cents = 1 where id = $1`, [entry!.id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(sql(`delete from ledger_entry where id = $1`, [entry!.id])).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(sql(`truncate ledger_entry cascade`)).rejects.toThrow(/append-only: TRUNCATE/);
    const [after] = await sql(`select amount_cents from ledger_entry where id = $1`, [entry!.id]);
    expect(Number(after!.amount_cents)).toBe(12_500);
  });

  it('posts one charge per line however often it is asked, and the database refuses a second', async () => {
    const lines = await newLines(2);
    const first = await database.db.transaction((tx) =>
      ensureCharges(tx, { serviceLineIds: lines, payerId }, actor),
    );
    expect(first.map((e) => e.account)).toEqual(['insurance', 'insurance']);
    const again = await database.db.transaction((tx) => ensureCharges(tx, { serviceLineIds: lines }, actor));
    expect(again).toEqual([]);
    await expect(
      database.db.transaction((tx) =>
        postEntries(
          tx,
          [
            {
              practiceId,
              patientId: encounter.patientId,
              serviceLineId: lines[0]!,
              account: 'insurance',
              kind: 'charge',
              amountCents: 100,
              effectiveDate: '2026-11-02',
              sourceType: 'user',
              sourceId: 'twice',
            },
          ],
          actor,
        ),
      ),
    ).rejects.toThrow();
    const [{ n }] = (await sql(
      `select count(*)::int n from ledger_entry where service_line_id = any($1::int[]) and kind = 'charge'`,
      [lines],
    )) as [{ n: number }];
    expect(n).toBe(2);
    const [audit] = await sql(
      `select detail from audit_event where entity = 'ledger_entry' and entity_id = $1`,
      [String(first[0]!.id)],
    );
    expect(audit!.detail).toMatchObject({ entries: 2, centsByKind: { charge: 25_000 } });
  });

  it('the database reverses an entry at most once, whatever the code above it checks', async () => {
    const [line] = await newLines(1);
    const [charge] = await database.db.transaction((tx) =>
      ensureCharges(tx, { serviceLineIds: [line!] }, actor),
    );
    // straight SQL, past postEntries' own checks: the unique index on reversals is what refuses
    const reverse = () =>
      sql(
        `insert into ledger_entry (practice_id, patient_id, encounter_id, service_line_id, account, kind,
           amount_cents, effective_date, source_type, source_id, reverses_entry_id)
         values ($1, $2, $3, $4, 'patient', 'charge', -12500, '2026-11-03', 'user', 'reversal', $5)`,
        [practiceId, encounter.patientId, encounter.id, line, charge!.id],
      );
    await reverse();
    await expect(reverse()).rejects.toThrow(/ledger_entry_reversed_once/);
    // entries that reverse nothing are not held to it
    const adjust = () =>
      sql(
        `insert into ledger_entry (practice_id, patient_id, encounter_id, service_line_id, account, kind,
           amount_cents, effective_date, source_type, source_id)
         values ($1, $2, $3, $4, 'patient', 'write_off', -100, '2026-11-03', 'user', 'adjust')`,
        [practiceId, encounter.patientId, encounter.id, line],
      );
    await adjust();
    await adjust();
    const [{ n }] = (await sql(
      `select count(*)::int n from ledger_entry where service_line_id = $1 and kind = 'write_off'`,
      [line],
    )) as [{ n: number }];
    expect(n).toBe(2);
  });

  it("the database keys an entry's patient and payer to its practice, and its visit to its line", async () => {
    const [line] = await newLines(1);
    const other = await seedDemo(
      database,
      { seed: 4, patients: 1, encounters: 1, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    const [theirPatient] = await sql(`select id from patient where practice_id = $1 limit 1`, [other]);
    const [theirPayer] = await sql(`select id from payer where practice_id = $1 limit 1`, [other]);
    const [otherVisit] = await sql(`select id from encounter where practice_id = $1 and id <> $2 limit 1`, [
      practiceId,
      encounter.id,
    ]);
    // straight SQL, past postEntries' own checks: the keys and checks are what refuse
    const insert = (patient: unknown, payer: unknown, visit: unknown) =>
      sql(
        `insert into ledger_entry (practice_id, patient_id, payer_id, encounter_id, service_line_id, account, kind,
           amount_cents, effective_date, source_type, source_id)
         values ($1, $2, $3, $4, $5, 'patient', 'write_off', -100, '2026-11-03', 'user', 'keys')`,
        [practiceId, patient, payer, visit, visit == null ? null : line],
      );
    await insert(encounter.patientId, payerId, encounter.id);
    await expect(insert(theirPatient!.id, payerId, encounter.id)).rejects.toThrow(/ledger_entry_patient_fk/);
    await expect(insert(encounter.patientId, theirPayer!.id, encounter.id)).rejects.toThrow(
      /ledger_entry_payer_fk/,
    );
    await expect(insert(encounter.patientId, payerId, otherVisit!.id)).rejects.toThrow(
      /ledger_entry_service_line_fk/,
    );
    await expect(
      sql(
        `insert into ledger_entry (practice_id, patient_id, encounter_id, service_line_id, account, kind,
           amount_cents, effective_date, source_type, source_id)
         values ($1, $2, null, $3, 'patient', 'write_off', -100, '2026-11-03', 'user', 'keys')`,
        [practiceId, encounter.patientId, line],
      ),
    ).rejects.toThrow(/ledger_entry_line_with_visit/);
    await expect(
      sql(
        `insert into ledger_entry (practice_id, account, kind, amount_cents, effective_date, source_type, source_id)
         values ($1, 'payer', 'payer_adjustment', -100, '2026-11-03', 'user', 'keys')`,
        [practiceId],
      ),
    ).rejects.toThrow(/ledger_entry_patient_or_payer/);
  });

  it('refuses a wrong entry whole: nothing of the posting stays', async () => {
    const [line] = await newLines(1);
    const good: NewLedgerEntry = {
      practiceId,
      patientId: encounter.patientId,
      serviceLineId: line!,
      account: 'insurance',
      kind: 'charge',
      amountCents: 10_000,
      effectiveDate: '2026-11-02',
      sourceType: 'user',
      sourceId: 'whole',
    };
    const res = database.db.transaction((tx) =>
      postEntries(tx, [good, { ...good, kind: 'insurance_payment', amountCents: 12.5 }], actor),
    );
    await expect(res).rejects.toMatchObject({ code: 'INVALID' });
    expect((await lineBalances(database.db, [line!]))[0]!.charge).toBe(0);
  });

  it('the SQL sums equal the pure sums and the hand-kept model over random histories, to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerHistory, async (ops) => {
        const { entries, model } = playHistory(ops);
        const lines = await newLines(LINES);
        // post in several transactions, a new one before a reversal of an entry not stored yet
        const posted: LedgerEntryRow[] = [];
        const post = async (chunk: typeof entries) => {
          if (chunk.length === 0) return;
          const rows = await database.db.transaction((tx) =>
            postEntries(
              tx,
              chunk.map(({ line, reversesIndex, ...e }) => ({
                ...e,
                practiceId,
                patientId: encounter.patientId,
                encounterId: encounter.id,
                serviceLineId: lines[line]!,
                payerId,
                reversesEntryId: reversesIndex === undefined ? null : posted[reversesIndex]!.id,
              })),
              actor,
            ),
          );
          posted.push(...rows);
        };
        let chunk: typeof entries = [];
        for (const e of entries) {
          if (chunk.length === 7 || (e.reversesIndex !== undefined && e.reversesIndex >= posted.length)) {
            await post(chunk);
            chunk = [];
          }
          chunk.push(e);
        }
        await post(chunk);
        const sums = await lineBalances(database.db, lines);
        sums.forEach((b, i) => {
          const { serviceLineId: _, ...sqlBalances } = b;
          expect(sqlBalances).toEqual(balancesOf(entries.filter((e) => e.line === i)));
          expect(b.charge).toBe(model[i]!.charge);
          expect(b.insuranceBalance).toBe(model[i]!.insuranceOpen);
          expect(b.patientBalance).toBe(model[i]!.patientOwes);
          expect(b.charge).toBe(
            b.insurancePaid + b.adjustments + b.patientResponsibility + b.insuranceBalance,
          );
          expect(b.patientResponsibility).toBe(
            b.patientPaid + b.patientWriteOffs - b.refunds + b.patientBalance,
          );
        });
      }),
      { numRuns: Number(process.env.LEDGER_RUNS ?? 25) },
    );
  });

  it('payments posted at once for one patient never pay the same balance twice', async () => {
    const lines = await newLines(2);
    await database.db.transaction((tx) => ensureCharges(tx, { serviceLineIds: lines }, actor));
    const owed = (await owedLines(database.db, practiceId, encounter.patientId)).reduce(
      (s, l) => s + l.owesCents,
      0,
    );
    expect(owed).toBeGreaterThanOrEqual(25_000);
    const pay = () =>
      database.db.transaction((tx) =>
        postPatientPayment(
          tx,
          {
            practiceId,
            patientId: encounter.patientId,
            method: 'cash',
            amountCents: owed,
            receivedDate: '2026-11-30',
          },
          actor,
        ),
      );
    // open the pool's connections first, so the payments really run side by side on PostgreSQL
    await Promise.all(Array.from({ length: 4 }, () => sql('select pg_sleep(0.05)')));
    const paid = await Promise.all([pay(), pay(), pay(), pay()]);
    const applied = paid.flatMap((p) => p.applied).reduce((s, x) => s + x.amountCents, 0);
    expect(applied).toBe(owed);
    expect(paid.reduce((s, p) => s + p.creditCents, 0)).toBe(3 * owed);
    expect(await owedLines(database.db, practiceId, encounter.patientId)).toEqual([]);
  });

  it('patient, payer and claim balances are the sums of their entries', async () => {
    const patient = await patientBalance(database.db, practiceId, encounter.patientId);
    const [row] = await sql(
      `select coalesce(sum(amount_cents) filter (where kind = 'patient_payment'), 0)::bigint paid from ledger_entry where patient_id = $1`,
      [encounter.patientId],
    );
    expect(patient.patientPaid).toBe(Number(row!.paid));
    expect(patient.charge).toBeGreaterThan(0);
    const payer = await payerBalance(database.db, practiceId, payerId);
    const payerEntries = await sql(
      `select kind, account, amount_cents from ledger_entry where payer_id = $1`,
      [payerId],
    );
    expect(payer).toEqual(
      balancesOf(
        payerEntries.map((e) => ({
          kind: String(e.kind),
          account: String(e.account),
          amountCents: Number(e.amount_cents),
        })),
      ),
    );
    expect(payer.charge).toBeLessThan(patient.charge); // the self-pay lines name no payer
    expect(await claimBalances(database.db, 999_999)).toBeUndefined();
  });
});
