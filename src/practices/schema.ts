import { Type, type Static } from '@sinclair/typebox';
import {
  AddressFields,
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

export const PracticeFields = {
  name: Text(60),
  npi: Formatted('npi', 10),
  tin: Formatted('tin', 11),
  taxonomy: Formatted('taxonomy', 10),
  ...AddressFields,
  payToAddress1: Nullable(Text(55)),
  payToCity: Nullable(Text(30)),
  payToState: Nullable(Formatted('us-state', 2)),
  payToZip: Nullable(Formatted('zip', 9)),
  contactName: Nullable(Text(60)),
  phone: Nullable(Formatted('phone', 10)),
  email: Nullable(Text(100, { format: 'email' })),
};
export const PracticeCreate = Type.Object(PracticeFields, closed);
export const PracticeUpdate = Type.Partial(Type.Object(PracticeFields), closed);
export const Practice = Type.Object({
  id: Id,
  ...PracticeFields,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PROVIDER_KINDS = ['rendering', 'referring', 'supervising'] as const;
export const ProviderFields = {
  firstName: Text(35),
  lastName: Text(60),
  middleName: Nullable(Text(25)),
  credentials: Nullable(Text(20)),
  npi: Formatted('npi', 10),
  taxonomy: Nullable(Formatted('taxonomy', 10)),
  kinds: Type.Array(Type.Union(PROVIDER_KINDS.map((k) => Type.Literal(k))), {
    minItems: 1,
    maxItems: 3,
    uniqueItems: true,
  }),
  active: Type.Optional(Type.Boolean()),
};
export const ProviderCreate = Type.Object({ practiceId: Id, ...ProviderFields }, closed);
export const ProviderUpdate = Type.Partial(Type.Object(ProviderFields), closed);
export const Provider = Type.Object({ ...RowFields, ...ProviderFields });

export const FacilityFields = {
  name: Text(60),
  npi: Nullable(Formatted('npi', 10)),
  ...AddressFields,
  placeOfService: Formatted('pos', 2),
};
export const FacilityCreate = Type.Object({ practiceId: Id, ...FacilityFields }, closed);
export const FacilityUpdate = Type.Partial(Type.Object(FacilityFields), closed);
export const Facility = Type.Object({ ...RowFields, ...FacilityFields });

export const FeeFields = {
  procedureCode: Formatted('procedure-code', 5),
  modifier: Nullable(Formatted('modifier', 2)),
  chargeCents: Cents,
  effectiveDate: IsoDate,
  endDate: Nullable(IsoDate),
};
export const FeeCreate = Type.Object({ practiceId: Id, ...FeeFields }, closed);
export const FeeUpdate = Type.Partial(Type.Object(FeeFields), closed);
export const Fee = Type.Object({ ...RowFields, ...FeeFields });

export type PracticeInput = Static<typeof PracticeCreate>;
