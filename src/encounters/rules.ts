import type { FieldError } from '../server/problem.ts';
import { dateOrderErrors, notInFutureErrors } from '../shared/checks.ts';
import type { ServiceLineInputT } from './schema.ts';

export interface EncounterShape {
  serviceDateFrom: string;
  serviceDateTo?: string | undefined;
  diagnoses: string[];
  serviceLines: ServiceLineInputT[];
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
