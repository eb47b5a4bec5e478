import { eq } from 'drizzle-orm';
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
  const rows = await db.select().from(coverage).where(eq(coverage.patientId, patientId));
  return coveragesInEffectOn(rows, date);
}

/**
 * Of a patient's coverages (read once for many claims: coveragesOfPatients), those in effect on a
 * date of service, primary first, as coveragesInEffect reads them.
 */
export function coveragesInEffectOn(rows: readonly CoverageRow[], date: string): CoverageRow[] {
  const rank = (c: CoverageRow) => {
    const i = PRIORITY_ORDER.indexOf(c.priority);
    return i < 0 ? PRIORITY_ORDER.length : i;
  };
  return rows
    .filter((c) => c.effectiveDate <= date && (c.terminationDate == null || c.terminationDate >= date))
    .sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/** The coverage billed after one of this priority (secondary after primary…), if one is in effect. */
export function nextCoverage(inEffect: readonly CoverageRow[], priority: string): CoverageRow | undefined {
  const i = PRIORITY_ORDER.indexOf(priority);
  if (i < 0) return undefined;
  return inEffect.find((c) => c.priority === PRIORITY_ORDER[i + 1]);
}

/** The coverages in effect billed after one of this priority (on a primary claim: secondary, tertiary). */
export function laterCoverages<T extends Pick<CoverageRow, 'priority'>>(
  inEffect: readonly T[],
  priority: string,
): T[] {
  const i = PRIORITY_ORDER.indexOf(priority);
  if (i < 0) return [];
  return inEffect.filter((c) => PRIORITY_ORDER.indexOf(c.priority) > i);
}
