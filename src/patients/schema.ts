import { Type } from '@sinclair/typebox';
import {
  AddressFields,
  closed,
  Formatted,
  Id,
  IsoDate,
  Nullable,
  RowFields,
  Text,
} from '../shared/schema.ts';

export const SEXES = ['M', 'F', 'U'] as const;
const Sex = Type.Union(SEXES.map((s) => Type.Literal(s)));

export const PatientFields = {
  accountNumber: Text(38, { pattern: '^[A-Za-z0-9-]+$' }),
  firstName: Text(35),
  lastName: Text(60),
  middleName: Nullable(Text(25)),
  dateOfBirth: IsoDate,
  sex: Sex,
  ...AddressFields,
  phone: Nullable(Formatted('phone', 10)),
  email: Nullable(Text(100, { format: 'email' })),
  guarantorRelationship: Type.Optional(
    Type.Union(['self', 'spouse', 'parent', 'other'].map((r) => Type.Literal(r))),
  ),
  guarantorFirstName: Nullable(Text(35)),
  guarantorLastName: Nullable(Text(60)),
  guarantorPhone: Nullable(Formatted('phone', 10)),
};
export const PatientCreate = Type.Object({ practiceId: Id, ...PatientFields }, closed);
export const PatientUpdate = Type.Partial(Type.Object(PatientFields), closed);
export const Patient = Type.Object({ ...RowFields, ...PatientFields });

/** Individual relationship code (SBR02 / PAT01): 18 self, 01 spouse, 19 child, 20 employee, G8 other. */
export const RELATIONSHIPS = {
  '18': 'Self',
  '01': 'Spouse',
  '19': 'Child',
  '20': 'Employee',
  G8: 'Other relationship',
} as const;
export const PRIORITIES = ['primary', 'secondary', 'tertiary'] as const;

export const CoverageFields = {
  patientId: Id,
  payerId: Id,
  priority: Type.Union(PRIORITIES.map((p) => Type.Literal(p))),
  memberId: Text(80, { pattern: '^[A-Za-z0-9-]+$' }),
  groupNumber: Nullable(Text(50)),
  planName: Nullable(Text(60)),
  relationship: Type.Union(Object.keys(RELATIONSHIPS).map((r) => Type.Literal(r))),
  subscriberFirstName: Text(35),
  subscriberLastName: Text(60),
  subscriberDateOfBirth: Nullable(IsoDate),
  subscriberSex: Nullable(Sex),
  effectiveDate: IsoDate,
  terminationDate: Nullable(IsoDate),
};
export const CoverageCreate = Type.Object({ practiceId: Id, ...CoverageFields }, closed);
export const CoverageUpdate = Type.Partial(Type.Object(CoverageFields), closed);
export const Coverage = Type.Object({ ...RowFields, ...CoverageFields });
