import { and, asc, count, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { patientFieldsOf } from '../patients/index.ts';
import { providersByIds } from '../practices/index.ts';
import { addDays } from '../shared/dates.ts';
import { codingChart } from './tables.ts';

export interface QueueFilters {
  practiceId?: number;
  providerId?: number;
  specialty?: string;
  chartType?: string;
  /** Default: every chart not yet sent to billing. */
  state?: string;
  priority?: number;
  /** Only charts whose visit is at least this many days old. */
  minAgeDays?: number;
  /** Only the caller's own charts. */
  coderId?: number;
  page?: number;
  pageSize?: number;
}

/**
 * The coding queue: most urgent first, then the oldest visit (the one closest to its filing limit).
 * `today` is passed in so the age filter and the age shown agree.
 */
export async function listQueue(db: Executor, scope: number[], today: string, f: QueueFilters) {
  const { page = 1, pageSize = 50 } = f;
  const practices = f.practiceId ? scope.filter((p) => p === f.practiceId) : scope;
  const conditions: (SQL | undefined)[] = [
    inArray(codingChart.practiceId, practices.length ? practices : [-1]),
    f.state ? eq(codingChart.state, f.state) : sql`${codingChart.state} <> 'done'`,
    f.providerId ? eq(codingChart.providerId, f.providerId) : undefined,
    f.specialty ? eq(codingChart.specialty, f.specialty) : undefined,
    f.chartType ? eq(codingChart.chartType, f.chartType) : undefined,
    f.priority ? eq(codingChart.priority, f.priority) : undefined,
    f.minAgeDays ? lte(codingChart.serviceDate, addDays(today, -f.minAgeDays)) : undefined,
    f.coderId ? eq(codingChart.coderId, f.coderId) : undefined,
  ];
  const where = and(...conditions);
  const patient = patientFieldsOf(codingChart.patientId);
  const rows = await db
    .select({
      id: codingChart.id,
      practiceId: codingChart.practiceId,
      encounterId: codingChart.encounterId,
      patientName: patient.name,
      accountNumber: patient.accountNumber,
      providerId: codingChart.providerId,
      specialty: codingChart.specialty,
      serviceDate: codingChart.serviceDate,
      chartType: codingChart.chartType,
      priority: codingChart.priority,
      state: codingChart.state,
      coderId: codingChart.coderId,
      holdReason: codingChart.holdReason,
      queuedAt: codingChart.queuedAt,
    })
    .from(codingChart)
    .where(where)
    .orderBy(asc(codingChart.priority), asc(codingChart.serviceDate), asc(codingChart.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(codingChart).where(where);
  const providers = new Map(
    (await providersByIds(db, [...new Set(rows.map((r) => r.providerId))])).map((p) => [p.id, p]),
  );
  const items = rows.map((r) => {
    const p = providers.get(r.providerId);
    return {
      ...r,
      providerName: p ? `${p.lastName}, ${p.firstName}` : '',
      ageDays: Math.round((Date.parse(today) - Date.parse(r.serviceDate)) / 86_400_000),
    };
  });
  return { items, total: total?.n ?? 0, page, pageSize };
}

/** The next chart a coder should take under the same filters: the top of the queue, still queued. */
export async function nextQueuedChart(db: Executor, scope: number[], today: string, f: QueueFilters) {
  const { items } = await listQueue(db, scope, today, { ...f, state: 'queued', page: 1, pageSize: 1 });
  return items[0];
}
