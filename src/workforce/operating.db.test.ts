import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { postEntries } from '../ledger/index.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { importWageDir } from './import-dir.ts';
import { runPayout } from './payout-store.ts';
import { createStaff, enterTime } from './staff-store.ts';

// Operating figures and pay against the market through the routes, on one practice's October 2025
// built by hand: two claims submitted, $50,000 collected less a $10,000 refund, an hourly coder
// with a week of overtime and a salaried manager who enters no time.
const SALARY_DIR = new URL('../../../shared/salary', import.meta.url).pathname;
const weekdays = (monday: string, minutes: number) =>
  [0, 1, 2, 3, 4].map((i) => ({
    workDate: `2025-10-${String(Number(monday.slice(8)) + i).padStart(2, '0')}`,
    minutes,
  }));

describe('operating figures and pay against the market', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let manager: Client;
  let coder: Client;
  let otherPractice: Client;
  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;

  beforeAll(async () => {
    t = await startTestApp({ work: true }); // the batch is written by its job
    const db = t.database.db;
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    const coderId = await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('other@example.org', [{ practiceId: t.practiceB, role: 'admin' }]);
    manager = await t.login('manager@example.org');
    coder = await t.login('coder@example.org');
    otherPractice = await t.login('other@example.org');
    await importWageDir(db, SALARY_DIR, SYSTEM_ACTOR);

    // Two claims that scrub clean, batched (submitted), their submission moved to 15 October 2025.
    const biller = await t.login('biller@example.org');
    expect(
      (await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA))).statusCode,
    ).toBe(201);
    const visits = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 order by e.id`,
      [t.practiceA],
    );
    const ready: number[] = [];
    for (const v of visits) {
      let built = (await biller.post('/api/claims', { encounterId: Number(v.id) })).json();
      for (const f of built.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        built = (
          await biller.post(`/api/claims/${built.id}/findings/${f.id}/override`, { reason: 'test batch' })
        ).json();
      if (built.state === 'ready') ready.push(built.id);
      if (ready.length === 2) break;
    }
    expect(ready).toHaveLength(2);
    const batch = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: ready });
    expect(batch.statusCode, batch.body).toBe(201);
    // Sent to the clearinghouse: the claims are submitted then.
    const sent = await biller.post(`/api/batches/${batch.json().batchId}/sent`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    await sql(
      `update claim_event set at = '2025-10-15T12:00:00Z' where to_state = 'submitted' and claim_id = any($1)`,
      [ready],
    );

    const [patient] = await sql(`select id from patient where practice_id = $1 order by id limit 1`, [
      t.practiceA,
    ]);
    const money = { practiceId: t.practiceA, patientId: Number(patient!.id), account: 'patient' as const };
    await db.transaction((tx) =>
      postEntries(
        tx,
        [
          {
            ...money,
            kind: 'patient_payment',
            amountCents: 5_000_000,
            effectiveDate: '2025-10-20',
            sourceType: 'user',
            sourceId: 'test',
          },
          {
            ...money,
            kind: 'refund',
            amountCents: 1_000_000,
            effectiveDate: '2025-10-27',
            sourceType: 'user',
            sourceId: 'test',
          },
        ],
        SYSTEM_ACTOR,
      ),
    );

    const dana = await createStaff(
      db,
      t.practiceA,
      {
        name: 'Dana Coder',
        role: 'coder',
        userId: coderId, // Dana logs in as the coder
        payType: 'hourly',
        exempt: false,
        rateCents: 2_500,
        state: 'AL',
        workSetting: '621000',
        hireDate: '2024-01-02',
      },
      SYSTEM_ACTOR,
    );
    await createStaff(
      db,
      t.practiceA,
      {
        name: 'Lee Manager',
        role: 'manager',
        payType: 'salaried',
        exempt: true,
        annualSalaryCents: 5_114_000,
        state: 'CA',
        hireDate: '2024-01-02',
      },
      SYSTEM_ACTOR,
    );
    // 6–10 October 9 hours a day (45 h), 13–17 October 8 hours a day (40 h).
    await enterTime(
      db,
      t.practiceA,
      dana.id,
      [...weekdays('2025-10-06', 540), ...weekdays('2025-10-13', 480)],
      SYSTEM_ACTOR,
    );
  }, 180_000);
  afterAll(() => t?.close());

  it('works out October 2025 from the claims, the ledger and the team', async () => {
    const res = await manager.get(`/api/workforce/operating?practiceId=${t.practiceA}&month=2025-10`);
    expect(res.statusCode, res.body).toBe(200);
    const oct = res.json().months.at(-1);
    // Dana: 85 h × $25 = $2,125 + 5 h over 40 at $12.50 = $62.50 → $2,187.50.
    // Lee: $51,140 / 12 = $4,261.67. Staff cost $6,449.17.
    expect(oct).toMatchObject({
      month: '2025-10',
      staffCostCents: 644_917,
      staffCostFrom: 'estimated from pay',
      claimsSubmitted: 2,
      collectionsCents: 4_000_000, // $50,000 − $10,000
      // 5,100 minutes entered + Lee full time: 2,400 × 31 / 7 = 10,628.6 → 10,629.
      minutesWorked: 15_729,
    });
    expect(oct.figures).toEqual({
      costPerClaimCents: 322_459, // $6,449.17 / 2 = $3,224.585 → $3,224.59
      costToCollectBp: 1_612, // $6,449.17 / $40,000 = 16.12 %
      fteHundredths: 148, // 7 × 15,729 / (2,400 × 31) = 1.4799
      claimsPerFteTenths: 14, // 2 / 1.4799 = 1.35 → 1.4
      collectionsPerFteCents: 2_702_924, // $40,000 × 74,400 / 110,103 = $27,029.24
    });
    // October 2024: only Lee (hired January 2024, full time), no claims and no money yet.
    expect(oct.lastYear).toEqual({
      costPerClaimCents: null,
      costToCollectBp: null,
      fteHundredths: 100,
      claimsPerFteTenths: 0,
      collectionsPerFteCents: 0,
    });
    const csv = await manager.get(`/api/workforce/operating.csv?practiceId=${t.practiceA}&month=2025-10`);
    expect(csv.body.split('\r\n')[0]).toContain('Staff cost: gross pay');
    expect(csv.body).toContain('2025-10,6449.17,estimated from pay,262.15,2,40000.00,3224.59');
  });

  it('takes the staff cost from stored payout runs once they cover the month, shared by days', async () => {
    const db = t.database.db;
    const runs: Awaited<ReturnType<typeof runPayout>>[] = [];
    for (const period of [
      { from: '2025-09-29', to: '2025-10-12' }, // 12 of its 14 days in October
      { from: '2025-10-13', to: '2025-10-26' }, // all 14
      { from: '2025-10-27', to: '2025-11-09' }, // 5 of 14
    ])
      runs.push(await runPayout(db, t.practiceA, period, SYSTEM_ACTOR));
    const share = [12, 14, 5];
    const of = (name: string) =>
      runs.reduce((sum, r, i) => {
        const total = r.lines.find((l) => l.staffName === name)!.totalCents;
        return sum + Math.floor((2 * total * share[i]! + 14) / 28); // total × days / 14, half up
      }, 0);
    // Dana's first run: 45 h × $25 + 5 h × $12.50 = $1,187.50, × 12/14 = $1,017.857 → $1,017.86;
    // the second: 40 h × $25 = $1,000; the third: nothing worked.
    expect(of('Dana Coder')).toBe(101_786 + 100_000);
    const oct = (await manager.get(`/api/workforce/operating?practiceId=${t.practiceA}&month=2025-10`))
      .json()
      .months.at(-1);
    expect(oct).toMatchObject({
      staffCostFrom: 'payout runs',
      staffCostCents: of('Dana Coder') + of('Lee Manager'),
    });
  });

  it('places each person in the BLS market, audited', async () => {
    const res = await manager.get(`/api/workforce/team-market?practiceId=${t.practiceA}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const lee = view.rows.find((r: { name: string }) => r.name === 'Lee Manager');
    // Lee's $51,140 is the May 2025 national median (SOURCES.md).
    expect(view.release).toBe('May 2025');
    expect(lee.comparisons[0].position).toEqual({ kind: 'percentile', percentile: 50 });
    const dana = view.rows.find((r: { name: string }) => r.name === 'Dana Coder');
    expect(dana.annualCents).toBe(5_200_000); // $25 × 2,080
    expect(dana.comparisons.map((c: { against: string }) => c.against)).toEqual([
      'national',
      'state',
      'setting',
    ]);
    // Alabama's mean is below the nation's, so the same pay stands higher in Alabama's market.
    expect(dana.comparisons[1].basis).toContain('Alabama');
    expect(dana.comparisons[1].position.percentile).toBeGreaterThan(dana.comparisons[0].position.percentile);
    const [audit] = await sql(
      `select detail from audit_event where entity = 'staff_member' and action = 'list' and practice_id = $1
        and detail->>'view' is null order by id desc limit 1`,
      [t.practiceA],
    );
    expect((audit!.detail as { staffIds: number[] }).staffIds).toHaveLength(2);
    const csv = await manager.get(`/api/workforce/team-market.csv?practiceId=${t.practiceA}`);
    expect(csv.body.split('\r\n')[0]).toContain('OEWS May 2025');
  });

  it('is for managers of the practice; anyone else sees only their own pay against the market', async () => {
    for (const url of ['operating', 'operating.csv', 'team-market', 'team-market.csv'])
      expect((await otherPractice.get(`/api/workforce/${url}?practiceId=${t.practiceA}`)).statusCode).toBe(
        404,
      );
    for (const url of ['operating', 'operating.csv'])
      expect((await coder.get(`/api/workforce/${url}?practiceId=${t.practiceA}`)).statusCode).toBe(403);
    const own = (await coder.get(`/api/workforce/team-market?practiceId=${t.practiceA}`)).json();
    expect(own.manager).toBe(false);
    expect(own.rows.map((r: { name: string }) => r.name)).toEqual(['Dana Coder']);
    const farOff = await manager.get(`/api/workforce/operating?practiceId=${t.practiceA}&month=9999-12`);
    expect(farOff.statusCode).toBe(400);
    const b = (
      await otherPractice.get(`/api/workforce/operating?practiceId=${t.practiceB}&month=2025-10`)
    ).json();
    expect(b.months.at(-1)).toMatchObject({ claimsSubmitted: 0, collectionsCents: 0, staffCostCents: 0 });
  });
});
