/** A service line as the coder enters it. */
export interface CodedLine {
  procedureCode: string;
  modifiers?: string[];
  units: number;
  diagnosisPointers: number[];
}

export interface CodeChange {
  kind: 'code-add' | 'code-remove';
  system: 'ICD-10-CM' | 'CPT/HCPCS' | 'ICD-10-PCS';
  code: string;
}

/** The codes added and removed between two versions of a visit's codes (productivity counts them). Pure. */
interface VisitCodes {
  diagnoses: string[];
  serviceLines: { procedureCode: string }[];
  /** ICD-10-PCS procedures of an inpatient stay. */
  procedures?: { code: string }[];
}

export function codeChanges(before: VisitCodes, after: VisitCodes): CodeChange[] {
  const diff = (was: string[], now: string[], system: CodeChange['system']): CodeChange[] => {
    const left = [...was];
    const added: CodeChange[] = [];
    for (const code of now) {
      const at = left.indexOf(code);
      if (at >= 0) left.splice(at, 1);
      else added.push({ kind: 'code-add', system, code });
    }
    return [...added, ...left.map((code): CodeChange => ({ kind: 'code-remove', system, code }))];
  };
  return [
    ...diff(before.diagnoses, after.diagnoses, 'ICD-10-CM'),
    ...diff(
      before.serviceLines.map((l) => l.procedureCode),
      after.serviceLines.map((l) => l.procedureCode),
      'CPT/HCPCS',
    ),
    ...diff(
      (before.procedures ?? []).map((p) => p.code),
      (after.procedures ?? []).map((p) => p.code),
      'ICD-10-PCS',
    ),
  ];
}
