import { date, integer, numeric, text } from 'drizzle-orm/pg-core';
import type { NdcUnit } from './service-line.ts';

/** The columns of a service line, fresh builders for each table that holds one. */
export const serviceLineColumns = () => ({
  lineNumber: integer().notNull(),
  serviceDate: date({ mode: 'string' }).notNull(),
  /** Empty on an institutional line billed by revenue code alone (room and board). */
  procedureCode: text().notNull(),
  modifiers: text().array().notNull(),
  units: numeric({ precision: 9, scale: 3 }).notNull(),
  chargeCents: integer().notNull(),
  /** SV107: 1-based positions in the diagnosis list, at most four. */
  diagnosisPointers: integer().array().notNull(),
  /** LIN03 National Drug Code, 11 digits in the 5-4-2 form without hyphens (loop 2410). */
  ndc: text(),
  /** CTP04 National Drug Unit Count (decimal string, exact). */
  ndcQuantity: numeric({ precision: 12, scale: 3 }),
  /** CTP05-1 unit of the NDC quantity. */
  ndcUnit: text().$type<NdcUnit>(),
  /** UB-04 FL42 revenue code (institutional lines). */
  revenueCode: text(),
});
