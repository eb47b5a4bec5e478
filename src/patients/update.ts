import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { coverage, patient } from './tables.ts';

// Changing a patient's or a coverage's fields in the caller's transaction, which records the
// audit event (a chart import merging what the EHR says with what is there).

export async function updatePatient(
  db: Executor,
  id: number,
  fields: Partial<typeof patient.$inferInsert>,
): Promise<void> {
  await db
    .update(patient)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(patient.id, id));
}

export async function updateCoverage(
  db: Executor,
  id: number,
  fields: Partial<typeof coverage.$inferInsert>,
): Promise<void> {
  await db
    .update(coverage)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(coverage.id, id));
}
