// The staff API's bodies, shared by the server's routes and the team page's forms.
import { Type } from '@sinclair/typebox';
import { closed, Id, IsoDate, Nullable, Text } from '../shared/schema.ts';

/** Coding and billing credentials a practice tracks (AAPC: CPC, COC, CPMA, CRC, CPB; AHIMA: CCS, RHIT, RHIA). */
export const CREDENTIALS = [
  'CPC',
  'COC',
  'CIC',
  'CCS',
  'CCS-P',
  'CPMA',
  'CRC',
  'CPB',
  'CCA',
  'RHIT',
  'RHIA',
  'CDIP',
  'CCDS',
];

export const StaffFields = {
  userId: Nullable(Id),
  name: Text(120),
  role: Text(20),
  jobTitle: Nullable(Type.String({ maxLength: 120 })),
  payType: Type.Union([Type.Literal('hourly'), Type.Literal('salaried')]),
  exempt: Type.Boolean(),
  rateCents: Nullable(Type.Integer({ minimum: 1, maximum: 100_000 })),
  annualSalaryCents: Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
  salariedHoursPerWeek: Nullable(Type.Integer({ minimum: 1, maximum: 40 })),
  state: Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2 }),
  remote: Type.Optional(Type.Boolean()),
  workSetting: Nullable(Type.String({ pattern: '^\\d{6}$', maxLength: 6 })),
  hireDate: IsoDate,
  endDate: Nullable(IsoDate),
};
export const CredentialFields = {
  credential: Text(16),
  specialty: Nullable(Type.String({ maxLength: 80 })),
  number: Nullable(Type.String({ maxLength: 40 })),
  issuedOn: Nullable(IsoDate),
  expiresOn: Nullable(IsoDate),
  ceuRequired: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  ceuEarned: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
};

export const StaffBody = Type.Object({ practiceId: Id, ...StaffFields }, closed);
export const CredentialBody = Type.Object({ practiceId: Id, ...CredentialFields }, closed);
