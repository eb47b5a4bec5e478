import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { encounter, serviceLine } from './tables.ts';

/** A service line with the visit it belongs to: what the ledger charges and shows. */
export interface ServiceLineOfVisit {
  id: number;
  practiceId: number;
  encounterId: number;
  patientId: number;
  lineNumber: number;
  serviceDate: string;
  procedureCode: string;
  modifiers: string[];
  revenueCode: string | null;
  chargeCents: number;
  visitDate: string;
}

/** The service lines with these ids, in visit and line order (ids that do not exist are left out). */
export async function serviceLinesByIds(db: Executor, ids: readonly number[]): Promise<ServiceLineOfVisit[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: serviceLine.id,
      practiceId: serviceLine.practiceId,
      encounterId: serviceLine.encounterId,
      patientId: encounter.patientId,
      lineNumber: serviceLine.lineNumber,
      serviceDate: serviceLine.serviceDate,
      procedureCode: serviceLine.procedureCode,
      modifiers: serviceLine.modifiers,
      revenueCode: serviceLine.revenueCode,
      chargeCents: serviceLine.chargeCents,
      visitDate: encounter.serviceDateFrom,
    })
    .from(serviceLine)
    .innerJoin(encounter, eq(encounter.id, serviceLine.encounterId))
    .where(inArray(serviceLine.id, [...ids]))
    .orderBy(asc(encounter.serviceDateFrom), asc(serviceLine.encounterId), asc(serviceLine.lineNumber));
}

/** Every service line of a patient's visits in a practice, oldest visit first. */
export async function serviceLinesOfPatient(
  db: Executor,
  practiceId: number,
  patientId: number,
): Promise<ServiceLineOfVisit[]> {
  const rows = await db
    .select({ id: serviceLine.id })
    .from(serviceLine)
    .innerJoin(encounter, eq(encounter.id, serviceLine.encounterId))
    .where(and(eq(encounter.practiceId, practiceId), eq(encounter.patientId, patientId)));
  return serviceLinesByIds(
    db,
    rows.map((r) => r.id),
  );
}
