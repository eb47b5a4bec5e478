import type { Static } from '@sinclair/typebox';
import type { SessionInfo, User as UserSchema } from '../../../src/auth/schema.ts';
import type {
  Encounter as EncounterSchema,
  EncounterSummary as SummarySchema,
} from '../../../src/encounters/schema.ts';
import type { Coverage as CoverageSchema, Patient as PatientSchema } from '../../../src/patients/schema.ts';
import type { Payer as PayerSchema, PayerFee as PayerFeeSchema } from '../../../src/payers/schema.ts';
import type {
  Facility as FacilitySchema,
  Fee as FeeSchema,
  Practice as PracticeSchema,
  Provider as ProviderSchema,
} from '../../../src/practices/schema.ts';
import type { JobRow } from '../../../src/jobs/store.ts';
import type {
  ClaimDetail as ClaimDetailSchema,
  ClaimSummary as ClaimSummarySchema,
} from '../../../src/claims/schema.ts';
import type { PayerRuleItem as PayerRuleSchema } from '../../../src/scrubber/schema.ts';
import type { SearchHit } from '../../../src/codesets/search/query.ts';
import type { ReleaseNotInForce } from '../../../src/codesets/release/notInForce.ts';
import type { CodeView as CodeViewType } from '../../../src/codesets/show.ts';

// The API's shapes, taken from the server's schemas so the two cannot drift.
export type Session = Static<typeof SessionInfo>;
export type SessionUser = Session['user'];
export type User = Static<typeof UserSchema>;
export type Practice = Static<typeof PracticeSchema>;
export type Provider = Static<typeof ProviderSchema>;
export type Facility = Static<typeof FacilitySchema>;
export type Fee = Static<typeof FeeSchema>;
export type Payer = Static<typeof PayerSchema>;
export type ContractedRate = Static<typeof PayerFeeSchema>;
export type Patient = Static<typeof PatientSchema>;
export type Coverage = Static<typeof CoverageSchema>;
export type Encounter = Static<typeof EncounterSchema>;
export type EncounterSummary = Static<typeof SummarySchema>;
export type Job = JobRow;
export type ClaimSummary = Static<typeof ClaimSummarySchema>;
type ClaimDetailT = Static<typeof ClaimDetailSchema>;
/** A scrubber finding on a stored claim; fix is the one-click fix the server can apply, when certain. */
export type Finding = Omit<ClaimDetailT['findings'][number], 'fix'> & {
  fix?: { field: string; value: unknown } | null;
};
export type Claim = Omit<ClaimDetailT, 'findings'> & { findings: Finding[] };
export type ClaimLine = Claim['lines'][number];
export type PayerRule = Static<typeof PayerRuleSchema>;
export type CodeHit = SearchHit;
/** A searched code set with no release in force on the date of service (GET /api/codes/search). */
export type CodeSetNotLoaded = ReleaseNotInForce;
export type CodeView = CodeViewType;

/** One imported code set release (GET /api/codesets). */
export interface CodeRelease {
  system: string;
  version: string;
  effectiveFrom: string;
  effectiveThrough: string | null;
  counts: Record<string, number>;
  importedAt: string;
  files: unknown;
}

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
