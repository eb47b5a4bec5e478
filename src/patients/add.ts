import type { Executor } from '../db/connection.ts';
import { insertChunked } from '../db/chunked.ts';
import { coverage, patient } from './tables.ts';

// Loading many patients and their coverages (the demo seed), in the caller's transaction, which
// records the audit events. Each returns the new ids in the order given.

export const addPatients = (db: Executor, rows: (typeof patient.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(patient).values(c).returning({ id: patient.id }));

export const addCoverages = (db: Executor, rows: (typeof coverage.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(coverage).values(c).returning({ id: coverage.id }));
