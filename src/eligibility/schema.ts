import { Type } from '@sinclair/typebox';
import { closed, Id, IsoDate, Nullable, Text, Timestamp } from '../shared/schema.ts';

/** EQ01 service type codes: two characters, letters and digits (30 plan coverage, 98 office visit…). */
const ServiceType = Type.String({ pattern: '^[A-Z0-9]{1,2}$' });

export const CheckCreate = Type.Object(
  {
    patientId: Id,
    coverageId: Type.Optional(Id),
    dateOfService: IsoDate,
    serviceTypes: Type.Optional(Type.Array(ServiceType, { minItems: 1, maxItems: 99, uniqueItems: true })),
  },
  closed,
);

export const CheckView = Type.Object({
  id: Id,
  practiceId: Id,
  patientId: Id,
  coverageId: Id,
  payerId: Id,
  patientName: Type.String(),
  payerName: Type.String(),
  memberId: Type.String(),
  dateOfService: Type.String(),
  serviceTypes: Type.Array(Type.String()),
  how: Type.String({ description: 'realtime or batch' }),
  state: Type.String({ description: 'waiting, answered or failed' }),
  status: Nullable(Type.String({ description: 'active, inactive, rejected or unknown, from the 271' })),
  askedAt: Timestamp,
  askedByEmail: Nullable(Type.String()),
  answeredAt: Nullable(Timestamp),
  failure: Nullable(Type.String()),
  batchId: Nullable(Id),
  summary: Type.Any({ description: 'The benefits summary (EligibilitySummary) read from the 271, or null' }),
  warnings: Type.Array(Type.String()),
  estimate: Type.Optional(
    Type.Object(
      {
        copayCents: Type.Integer(),
        deductibleCents: Type.Integer(),
        coinsuranceCents: Type.Integer(),
        totalCents: Type.Integer(),
      },
      {
        description:
          "The patient's estimated share of the visit: its lines at the fee schedule through these benefits",
      },
    ),
  ),
  request: Type.Optional(Type.String({ description: 'The 270 sent' })),
  response: Nullable(Type.String({ description: 'The 271 as received' })),
});

export const CheckList = Type.Object({ items: Type.Array(CheckView) });

export const CheckListQuery = Type.Object(
  {
    practiceId: Type.Optional(Id),
    patientId: Type.Optional(Id),
    date: Type.Optional(IsoDate),
    state: Type.Optional(
      Type.Union([Type.Literal('waiting'), Type.Literal('answered'), Type.Literal('failed')]),
    ),
  },
  closed,
);

export const BatchCreate = Type.Union([
  Type.Object({ practiceId: Id, date: IsoDate }, closed),
  Type.Object(
    { practiceId: Id, csv: Type.String({ minLength: 1, maxLength: 900_000 }), fileName: Text(200) },
    closed,
  ),
]);

export const BatchOutcome = Type.Object({
  id: Id,
  inquiryCount: Type.Integer(),
  fileName: Type.String(),
  state: Type.String(),
  skipped: Type.Array(
    Type.Object({ row: Type.Optional(Type.Integer()), encounterId: Type.Optional(Id), why: Type.String() }),
  ),
});

export const BatchSummary = Type.Object({
  id: Id,
  practiceId: Id,
  source: Type.String({ description: 'schedule, csv or single' }),
  sourceDetail: Type.String(),
  state: Type.String({ description: 'generated (not uploaded yet) or sent' }),
  interchangeControlNumber: Type.Integer(),
  inquiryCount: Type.Integer(),
  answeredCount: Type.Integer(),
  fileName: Type.String(),
  createdAt: Timestamp,
  sentAt: Nullable(Timestamp),
  uploadError: Nullable(Type.String()),
});

export const BatchDetail = Type.Object({ ...BatchSummary.properties, checks: Type.Array(CheckView) });
