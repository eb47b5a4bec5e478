import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { coverage, patient } from './tables.ts';

/**
 * The practice's patients a payer names (835 NM1*QC / NM1*IL): by member id when it sent one, else
 * by last and first name. How a remittance finds the patient when it did not echo our claim number.
 */
export async function patientIdsNamedByPayer(
  db: Executor,
  practiceId: number,
  who: { memberId?: string | undefined; lastName?: string | undefined; firstName?: string | undefined },
): Promise<number[]> {
  if (who.memberId) {
    const rows = await db
      .selectDistinct({ id: coverage.patientId })
      .from(coverage)
      .where(and(eq(coverage.practiceId, practiceId), eq(coverage.memberId, who.memberId)));
    if (rows.length) return rows.map((r) => r.id);
  }
  if (!who.lastName) return [];
  const rows = await db
    .select({ id: patient.id })
    .from(patient)
    .where(
      and(
        eq(patient.practiceId, practiceId),
        sql`upper(${patient.lastName}) = ${who.lastName.toUpperCase()}`,
        ...(who.firstName ? [sql`upper(${patient.firstName}) = ${who.firstName.toUpperCase()}`] : []),
      ),
    );
  return rows.map((r) => r.id);
}
