import type { Executor } from '../db/connection.ts';
import { insertChunked } from '../db/chunked.ts';
import { encounter, serviceLine } from './tables.ts';

// Loading many encounters and their service lines (the demo seed), in the caller's transaction,
// which records the audit events. Each returns the new ids in the order given.

export const addEncounters = (db: Executor, rows: (typeof encounter.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(encounter).values(c).returning({ id: encounter.id }));

export const addServiceLines = (db: Executor, rows: (typeof serviceLine.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(serviceLine).values(c).returning({ id: serviceLine.id }));
