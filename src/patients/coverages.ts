import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { coverage } from './tables.ts';

export type CoverageRow = typeof coverage.$inferSelect;

const PRIORITY_ORDER = ['primary', 'secondary', 'tertiary'];

/**
 * The patient's coverages in effect on a date of service, primary first: who is billed, and in
 * which order (coordination of benefits).
 */
export async function coveragesInEffect(
  db: Executor,
  patientId: number,
  date: string,
): Promise<CoverageRow[]> {
  const rows = await db
    .select()
    .from(coverage)
    .where(
      and(
        eq(coverage.patientId, patientId),
        lte(coverage.effectiveDate, date),
        or(isNull(coverage.terminationDate), gte(coverage.terminationDate, date)),
      ),
    )
    .orderBy(asc(coverage.id));
  const rank = (c: CoverageRow) => {
    const i = PRIORITY_ORDER.indexOf(c.priority);
    return i < 0 ? PRIORITY_ORDER.length : i;
  };
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** The coverage billed after one of this priority (secondary after primary…), if one is in effect. */
export function nextCoverage(inEffect: readonly CoverageRow[], priority: string): CoverageRow | undefined {
  const i = PRIORITY_ORDER.indexOf(priority);
  if (i < 0) return undefined;
  return inEffect.find((c) => c.priority === PRIORITY_ORDER[i + 1]);
}

/** The coverages in effect billed after one of this priority (on a primary claim: secondary, tertiary). */
export function laterCoverages(inEffect: readonly CoverageRow[], priority: string): CoverageRow[] {
  const i = PRIORITY_ORDER.indexOf(priority);
  if (i < 0) return [];
  return inEffect.filter((c) => PRIORITY_ORDER.indexOf(c.priority) > i);
}
