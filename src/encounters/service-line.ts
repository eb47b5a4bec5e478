// One service-line definition (loop 2400 with its 2410 drug) for encounters and the claims built
// from them: the fields both APIs answer with (the columns both tables hold are in
// service-line-columns.ts, kept apart so the web UI imports no drizzle), so a line's NDC, quantity
// and unit travel from the visit to the claim, the 837 and the printed form.
import { Type } from '@sinclair/typebox';
import { Id } from '../shared/schema.ts';

/** CTP05-1 Unit or Basis for Measurement Code of a 2410 drug (837P/837I TR3). */
export const NDC_UNITS = ['F2', 'GR', 'ME', 'ML', 'UN'] as const;
export type NdcUnit = (typeof NDC_UNITS)[number];

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
