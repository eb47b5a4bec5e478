import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from '../../server/testing.ts';
import { todayIso } from '../../shared/dates.ts';
import { postEntries, type NewLedgerEntry } from '../index.ts';
import { AR_BUCKETS, bucketIndex } from './aging.ts';

interface Line {
  id: number;
  patientId: number;
  encounterId: number;
  serviceDate: string;
}

describe('A/R aging and summary routes', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let auditor: Client;
  let coder: Client;
  let otherBiller: Client;
  let lines: Line[];
  let payer: { id: number; name: string };

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('biller@a.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('auditor@a.org', [{ practiceId: t.practiceA, role: 'auditor' }]);
    await t.addUser('coder@a.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('biller@b.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    biller = await t.login('biller@a.org');
    auditor = await t.login('auditor@a.org');
    coder = await t.login('coder@a.org');
    otherBiller = await t.login('biller@b.org');
    const found = await t.database.sql.executeSql(
      `select sl.id, e.patient_id, e.id as encounter_id, sl.service_date::text as service_date
         from service_line sl join encounter e on e.id = sl.encounter_id
        where e.practice_id = $1 order by sl.id limit 3`,
      [t.practiceA],
    );
    lines = found.rows.map((r) => ({
      id: Number(r.id),
      patientId: Number(r.patient_id),
      encounterId: Number(r.encounter_id),
      serviceDate: String(r.service_date),
    }));
    const payers = await t.database.sql.executeSql(
      `select id, name from payer where practice_id = $1 order by id limit 1`,
      [t.practiceA],
    );
    payer = { id: Number(payers.rows[0]!.id), name: String(payers.rows[0]!.name) };
    const [a, b, c] = lines as [Line, Line, Line];
    const entry = (
      l: Line,
      e: Pick<NewLedgerEntry, 'account' | 'kind' | 'amountCents'> & { payerId?: number | null },
    ): NewLedgerEntry => ({
      practiceId: t.practiceA,
      patientId: l.patientId,
      encounterId: l.encounterId,
      serviceLineId: l.id,
      effectiveDate: l.serviceDate,
      sourceType: 'user',
      sourceId: 'a/r test',
      ...e,
    });
    await t.database.db.transaction((tx) =>
      postEntries(
        tx,
        [
          // a: billed to the payer, nothing back yet: $100.00 with the payer
          entry(a, { account: 'insurance', kind: 'charge', amountCents: 10_000, payerId: payer.id }),
          // b: paid $60, adjusted $30 (CO), $10 the patient's: $0 with the payer, $10 with the patient
          entry(b, { account: 'insurance', kind: 'charge', amountCents: 10_000, payerId: payer.id }),
          entry(b, {
            account: 'insurance',
            kind: 'insurance_payment',
            amountCents: 6_000,
            payerId: payer.id,
          }),
          entry(b, {
            account: 'insurance',
            kind: 'contractual_adjustment',
            amountCents: 3_000,
            payerId: payer.id,
          }),
          entry(b, { account: 'patient', kind: 'patient_responsibility', amountCents: 1_000 }),
          // c: self-pay $50, paid $20
          entry(c, { account: 'patient', kind: 'charge', amountCents: 5_000 }),
          entry(c, { account: 'patient', kind: 'patient_payment', amountCents: 2_000 }),
        ],
        { userId: null },
      ),
    );
  });
  afterAll(() => t.close());

  const bucketOf = (l: Line) => bucketIndex(l.serviceDate, todayIso(), AR_BUCKETS);

  it('ages insurance balances by payer from the date of service', async () => {
    const res = await biller.get(`/api/ar/aging?practiceId=${t.practiceA}&by=payer`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.buckets.map((b: { label: string }) => b.label)).toEqual([
      '0–30',
      '31–60',
      '61–90',
      '91–120',
      'Over 120',
    ]);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ key: `payer:${payer.id}`, label: payer.name, total: 10_000 });
    const expected = [0, 0, 0, 0, 0];
    expected[bucketOf(lines[0]!)] = 10_000;
    expect(body.rows[0].buckets).toEqual(expected);
    expect(body.totals.total).toBe(10_000);
  });

  it('ages patient balances by patient, audited', async () => {
    const body = (await auditor.get(`/api/ar/aging?practiceId=${t.practiceA}&by=patient`)).json();
    expect(body.totals.total).toBe(1_000 + 3_000);
    const [, b, c] = lines as [Line, Line, Line];
    const expected = [0, 0, 0, 0, 0];
    expected[bucketOf(b)]! += 1_000;
    expected[bucketOf(c)]! += 3_000;
    expect(body.totals.buckets).toEqual(expected);
    const { rows } = await t.database.sql.executeSql(
      `select count(*)::int as n from audit_event where entity = 'ar_aging' and action = 'list'`,
      [],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('exports the aging as CSV in dollars', async () => {
    const res = await biller.get(`/api/ar/aging.csv?practiceId=${t.practiceA}&by=payer`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row, total] = res.body.trim().split('\r\n');
    expect(header).toBe('Payer,0–30 days,31–60 days,61–90 days,91–120 days,Over 120 days,Total');
    expect(row).toMatch(new RegExp(`100\\.00,100\\.00$`));
    expect(total).toMatch(/^Total,/);
    // by patient it names patients: the export is audited
    const byPatient = await biller.get(`/api/ar/aging.csv?practiceId=${t.practiceA}&by=patient`);
    expect(byPatient.body.split('\r\n')[0]).toMatch(/^Patient,/);
    const { rows } = await t.database.sql.executeSql(
      `select count(*)::int as n from audit_event where entity = 'ar_aging' and action = 'export'`,
      [],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('sums days in A/R and the net collection rate', async () => {
    const body = (await biller.get(`/api/ar/summary?practiceId=${t.practiceA}&from=2020-01-01`)).json();
    expect(body).toMatchObject({
      insuranceArCents: 10_000,
      patientArCents: 4_000,
      totalArCents: 14_000,
      chargesCents: 25_000,
      contractualAdjustmentsCents: 3_000,
      paymentsCents: 8_000,
      // 8,000 ÷ (25,000 − 3,000)
      netCollectionRate: 36.4,
    });
  });

  it('keeps practices apart and checks roles', async () => {
    expect((await otherBiller.get(`/api/ar/aging?practiceId=${t.practiceA}`)).statusCode).toBe(404);
    expect((await otherBiller.get(`/api/ar/aging.csv?practiceId=${t.practiceA}`)).statusCode).toBe(404);
    expect((await otherBiller.get(`/api/ar/summary?practiceId=${t.practiceA}`)).statusCode).toBe(404);
    const b = (await otherBiller.get(`/api/ar/aging?practiceId=${t.practiceB}&by=patient`)).json();
    expect(b.totals.total).toBe(0);
    expect((await coder.get(`/api/ar/aging?practiceId=${t.practiceA}`)).statusCode).toBe(403);
  });
});
