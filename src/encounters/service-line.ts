// One service-line definition (loop 2400 with its 2410 drug) for encounters and the claims built
// from them: the columns both tables hold and the fields both APIs answer with, so a line's NDC,
// quantity and unit travel from the visit to the claim, the 837 and the printed form.
import { Type } from '@sinclair/typebox';
import { date, integer, numeric, text } from 'drizzle-orm/pg-core';
import { Id } from '../shared/schema.ts';

/** CTP05-1 Unit or Basis for Measurement Code of a 2410 drug (837P/837I TR3). */
export const NDC_UNITS = ['F2', 'GR', 'ME', 'ML', 'UN'] as const;
export type NdcUnit = (typeof NDC_UNITS)[number];

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

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The fields of a stored service line as the encounter and claim APIs answer them. */
export const ServiceLineFields = {
  id: Id,
  lineNumber: Type.Integer(),
  serviceDate: Type.String(),
  procedureCode: Type.String(),
  modifiers: Type.Array(Type.String()),
  units: Type.Number(),
  chargeCents: Type.Integer(),
  diagnosisPointers: Type.Array(Type.Integer()),
  ndc: Nullable(Type.String()),
  ndcQuantity: Nullable(Type.Number()),
  ndcUnit: Nullable(Type.String()),
  revenueCode: Nullable(Type.String()),
};

/** The drug part of a stored line (numeric columns read as strings) as plain values. */
export const drugOf = (l: { ndc: string | null; ndcQuantity: string | null; ndcUnit: NdcUnit | null }) => ({
  ndc: l.ndc,
  ndcQuantity: l.ndcQuantity === null ? null : Number(l.ndcQuantity),
  ndcUnit: l.ndcUnit,
});
