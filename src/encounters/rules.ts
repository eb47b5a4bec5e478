import type { FieldError } from '../shared/problem.ts';
import { dateOrderErrors, notInFutureErrors } from '../shared/checks.ts';
import type { InstitutionalData } from './institutional.ts';
import { MAX_DIAGNOSES, type ServiceLineInputT } from './schema.ts';

export interface EncounterShape {
  serviceDateFrom: string;
  serviceDateTo?: string | undefined;
  diagnoses: string[];
  serviceLines: ServiceLineInputT[];
  institutional?: InstitutionalData | null | undefined;
}

/** What the claim form needs on each line: CMS-1500 lines a procedure and a pointer, UB-04 lines a revenue code. */
function claimFormErrors(e: EncounterShape): FieldError[] {
  const errors: FieldError[] = [];
  const facility = Boolean(e.institutional);
  if (!facility && e.diagnoses.length > MAX_DIAGNOSES)
    errors.push({
      pointer: '/diagnoses',
      detail: `a professional claim carries at most ${MAX_DIAGNOSES} diagnoses (837P HI)`,
    });
  e.serviceLines.forEach((line, i) => {
    if (facility && !line.revenueCode)
      errors.push({ pointer: `/serviceLines/${i}/revenueCode`, detail: 'a UB-04 line needs a revenue code' });
    if (!facility && !line.procedureCode)
      errors.push({ pointer: `/serviceLines/${i}/procedureCode`, detail: 'is required' });
    if (!facility && line.diagnosisPointers.length === 0)
      errors.push({
        pointer: `/serviceLines/${i}/diagnosisPointers`,
        detail: 'point the line at least at one diagnosis',
      });
  });
  const poa = e.institutional?.presentOnAdmission ?? [];
  if (poa.length > e.diagnoses.length)
    errors.push({
      pointer: '/institutional/presentOnAdmission',
      detail: `has ${poa.length} indicators for ${e.diagnoses.length} diagnoses`,
    });
  const admitted = e.institutional?.admissionDate;
  if (admitted && admitted > e.serviceDateFrom)
    errors.push({
      pointer: '/institutional/admissionDate',
      detail: 'is after the first date of service (statement from date)',
    });
  return errors;
}

/** Rules across fields of an encounter: dates in order and not in the future, pointers that point somewhere. */
export function encounterErrors(e: EncounterShape, today: string): FieldError[] {
  const to = e.serviceDateTo ?? e.serviceDateFrom;
  const errors = [
    ...dateOrderErrors(
      { serviceDateFrom: e.serviceDateFrom, serviceDateTo: to },
      'serviceDateFrom',
      'serviceDateTo',
    ),
    ...notInFutureErrors(
      { serviceDateFrom: e.serviceDateFrom, serviceDateTo: to },
      ['serviceDateFrom', 'serviceDateTo'],
      today,
    ),
    ...claimFormErrors(e),
  ];
  e.serviceLines.forEach((line, i) => {
    for (const pointer of line.diagnosisPointers) {
      if (pointer > e.diagnoses.length) {
        errors.push({
          pointer: `/serviceLines/${i}/diagnosisPointers`,
          detail: `points at diagnosis ${pointer}, but the encounter has ${e.diagnoses.length}`,
        });
      }
    }
    const date = line.serviceDate;
    if (date && (date < e.serviceDateFrom || date > to)) {
      errors.push({
        pointer: `/serviceLines/${i}/serviceDate`,
        detail: `is outside the encounter's dates of service (${e.serviceDateFrom} to ${to})`,
      });
    }
  });
  return errors;
}
