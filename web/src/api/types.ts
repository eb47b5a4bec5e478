import type { Static } from '@sinclair/typebox';
import type { SessionInfo, User as UserSchema } from '../../../src/auth/schema.ts';
import type {
  Encounter as EncounterSchema,
  EncounterSummary as SummarySchema,
} from '../../../src/encounters/schema.ts';
import type { Coverage as CoverageSchema, Patient as PatientSchema } from '../../../src/patients/schema.ts';
import type { Payer as PayerSchema } from '../../../src/payers/schema.ts';
import type {
  Facility as FacilitySchema,
  Fee as FeeSchema,
  Practice as PracticeSchema,
  Provider as ProviderSchema,
} from '../../../src/practices/schema.ts';
import type { JobRow } from '../../../src/jobs/store.ts';

// The API's shapes, taken from the server's schemas so the two cannot drift.
export type Session = Static<typeof SessionInfo>;
export type SessionUser = Session['user'];
export type User = Static<typeof UserSchema>;
export type Practice = Static<typeof PracticeSchema>;
export type Provider = Static<typeof ProviderSchema>;
export type Facility = Static<typeof FacilitySchema>;
export type Fee = Static<typeof FeeSchema>;
export type Payer = Static<typeof PayerSchema>;
export type Patient = Static<typeof PatientSchema>;
export type Coverage = Static<typeof CoverageSchema>;
export type Encounter = Static<typeof EncounterSchema>;
export type EncounterSummary = Static<typeof SummarySchema>;
export type Job = JobRow;

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEvent {
  id: number;
  at: string;
  userId: number | null;
  userEmail: string | null;
  practiceId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  ip: string | null;
}
