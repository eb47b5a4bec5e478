import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { enqueueChart, recordCodingEvent } from '../coding/index.ts';
import { collectionsBetween, postEntries } from '../ledger/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { addDays } from '../shared/dates.ts';
import { computePayout } from './payout.ts';
import { createStaff, enterTime } from './staff-store.ts';
import { payoutRunsBetween } from './index.ts';

// A compensation period worked out by hand, built through the domains' exported functions: time
// entries, coding events (their times then set, as a coder would have spent them), an audit's
// scores, ledger payments; the stored payout equals the hand figures to the cent. One app.
describe('payout runs', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let manager: Client;
  let coder: Client;
  let biller: Client;
  let outsider: Client;
  let coderStaff: number;
  let billerStaff: number;
  let runId: number;
  const P = () => t.practiceA;
  const FROM = '2026-12-07'; // Monday of 2026-W50
  const TO = '2026-12-20'; // Sunday of 2026-W51
  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;
  const days = (from: string, n: number, minutes: number) =>
    Array.from({ length: n }, (_, i) => ({ workDate: addDays(from, i), minutes }));

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('manager@a.org', [{ practiceId: P(), role: 'manager' }]);
    const coderUser = await t.addUser('coder@a.org', [{ practiceId: P(), role: 'coder' }]);
    const billerUser = await t.addUser('biller@a.org', [{ practiceId: P(), role: 'biller' }]);
    await t.addUser('manager@b.org', [{ practiceId: t.practiceB, role: 'manager' }]);
    manager = await t.login('manager@a.org');
    coder = await t.login('coder@a.org');
    biller = await t.login('biller@a.org');
    outsider = await t.login('manager@b.org');
    const db = t.database.db;
    const staff = { state: 'OH', hireDate: '2024-01-02' };
    coderStaff = (
      await createStaff(
        db,
        P(),
        {
          ...staff,
          userId: coderUser,
          name: 'Dana Coder',
          role: 'coder',
          payType: 'hourly',
          exempt: false,
          rateCents: 2500,
        },
        SYSTEM_ACTOR,
      )
    ).id;
    billerStaff = (
      await createStaff(
        db,
        P(),
        {
          ...staff,
          userId: billerUser,
          name: 'Lee Biller',
          role: 'biller',
          payType: 'salaried',
          exempt: false,
          annualSalaryCents: 5_200_000,
          salariedHoursPerWeek: 35,
        },
        SYSTEM_ACTOR,
      )
    ).id;
    // Dana: 40 h in W50, 45 h in W51. Lee: 35 h in W50, 42 h in W51 (8 h a weekday and 2 on Saturday).
    await enterTime(
      db,
      P(),
      coderStaff,
      [...days('2026-12-07', 5, 480), ...days('2026-12-14', 5, 540)],
      SYSTEM_ACTOR,
    );
    await enterTime(
      db,
      P(),
      billerStaff,
      [
        ...days('2026-12-07', 5, 420),
        ...days('2026-12-14', 5, 480),
        { workDate: '2026-12-19', minutes: 120 },
      ],
      SYSTEM_ACTOR,
    );

    // Dana codes five E/M visit charts on 2026-12-08, twelve minutes each: 1 hour.
    const encounters = await sql(`select id from encounter where practice_id = $1 order by id limit 5`, [
      P(),
    ]);
    expect(encounters).toHaveLength(5);
    const dana = { userId: coderUser, userEmail: 'coder@a.org', ip: null };
    for (const e of encounters) {
      const { chart } = await enqueueChart(db, P(), Number(e.id), 'em-visit', SYSTEM_ACTOR);
      for (const kind of ['open', 'send'] as const)
        await recordCodingEvent(db, { ...chart, chartType: 'em-visit' }, dana, kind);
    }
    await sql(
      `update coding_event set at = timestamptz '2026-12-08 14:00Z'
         + (rank - 1) / 2 * interval '15 minutes' + (rank - 1) % 2 * interval '12 minutes'
       from (select id as eid, rank() over (order by id) as rank from coding_event where user_id = $1) r
       where id = r.eid`,
      [coderUser],
    );
    // An audit on 2026-12-09: two of Dana's charts, 19 of 20 codes right = 95.00 %. The coding
    // domain exports no audit writer, so the scored charts are put in place by SQL.
    const [audit] = await sql(
      `insert into coding_audit (practice_id, name, sampling, criteria, percent, period_from, period_to, seed)
       values ($1, 'December', 'random', '{}', 10, '2026-12-01', '2026-12-08', 1) returning id`,
      [P()],
    );
    const charts = await sql(
      `select id, encounter_id from coding_chart where practice_id = $1 order by id limit 2`,
      [P()],
    );
    const cat = { correct: 0, total: 0 };
    for (const [i, c] of charts.entries()) {
      const correct = i === 0 ? 10 : 9;
      const score = {
        categories: {
          diagnoses: { correct, total: 10 },
          procedures: cat,
          modifiers: cat,
          emLevel: cat,
          linkage: cat,
        },
        correct,
        total: 10,
        accuracy: correct / 10,
        meetsBar: correct === 10,
        errors: [],
        moneyCents: 0,
      };
      await sql(
        `insert into coding_audit_chart (audit_id, practice_id, coding_chart_id, encounter_id, coder_id, chart_type,
           service_date, coder_coding, audited_at, score)
         values ($1, $2, $3, $4, $5, 'em-visit', '2026-12-01', '{}', '2026-12-09T10:00:00Z', $6)`,
        [audit!.id, P(), c.id, c.encounter_id, coderUser, JSON.stringify(score)],
      );
    }

    // Collections in the period: $8,000 insurance + $500 patient − $300 refunded; a patient
    // payment posted and reversed nets nothing; a payment the day after the period is not in it.
    expect(await collectionsBetween(db, P(), FROM, TO)).toBe(0);
    const [line] = await sql(
      `select sl.id, sl.encounter_id, e.patient_id from service_line sl join encounter e on e.id = sl.encounter_id
        where e.practice_id = $1 order by sl.id limit 1`,
      [P()],
    );
    const on = {
      practiceId: P(),
      patientId: Number(line!.patient_id),
      sourceType: 'user' as const,
      sourceId: 'test',
    };
    const posted = await postEntries(
      db,
      [
        {
          ...on,
          encounterId: Number(line!.encounter_id),
          serviceLineId: Number(line!.id),
          account: 'insurance',
          kind: 'insurance_payment',
          amountCents: 800_000,
          effectiveDate: '2026-12-08',
        },
        {
          ...on,
          account: 'patient',
          kind: 'patient_payment',
          amountCents: 50_000,
          effectiveDate: '2026-12-10',
        },
        { ...on, account: 'patient', kind: 'refund', amountCents: 30_000, effectiveDate: '2026-12-15' },
        {
          ...on,
          account: 'patient',
          kind: 'patient_payment',
          amountCents: 10_000,
          effectiveDate: '2026-12-09',
        },
        {
          ...on,
          account: 'patient',
          kind: 'patient_payment',
          amountCents: 99_999,
          effectiveDate: '2026-12-21',
        },
      ],
      { userId: null },
    );
    await postEntries(
      db,
      [
        {
          ...on,
          account: 'patient',
          kind: 'patient_payment',
          amountCents: -10_000,
          reversesEntryId: posted[3]!.id,
          effectiveDate: '2026-12-11',
        },
      ],
      { userId: null },
    );
  });
  afterAll(() => t?.close());

  const coderPlan = {
    targetPerHour: { 'em-visit': 200 },
    perChartAboveTargetCents: 150,
    accuracyThresholdBp: 9500,
    accuracyBonusCents: 10_000,
    teamCollectionsBp: 100,
  };
  const billerPlan = { ...coderPlan, targetPerHour: {}, accuracyBonusCents: 0, teamCollectionsBp: 50 };

  it('sums the ledger collections of the period: payments less refunds, reversals cancelled', async () => {
    expect(await collectionsBetween(t.database.db, P(), FROM, TO)).toBe(820_000);
  });

  it('keeps every version of a plan; only managers change plans', async () => {
    const post = (c: Client, role: string, effectiveFrom: string, plan: unknown) =>
      c.post('/api/compensation-plans', { practiceId: P(), role, effectiveFrom, plan });
    expect((await post(manager, 'coder', '2026-01-01', coderPlan)).statusCode).toBe(201);
    expect((await post(manager, 'biller', '2026-01-01', billerPlan)).statusCode).toBe(201);
    const v2 = await post(manager, 'biller', '2026-11-01', { ...billerPlan, teamCollectionsBp: 200 });
    expect(v2.json()).toMatchObject({ version: 2, role: 'biller' });
    expect((await post(coder, 'coder', '2026-01-01', coderPlan)).statusCode).toBe(403);
    expect((await post(outsider, 'coder', '2026-01-01', coderPlan)).statusCode).toBe(404);
    expect(
      (await post(manager, 'coder', '2026-01-01', { ...coderPlan, teamCollectionsBp: 10_001 })).statusCode,
    ).toBe(400);
    const plans = (await manager.get(`/api/compensation-plans?practiceId=${P()}`)).json().items;
    expect(plans.map((p: { role: string; version: number }) => `${p.role} ${p.version}`)).toEqual([
      'biller 2',
      'biller 1',
      'coder 1',
    ]);
  });

  it('equals the period worked out by hand, to the cent', async () => {
    expect(
      (await manager.post('/api/payouts', { practiceId: P(), from: '2026-12-08', to: TO })).statusCode,
    ).toBe(422);
    expect((await coder.post('/api/payouts', { practiceId: P(), from: FROM, to: TO })).statusCode).toBe(403);
    const res = await manager.post('/api/payouts', { practiceId: P(), from: FROM, to: TO });
    expect(res.statusCode, res.body).toBe(201);
    runId = res.json().run.id;
    const report = (await manager.get(`/api/payouts/${runId}?practiceId=${P()}`)).json();
    const byName = Object.fromEntries(
      report.lines.map(
        (l: { staffName: string; lines: { what: string; cents: number }[]; totalCents: number }) => [
          l.staffName,
          { lines: l.lines.map((x) => [x.what, x.cents]), total: l.totalCents },
        ],
      ),
    );
    // Team: collections $8,200.00 (above), shared by the 2 people paid in the period.
    // Dana, hourly $25.00, coder plan v1:
    //   base 85 h × $25.00 = $2,125.00;
    //   productivity: 5 em-visit charts in 1 h, target 2/h = 2, 3 above × $1.50 = $4.50;
    //   accuracy: 19/20 = 95.00 % ≥ 95 % → $100.00;
    //   team: 1 % of $8,200.00 = $82.00 ÷ 2 = $41.00;
    //   overtime, W51 (45 h): bonuses $145.50 × 45/85 = $77.029… → $77.03 to the week; regular rate
    //   $25.00 + $77.03 / 45 = $26.7118…/h; half-time on 5 h = $66.779… → $66.78. Total $2,337.28.
    expect(byName['Dana Coder']).toEqual({
      lines: [
        ['Base pay', 212_500],
        ['Productivity bonus', 450],
        ['Accuracy bonus', 10_000],
        ['Team bonus', 4_100],
        ['Overtime premium', 6_678],
      ],
      total: 233_728,
    });
    // Lee, salaried non-exempt $52,000 a year for 35 h a week, biller plan v2 (from 2026-11-01):
    //   base 2 weeks × $52,000 / 52 = $2,000.00; no productivity target, no audit;
    //   team: 2 % of $8,200.00 = $164.00 ÷ 2 = $82.00;
    //   straight time: W51 5 h (40 − 35) × $1,000 / 35 h = $142.857… → $142.86;
    //   overtime, W51 (42 h): bonuses $82.00 × 42/77 = $44.727… → $44.73; regular rate
    //   $28.5714… + $44.73 / 42 = $29.6364…/h; 2 h × 1.5 × it = $88.909… → $88.91. Total $2,313.77.
    expect(byName['Lee Biller']).toEqual({
      lines: [
        ['Base pay', 200_000],
        ['Productivity bonus', 0],
        ['Accuracy bonus', 0],
        ['Team bonus', 8_200],
        ['Straight time beyond the salaried hours', 14_286],
        ['Overtime', 8_891],
      ],
      total: 231_377,
    });
    expect(report.run).toMatchObject({ collectionsCents: 820_000, members: 2, totalCents: 465_105 });
    // Reproducible: the stored inputs under the stored plan version give the stored lines.
    const lee = report.lines.find((l: { staffName: string }) => l.staffName === 'Lee Biller');
    expect(lee.planVersion).toBe(2);
    expect(computePayout({ ...billerPlan, teamCollectionsBp: 200 }, lee.input).lines).toEqual(lee.lines);
    const csv = (await manager.get(`/api/payouts/${runId}/report.csv?practiceId=${P()}`)).body;
    expect(csv).toContain('Lee Biller,biller,2,Overtime,');
    expect(csv).toContain(',8891,88.91');
  });

  it('shows a person their own payout only, audits managers reading it, and keeps practices apart', async () => {
    const own = (await coder.get(`/api/payouts/${runId}?practiceId=${P()}`)).json();
    expect(own.lines.map((l: { staffId: number }) => l.staffId)).toEqual([coderStaff]);
    expect((await coder.get(`/api/payouts?practiceId=${P()}`)).json().items).toHaveLength(1);
    expect((await biller.get(`/api/compensation-plans?practiceId=${P()}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/payouts/${runId}?practiceId=${t.practiceB}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/payouts/${runId}?practiceId=${P()}`)).statusCode).toBe(404);
    const events = await sql(
      `select action, entity from audit_event where entity in ('payout_run', 'compensation_plan') order by id`,
    );
    expect(events.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'create compensation_plan',
      'create compensation_plan',
      'create compensation_plan',
      'create payout_run',
      'read payout_run',
      'read payout_run',
    ]);
  });

  it('gives the operating figures each person’s total of the latest run of a period', async () => {
    await manager.post('/api/payouts', { practiceId: P(), from: FROM, to: TO });
    const rows = await payoutRunsBetween(t.database.db, P(), '2026-12-01', '2026-12-31');
    expect(rows.map((r) => r.totalCents).sort()).toEqual([231_377, 233_728]);
  });
});
