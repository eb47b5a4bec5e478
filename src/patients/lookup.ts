import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { isAnyOf } from '../db/raw.ts';
import type { CoverageRow } from './coverages.ts';
import { coverage, patient } from './tables.ts';

export type PatientRow = typeof patient.$inferSelect;

/** A practice's patients with these ids (statements and A/R name and address them); unknown ids are left out. */
export async function patientsByIds(
  db: Executor,
  practiceId: number,
  ids: readonly number[],
): Promise<PatientRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(patient)
    .where(and(eq(patient.practiceId, practiceId), isAnyOf(patient.id, [...ids])));
}

/** The names of these patients (an 835's matching needs no more of them). */
export async function patientNamesByIds(
  db: Executor,
  practiceId: number,
  ids: readonly number[],
): Promise<{ id: number; lastName: string; firstName: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: patient.id, lastName: patient.lastName, firstName: patient.firstName })
    .from(patient)
    .where(and(eq(patient.practiceId, practiceId), isAnyOf(patient.id, [...ids])));
}

export async function patientById(db: Executor, id: number): Promise<PatientRow | undefined> {
  const [row] = await db.select().from(patient).where(eq(patient.id, id));
  return row;
}

/** Coverages with these ids (the one a claim bills, and its prior payers'). */
export async function coveragesByIds(db: Executor, ids: readonly number[]): Promise<CoverageRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(coverage)
    .where(isAnyOf(coverage.id, [...ids]));
}

/** The coverages of these patients, whatever their dates (a first sift over many claims at once). */
export async function coveragesOfPatients(
  db: Executor,
  patientIds: readonly number[],
): Promise<CoverageRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(coverage)
    .where(isAnyOf(coverage.patientId, [...patientIds]));
}

/**
 * The priorities of these patients' coverages, whatever their dates: all a sift over an 835
 * chunk's claims for a later payer reads (the whole rows cost a 50,000-claim posting 60,000 of them).
 */
export async function coveragePrioritiesOfPatients(
  db: Executor,
  patientIds: readonly number[],
): Promise<{ patientId: number; priority: string }[]> {
  if (patientIds.length === 0) return [];
  return db
    .select({ patientId: coverage.patientId, priority: coverage.priority })
    .from(coverage)
    .where(isAnyOf(coverage.patientId, [...patientIds]));
}

/** A practice's patients with these account numbers (MRNs), e.g. the rows of a schedule file. */
export async function patientsByAccountNumbers(
  db: Executor,
  practiceId: number,
  accountNumbers: readonly string[],
): Promise<PatientRow[]> {
  if (accountNumbers.length === 0) return [];
  return db
    .select()
    .from(patient)
    .where(and(eq(patient.practiceId, practiceId), isAnyOf(patient.accountNumber, [...accountNumbers])));
}
