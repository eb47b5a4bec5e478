import { Type, type Static } from '@sinclair/typebox';
import {
  Cents,
  closed,
  Formatted,
  Id,
  IsoDate,
  Nullable,
  RowFields,
  Text,
  Timestamp,
} from '../shared/schema.ts';
import { InstitutionalData } from './institutional.ts';
import { NDC_UNITS, ServiceLineFields } from './service-line.ts';

export const MAX_DIAGNOSES = 12; // HI segment: 12 diagnosis codes on a professional claim (837P 2300 HI)
export const MAX_INSTITUTIONAL_DIAGNOSES = 25; // 837I: principal (ABK) and two HI segments of 12 others (ABF)
export const MAX_MODIFIERS = 4; // SV101-3 .. SV101-6
export const MAX_POINTERS = 4; // SV107-1 .. SV107-4

export const ServiceLineInput = Type.Object(
  {
    /** Required on professional lines; a facility's room-and-board line may carry only a revenue code. */
    procedureCode: Type.Optional(Formatted('procedure-code', 5)),
    /** UB-04 FL42, SV201: institutional lines only. */
    revenueCode: Nullable(Formatted('revenue-code', 4)),
    modifiers: Type.Optional(
      Type.Array(Formatted('modifier', 2), { maxItems: MAX_MODIFIERS, uniqueItems: true }),
    ),
    units: Type.Number({ exclusiveMinimum: 0, maximum: 9999 }),
    chargeCents: Type.Optional(Cents),
    // At least one on professional lines (checked in rules.ts); the 837I has no pointers.
    diagnosisPointers: Type.Array(Type.Integer({ minimum: 1, maximum: MAX_DIAGNOSES }), {
      maxItems: MAX_POINTERS,
      uniqueItems: true,
    }),
    serviceDate: Type.Optional(IsoDate),
    /** Loop 2410 LIN03: the National Drug Code, 11 digits (5-4-2) without hyphens. */
    ndc: Nullable(Type.String({ pattern: '^\\d{11}$', maxLength: 11 })),
    /** CTP04 National Drug Unit Count, with the NDC. */
    ndcQuantity: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 99_999_999 })),
    /** CTP05-1 unit of the NDC quantity. */
    ndcUnit: Nullable(Type.Union(NDC_UNITS.map((u) => Type.Literal(u)))),
  },
  closed,
);

const EncounterFields = {
  patientId: Id,
  serviceDateFrom: IsoDate,
  serviceDateTo: Type.Optional(IsoDate),
  placeOfService: Formatted('pos', 2),
  renderingProviderId: Id,
  referringProviderId: Nullable(Id),
  facilityId: Nullable(Id),
  priorAuthorization: Nullable(Text(50)),
  diagnoses: Type.Array(Formatted('icd10cm-code', 8), {
    minItems: 1,
    maxItems: MAX_INSTITUTIONAL_DIAGNOSES,
    uniqueItems: true,
  }),
  serviceLines: Type.Array(ServiceLineInput, { minItems: 1, maxItems: 50 }),
  /** Set when a facility bills this encounter on a UB-04 / 837I. */
  institutional: Nullable(InstitutionalData),
};
export const EncounterCreate = Type.Object({ practiceId: Id, ...EncounterFields }, closed);
export const EncounterUpdate = Type.Partial(Type.Object(EncounterFields), closed);

export const ServiceLine = Type.Object(ServiceLineFields);
export const Encounter = Type.Object({
  ...RowFields,
  ...EncounterFields,
  serviceDateTo: IsoDate,
  status: Type.String(),
  serviceLines: Type.Array(ServiceLine),
});
export const EncounterSummary = Type.Object({
  id: Id,
  practiceId: Id,
  patientId: Id,
  patientName: Type.String(),
  accountNumber: Type.String(),
  serviceDateFrom: IsoDate,
  placeOfService: Type.String(),
  renderingProviderId: Id,
  status: Type.String(),
  diagnoses: Type.Array(Type.String()),
  lineCount: Type.Integer(),
  totalChargeCents: Type.Integer(),
  createdAt: Timestamp,
});

export type EncounterInput = Static<typeof EncounterCreate>;
export type ServiceLineInputT = Static<typeof ServiceLineInput>;
