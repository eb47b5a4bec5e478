import { Type } from '@sinclair/typebox';
import { InstitutionalData } from '../encounters/institutional.ts';
import { MAX_INSTITUTIONAL_DIAGNOSES } from '../encounters/schema.ts';
import { closed, Id, Text } from '../shared/schema.ts';
import { NDC_UNITS, ServiceLineFields } from '../encounters/service-line.ts';
import { CLAIM_STATES, MANUAL_STATES } from './states.ts';

export const ClaimCreate = Type.Object({ encounterId: Id, coverageId: Type.Optional(Id) }, closed);
export const ReplaceBody = Type.Object(
  {
    frequencyCode: Type.Union([Type.Literal('7'), Type.Literal('8')]),
    payerClaimNumber: Text(50),
    reason: Text(500, { minLength: 3 }),
  },
  closed,
);
export const OverrideBody = Type.Object({ reason: Text(500, { minLength: 5 }) }, closed);
export const TransitionBody = Type.Object(
  { to: Type.Union(MANUAL_STATES.map((s) => Type.Literal(s))), reason: Text(500, { minLength: 3 }) },
  closed,
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const ClaimListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    sort: Type.Optional(
      Type.Union(['createdAt', 'serviceDate', 'totalChargeCents', 'state'].map((s) => Type.Literal(s))),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    practiceId: Type.Optional(Id),
    state: Type.Optional(Type.Union(CLAIM_STATES.map((s) => Type.Literal(s)))),
    payerId: Type.Optional(Id),
    renderingProviderId: Type.Optional(Id),
    encounterId: Type.Optional(Id),
    minAgeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    hasFindings: Type.Optional(Type.Union(['errors', 'warnings', 'none'].map((s) => Type.Literal(s)))),
  },
  closed,
);

export const ClaimSummary = Type.Object({
  id: Id,
  practiceId: Id,
  patientControlNumber: Type.String(),
  patientName: Type.String(),
  payerId: Id,
  renderingProviderId: Id,
  state: Type.String(),
  frequencyCode: Type.String(),
  totalChargeCents: Type.Integer(),
  serviceDate: Nullable(Type.String()),
  errors: Type.Integer(),
  warnings: Type.Integer(),
});

const Finding = Type.Object({
  id: Id,
  code: Type.String(),
  severity: Type.String(),
  field: Type.String(),
  lines: Type.Array(Type.Integer()),
  message: Type.String(),
  fixHint: Type.String(),
  fix: Type.Unknown(),
  overridden: Type.Boolean(),
  overrideReason: Nullable(Type.String()),
  overriddenBy: Nullable(Type.Integer()),
  overriddenAt: Nullable(Type.String({ format: 'date-time' })),
});

/** A CAS adjustment: group code, CARC, amount in cents. */
const Adjustment = Type.Object({
  group: Type.String(),
  reason: Type.String(),
  amountCents: Type.Integer(),
  quantity: Type.Optional(Type.String()),
});

/** claim.cob: how the prior payers adjudicated the claim (src/claims/cob.ts), sent in loops 2320/2430. */
const ClaimCob = Type.Object({
  priorPayers: Type.Array(
    Type.Object({
      claimId: Type.Integer(),
      coverageId: Type.Integer(),
      payerResponsibility: Type.String(),
      adjudicationDate: Type.String(),
      payerClaimNumber: Type.Optional(Type.String()),
      paidCents: Type.Integer(),
      adjustments: Type.Array(Adjustment),
      patientResponsibilityCents: Type.Integer(),
      remarkCodes: Type.Optional(Type.Array(Type.String())),
      lines: Type.Array(
        Type.Object({
          lineNumber: Type.Integer(),
          procedure: Type.Optional(
            Type.Object({
              qualifier: Type.String(),
              code: Type.String(),
              modifiers: Type.Array(Type.String()),
            }),
          ),
          revenueCode: Type.Optional(Type.String()),
          paidCents: Type.Integer(),
          units: Type.String(),
          adjustments: Type.Array(Adjustment),
          remainingPatientLiabilityCents: Type.Integer(),
        }),
      ),
    }),
  ),
});

export const ClaimDetail = Type.Object({
  id: Id,
  practiceId: Id,
  encounterId: Id,
  patientId: Id,
  coverageId: Id,
  payerId: Id,
  renderingProviderId: Id,
  referringProviderId: Nullable(Type.Integer()),
  facilityId: Nullable(Type.Integer()),
  type: Type.String(),
  payerResponsibility: Type.String(),
  patientControlNumber: Type.String(),
  frequencyCode: Type.String(),
  originalClaimId: Nullable(Type.Integer()),
  payerClaimNumber: Nullable(Type.String()),
  placeOfService: Type.String(),
  priorAuthorization: Nullable(Type.String()),
  diagnoses: Type.Array(Type.String()),
  institutional: Nullable(InstitutionalData),
  /** A secondary (tertiary) claim's prior payers' adjudication; null on a primary claim. */
  cob: Nullable(ClaimCob),
  /** UB-04 FL6 statement covers period, as the 837I's DTP*434 carries it (institutional claims). */
  statement: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
  totalChargeCents: Type.Integer(),
  state: Type.String(),
  scrubbedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  lines: Type.Array(Type.Object({ ...ServiceLineFields, placeOfService: Nullable(Type.String()) })),
  findings: Type.Array(Finding),
  history: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
      userId: Nullable(Type.Integer()),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      reason: Type.String(),
      detail: Type.Unknown(),
      userName: Nullable(Type.String()),
    }),
  ),
});

export const ClaimUpdate = Type.Object(
  {
    placeOfService: Type.Optional(Type.String({ format: 'pos', maxLength: 2 })),
    priorAuthorization: Type.Optional(Type.Union([Text(50), Type.Null()])),
    diagnoses: Type.Optional(
      Type.Array(Type.String({ format: 'icd10cm-code', maxLength: 8 }), {
        minItems: 1,
        maxItems: MAX_INSTITUTIONAL_DIAGNOSES,
        uniqueItems: true,
      }),
    ),
    /** The UB-04 data of an institutional claim, replaced whole. */
    institutional: Type.Optional(InstitutionalData),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            lineNumber: Type.Integer({ minimum: 1 }),
            procedureCode: Type.Optional(Type.String({ format: 'procedure-code', maxLength: 5 })),
            revenueCode: Type.Optional(Type.String({ format: 'revenue-code', maxLength: 4 })),
            modifiers: Type.Optional(
              Type.Array(Type.String({ format: 'modifier', maxLength: 2 }), { maxItems: 4 }),
            ),
            units: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 9999 })),
            chargeCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 99_999_999 })),
            // Loop 2410: the drug's NDC, quantity (CTP04) and unit (CTP05-1); null clears them.
            ndc: Type.Optional(Nullable(Type.String({ format: 'ndc' }))),
            ndcQuantity: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 99_999_999 }))),
            ndcUnit: Type.Optional(Nullable(Type.Union(NDC_UNITS.map((u) => Type.Literal(u))))),
            diagnosisPointers: Type.Optional(
              Type.Array(Type.Integer({ minimum: 1, maximum: 12 }), {
                minItems: 1,
                maxItems: 4,
                uniqueItems: true,
              }),
            ),
          },
          closed,
        ),
        { maxItems: 50 },
      ),
    ),
  },
  closed,
);
