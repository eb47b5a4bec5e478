// An inpatient stay as a coder codes it: admission and discharge dates and the ICD-10-PCS
// procedures with their dates, the principal procedure first (the principal diagnosis is the
// visit's first diagnosis). They are stored where the claim reads them, the encounter's UB-04 data,
// so what is coded is what is scrubbed and sent (837I HI*BBR, HI*BBQ). Pure.
import type { loadEncounter } from '../encounters/index.ts';
import type { CodedVisit, Finding } from '../scrubber/index.ts';
import type { FieldError } from '../shared/problem.ts';

export interface PcsProcedure {
  code: string;
  date: string;
}

export interface StayCoding {
  admissionDate: string;
  dischargeDate: string;
  /** ICD-10-PCS, principal first (UB-04 FL74). */
  procedures: PcsProcedure[];
  /** Present on admission per diagnosis, in diagnosis order (FL67): Y, N, U, W, 1 or '' (exempt). */
  presentOnAdmission?: string[];
}

type Visit = NonNullable<Awaited<ReturnType<typeof loadEncounter>>>;
type Institutional = NonNullable<Visit['institutional']>;
type ScrubStay = NonNullable<CodedVisit['institutional']>;
type Poa = NonNullable<Institutional['presentOnAdmission']>[number];

/**
 * A stay coded on a visit the facility had not billed as one yet becomes an inpatient bill
 * (111, admit through discharge), discharged home (01) until billing records otherwise.
 */
const NEW_STAY = { billType: '111', patientStatus: '01' } as const;

/** What is wrong with the stay as entered, pointing into the coder's input. */
export function stayErrors(stay: StayCoding): FieldError[] {
  const errors: FieldError[] = [];
  if (stay.dischargeDate < stay.admissionDate)
    errors.push({
      pointer: '/inpatient/dischargeDate',
      detail: `is before the admission date ${stay.admissionDate}`,
    });
  const seen = new Set<string>();
  stay.procedures.forEach((p, i) => {
    const key = `${p.code}|${p.date}`;
    if (seen.has(key))
      errors.push({
        pointer: `/inpatient/procedures/${i}`,
        detail: `${p.code} on ${p.date} is listed twice`,
      });
    seen.add(key);
  });
  return errors;
}

/** The encounter's new dates and UB-04 data for a coded stay: the statement period is the stay. */
export function stayChanges(institutional: Institutional | null | undefined, stay: StayCoding) {
  return {
    serviceDateFrom: stay.admissionDate,
    serviceDateTo: stay.dischargeDate,
    institutional: {
      ...(institutional ?? NEW_STAY),
      admissionDate: stay.admissionDate,
      procedures: stay.procedures.map((p) => ({ code: p.code.toUpperCase(), date: p.date })),
      ...(stay.presentOnAdmission ? { presentOnAdmission: stay.presentOnAdmission as Poa[] } : {}),
    },
  };
}

/** The UB-04 data the coding checks read (the claim's institutional part, before billing adds its parties). */
export function scrubStay(inst: Institutional, from: string, to: string): ScrubStay {
  return {
    billType: inst.billType,
    statementFrom: from,
    statementTo: to,
    ...(inst.admissionDate ? { admissionDate: inst.admissionDate } : {}),
    ...(inst.admittingDiagnosis ? { admittingDiagnosis: inst.admittingDiagnosis } : {}),
    ...(inst.presentOnAdmission ? { presentOnAdmission: inst.presentOnAdmission } : {}),
    procedures: inst.procedures ?? [],
  };
}

/**
 * A stay's procedures decide what it is paid (its DRG): the coder does not send them unchecked.
 * "Not loaded" (no ICD-10-PCS code set for the discharge date) is a warning a biller may override
 * on the claim, but an error on the coding screen.
 */
export function procedureFindings(findings: Finding[], procedures: number, codesLoaded: boolean): Finding[] {
  const promoted = findings.map((f) =>
    f.code === 'CODES-NOT-LOADED' && f.field === '/institutional/procedures'
      ? { ...f, severity: 'error' as const }
      : f,
  );
  if (codesLoaded || procedures === 0) return promoted;
  return [
    ...promoted,
    {
      code: 'CODES-NOT-LOADED',
      severity: 'error',
      field: '/institutional/procedures',
      lines: [],
      message: 'No ICD-10-PCS code set is loaded: the procedures of this stay cannot be checked',
      fixHint:
        'Import the ICD-10-PCS release in effect on the discharge date (cleanclaim codesets import DIR).',
    },
  ];
}
