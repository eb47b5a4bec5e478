// Reading the facts of the operating figures: claims first submitted (claims domain), collections
// (ledger), and the team's time and pay (this domain) for the 24 months the figures and their
// history need, then the pure arithmetic (operating.ts). Staff cost reads everyone's pay: audited.
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { claimsSubmittedByMonth } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { collectionsBetween } from '../ledger/index.ts';
import { minutesOfMonth, staffCostOfMonth, type StaffForCost } from './operating-cost.ts';
import { payoutRunsBetween } from './payout-store.ts';
import {
  addMonths,
  monthBounds,
  operatingFigures,
  type MonthFacts,
  type OperatingMonth,
} from './operating.ts';
import { minutesByWeek } from './staff.ts';
import { listStaff, timeEntries } from './staff-store.ts';

/** The twelve months ending with lastMonth, each against its history. */
export async function operatingFor(
  db: Db,
  practiceId: number,
  lastMonth: string,
  actor: AuditActor,
): Promise<OperatingMonth[]> {
  const months = Array.from({ length: 24 }, (_, i) => addMonths(lastMonth, i - 23));
  const from = monthBounds(months[0]!).from;
  const to = monthBounds(lastMonth).to;
  const staff = await listStaff(db, practiceId);
  const paid = await payoutRunsBetween(db, practiceId, from, to);
  await recordAudit(db, actor, {
    practiceId,
    action: 'list',
    entity: 'staff_member',
    detail: { staffIds: staff.map((s) => s.id), view: 'operating figures' },
  });
  const days = new Map<number, { workDate: string; minutes: number }[]>();
  for (const s of staff) days.set(s.id, await timeEntries(db, practiceId, s.id, from, to));
  const claims = new Map(
    (await claimsSubmittedByMonth(db, practiceId, from, to)).map((c) => [c.month, c.claims]),
  );
  const facts: MonthFacts[] = [];
  for (const month of months) {
    const bounds = monthBounds(month);
    let staffCostCents = 0;
    let minutesWorked = 0;
    const sources = new Set<string>();
    for (const s of staff) {
      const person: StaffForCost = {
        staffId: s.id,
        payType: s.payType === 'salaried' ? 'salaried' : 'hourly',
        exempt: s.exempt,
        rateCents: s.rateCents,
        salariedHoursPerWeek: s.salariedHoursPerWeek,
        annualSalaryCents: s.annualSalaryCents,
        hireDate: s.hireDate,
        endDate: s.endDate,
      };
      const weeks = minutesByWeek(
        (days.get(s.id) ?? []).filter((d) => d.workDate >= bounds.from && d.workDate <= bounds.to),
      );
      const cost = staffCostOfMonth(person, month, weeks, paid);
      staffCostCents += cost.cents;
      if (cost.from !== 'none') sources.add(cost.from);
      minutesWorked += minutesOfMonth(
        person,
        month,
        weeks.reduce((n, w) => n + w.minutes, 0),
      );
    }
    facts.push({
      month,
      staffCostCents,
      staffCostFrom:
        sources.size === 2 ? 'both' : (([...sources][0] ?? 'none') as MonthFacts['staffCostFrom']),
      minutesWorked,
      claimsSubmitted: claims.get(month) ?? 0,
      collectionsCents: await collectionsBetween(db, practiceId, bounds.from, bounds.to),
    });
  }
  return operatingFigures(facts, lastMonth);
}
