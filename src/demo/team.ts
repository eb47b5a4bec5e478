// The demo team at work, so a manager opening Payouts, Compensation plans or Pay against the market
// on a fresh `npm start` sees something: logins for the demo coders and billers (the
// administrator's password, shown once by the first start as it is), their staff records linked to
// them, an illustrative compensation plan per role, two weeks of coding by the demo coders
// (charts claimed, opened and sent at plausible times on weekdays), one finished audit and one
// payout run for the last two whole workweeks. All through the domains' exported functions, as a first start's other
// seeding is.
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { createUser } from '../auth/index.ts';
import type { Role } from '../auth/roles.ts';
import { auditById, createAudit, recordCodedChart, submitRecode } from '../coding/index.ts';
import type { Database, Executor } from '../db/connection.ts';
import { encounterIdsOf } from '../encounters/index.ts';
import { addDays } from '../shared/dates.ts';
import {
  demoTeam,
  runPayout,
  saveCompensationPlan,
  seedDemoStaff,
  type CompPlan,
} from '../workforce/index.ts';

/** Illustrative plans (README says so): targets in hundredths of a chart an hour. */
export const DEMO_PLANS: { role: string; plan: CompPlan; note: string }[] = [
  {
    role: 'coder',
    plan: {
      targetPerHour: { 'em-visit': 400, procedure: 250 },
      perChartAboveTargetCents: 150,
      accuracyThresholdBp: 9500,
      accuracyBonusCents: 10_000,
      teamCollectionsBp: 10,
    },
    note: 'Demo plan (illustrative figures)',
  },
  {
    role: 'biller',
    plan: {
      targetPerHour: {},
      perChartAboveTargetCents: 0,
      accuracyThresholdBp: 10_000,
      accuracyBonusCents: 0,
      teamCollectionsBp: 25,
    },
    note: 'Demo plan (illustrative figures)',
  },
];

/** A demo person's login: first.last at the administrator's mail domain. */
export const demoEmail = (name: string, adminEmail: string) =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${adminEmail.split('@')[1] ?? 'cleanclaim.local'}`;

const WEEKS_CODED = 2;
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * Logins, the linked team, the plans and the coders' past weeks; in the caller's transaction. The
 * work is on the practice's oldest visits; one already on the coding queue (the demo charts, on the
 * latest) is left to the person trying the demo.
 */
async function seedTeamAndWork(
  db: Executor,
  practiceId: number,
  actor: AuditActor,
  today: string,
  login: { adminEmail: string; password: string },
  auditor: AuditActor,
): Promise<{ logins: { email: string; role: string }[]; charts: number }> {
  const people = demoTeam().filter((p) => p.role === 'coder' || p.role === 'biller');
  const logins = new Map<string, number>();
  for (const p of people) {
    const email = demoEmail(p.name, login.adminEmail);
    const id = await createUser(db, {
      email,
      name: p.name,
      password: login.password,
      grants: [{ practiceId, role: p.role as Role }],
    });
    await recordAudit(db, actor, {
      practiceId,
      action: 'create',
      entity: 'user',
      entityId: id,
      after: { email, role: p.role },
    });
    logins.set(p.name, id);
  }
  await seedDemoStaff(db, practiceId, actor, today, logins);
  for (const { role, plan, note } of DEMO_PLANS)
    await saveCompensationPlan(
      db,
      practiceId,
      { role, effectiveFrom: addDays(mondayOf(today), -7 * WEEKS_CODED - 7), plan, note },
      actor,
    );

  // Each coder's weekdays of the last whole weeks: charts one after another from 9:00 Eastern,
  // a minute from claiming to opening, 10 to 16 minutes in the chart, a procedure chart now and then.
  const encounters = await encounterIdsOf(db, [practiceId]);
  let next = 0;
  let charts = 0;
  const coders = people.filter((p) => p.role === 'coder');
  const firstMonday = addDays(mondayOf(today), -7 * WEEKS_CODED);
  for (const [c, coder] of coders.entries()) {
    const userId = logins.get(coder.name)!;
    const as = { userId, userEmail: demoEmail(coder.name, login.adminEmail), ip: null };
    const perDay = 4 - c;
    for (let day = 0; day < 7 * WEEKS_CODED; day++) {
      if (day % 7 > 4) continue;
      const date = addDays(firstMonday, day);
      let at = Date.parse(`${date}T14:00:00Z`) + c * 7 * 60_000;
      for (let k = 0; k < perDay && next < encounters.length; k++) {
        const chartType = (day + k + c) % 6 === 0 ? 'procedure' : 'em-visit';
        const minutes = 10 + ((day * 3 + k * 5 + c * 2) % 7) + (chartType === 'procedure' ? 6 : 0);
        const minute = (n: number) => new Date(at + n * 60_000);
        const times = { claimed: minute(0), opened: minute(1), sent: minute(1 + minutes) };
        if (await recordCodedChart(db, practiceId, encounters[next++]!, chartType, as, times, actor))
          charts++;
        at += (minutes + 4) * 60_000;
      }
    }
  }
  await auditLastWeeks(db, practiceId, today, auditor);
  return {
    logins: people.map((p) => ({ email: demoEmail(p.name, login.adminEmail), role: p.role })),
    charts,
  };
}

/**
 * The demo team on first start: returns the logins made and what was recorded. The payout run is
 * for the two whole workweeks before today's week.
 */
export async function seedDemoTeam(
  database: Database,
  practiceId: number,
  actor: AuditActor,
  today: string,
  login: { adminEmail: string; password: string },
  auditor: AuditActor,
): Promise<{ logins: { email: string; role: string }[]; charts: number; payoutPeople: number }> {
  const seeded = await database.db.transaction((tx) =>
    seedTeamAndWork(tx, practiceId, actor, today, login, auditor),
  );
  const to = addDays(mondayOf(today), -1);
  const { lines } = await runPayout(database.db, practiceId, { from: addDays(to, -13), to }, actor);
  return { ...seeded, payoutPeople: lines.length };
}

/**
 * One finished audit: a tenth of the charts sent in the last two whole workweeks, re-coded by the
 * auditor (the administrator) on that period's last Friday, who agrees with the coder on most
 * charts.
 */
async function auditLastWeeks(db: Executor, practiceId: number, today: string, auditor: AuditActor) {
  const to = addDays(mondayOf(today), -1);
  const request = {
    name: 'Demo audit, last two weeks',
    sampling: 'random' as const,
    criteria: {},
    percent: 10,
    periodFrom: addDays(to, -13),
    periodTo: to,
  };
  const { audit } = await createAudit(db, practiceId, request, auditor, 17);
  const at = new Date(`${addDays(to, -2)}T16:00:00Z`);
  for (const [i, chart] of (await auditById(db, [practiceId], audit.id)).charts.entries()) {
    const { diagnoses, lines } = chart.coderCoding;
    // Every third chart: the auditor finds a secondary diagnosis the coder missed.
    const missed = i % 3 === 1 && !diagnoses.includes('Z79.899');
    const coding = { diagnoses: missed ? [...diagnoses, 'Z79.899'] : diagnoses, lines };
    await submitRecode(db, [practiceId], chart.id, coding, auditor, at);
  }
}
