// Productivity read from the workspace's events: the period's coding_event rows into the pure
// measure (productivity.ts), with each coder's name.
import { and, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { userNameOf } from '../auth/index.ts';
import type { Executor } from '../db/connection.ts';
import { addDays } from '../shared/dates.ts';
import { measureProductivity, type ProductivityReport } from './productivity.ts';
import { codingEvent } from './tables.ts';

export type ProductivityWithNames = Omit<ProductivityReport, 'coders'> & {
  coders: (ProductivityReport['coders'][number] & { name: string | null })[];
};

/**
 * Charts and lines an hour, minutes in a chart and hold rate for one coder or all, from the
 * events between `from` and `to` (whole days, UTC). What the productivity page shows and the
 * workforce issue reads.
 */
export async function productivityFor(
  db: Executor,
  practiceId: number,
  userId: number | 'all',
  from: string,
  to: string,
): Promise<ProductivityWithNames> {
  const events = await db
    .select({
      codingChartId: codingEvent.codingChartId,
      userId: codingEvent.userId,
      kind: codingEvent.kind,
      chartType: codingEvent.chartType,
      at: codingEvent.at,
    })
    .from(codingEvent)
    .where(
      and(
        eq(codingEvent.practiceId, practiceId),
        gte(codingEvent.at, new Date(`${from}T00:00:00Z`)),
        lt(codingEvent.at, new Date(`${addDays(to, 1)}T00:00:00Z`)),
        userId === 'all' ? isNotNull(codingEvent.userId) : eq(codingEvent.userId, userId),
      ),
    );
  const report = measureProductivity(events);
  const ids = report.coders.map((c) => c.userId);
  const names = ids.length
    ? await db
        .selectDistinct({ id: codingEvent.userId, name: userNameOf(codingEvent.userId) })
        .from(codingEvent)
        .where(and(eq(codingEvent.practiceId, practiceId), inArray(codingEvent.userId, ids)))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return { ...report, coders: report.coders.map((c) => ({ ...c, name: nameOf.get(c.userId) ?? null })) };
}
