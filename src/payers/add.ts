import type { Executor } from '../db/connection.ts';
import { insertChunked } from '../db/chunked.ts';
import { payer, payerFeeScheduleEntry } from './tables.ts';

/** Loads many payers (the demo seed) in the caller's transaction; returns their ids in order. */
export const addPayers = (db: Executor, rows: (typeof payer.$inferInsert)[]) =>
  insertChunked(rows, (c) => db.insert(payer).values(c).returning({ id: payer.id }));

/** Loads many contracted rates (the demo seed) in the caller's transaction. */
export const addContractedRates = (db: Executor, rows: (typeof payerFeeScheduleEntry.$inferInsert)[]) =>
  insertChunked(rows, (c) =>
    db.insert(payerFeeScheduleEntry).values(c).returning({ id: payerFeeScheduleEntry.id }),
  );
