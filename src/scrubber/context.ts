import type { LastCheck } from '../eligibility/index.ts';
import type { FeeEntry } from '../practices/fee-schedule.ts';
import type { MueTable, PtpTable } from './ncci/index.ts';

/** The answer of the code sets for one code on a date of service. */
export interface CodeAnswer {
  /** False when no release of that code system is loaded for the date. */
  loaded: boolean;
  valid: boolean;
  message: string;
}

/** What the code-set module answers for the scrubber (implemented over the imported releases). */
export interface CodeChecker {
  diagnosis(code: string, dateOfService: string): CodeAnswer;
  procedure(code: string, dateOfService: string): CodeAnswer;
  modifier(code: string, dateOfService: string): CodeAnswer;
  /** Excludes1, manifestation, sex and age edits across the claim's diagnoses. */
  diagnosisEdits(
    diagnoses: string[],
    patient: { sex?: string; dateOfBirth?: string },
    dateOfService: string,
  ): { code: string; message: string; severity: 'error' | 'warning' }[];
  placeOfService(code: string): boolean;
  /** A NUBC type of bill (with its frequency digit), e.g. 111, 131; true when no list is loaded. */
  typeOfBill(code: string): boolean;
  /** An ICD-10-PCS code valid on the date of the procedure. */
  inpatientProcedure(code: string, date: string): CodeAnswer;
  /** True when the diagnosis is on CMS's POA-exempt list in effect on the date; undefined when no list is loaded. */
  poaExempt(code: string, dateOfService: string): boolean | undefined;
}

/** A payer requirement declared as data (stored per practice, edited in the UI). */
export type PayerRule =
  | { kind: 'prior-auth-required'; payerId: string; procedureCodes: string[]; note?: string }
  | { kind: 'rendering-taxonomy-required'; payerId: string; note?: string }
  | { kind: 'clia-required'; payerId: string; procedureCodes: string[]; note?: string }
  /** The drug HCPCS codes the payer wants an NDC (2410 LIN/CTP) with; none listed: every J code. */
  | { kind: 'ndc-required'; payerId: string; procedureCodes: string[]; note?: string };

export interface ScrubContext {
  /** Today's date (YYYY-MM-DD): passed in so the rules stay pure. */
  today: string;
  codes?: CodeChecker;
  feeSchedule?: FeeEntry[];
  /** Keys of services already submitted: patient|rendering NPI|date|procedure (see duplicateKey). */
  submittedServices?: Set<string>;
  payerRules?: PayerRule[];
  /** NCCI procedure-to-procedure edits and MUEs for the claim's setting, when imported. */
  ncci?: { ptp?: PtpTable; mue?: MueTable };
  /** MPFS global days by procedure code (0, 10 or 90), when imported. */
  globalDays?: Map<string, number>;
  /** Earlier procedures of the same patient: for global period checks. */
  priorProcedures?: { procedureCode: string; serviceDate: string; modifiers: string[] }[];
  /**
   * The last 271 answer for the claim's coverage, and how recent the payer wants a check to be
   * (its eligibilityCheckDays; null: no check required, only the answers given are judged).
   */
  eligibility?: { last?: LastCheck; maxAgeDays: number | null };
}
