import type { CodeChecker, CodeAnswer } from '../scrubber/context.ts';
import { ageOn } from '../shared/dates.ts';
import { editClaimDiagnoses } from './edits/claimEdits.ts';
import type { CodeSystem } from './release/release.ts';
import { newestList } from './tables/codeListTable.ts';
import type { CodeTables } from './tables/codeTables.ts';
import type { CodeCheck } from './validate/codeCheck.ts';
import { validateCode } from './validate/validateCode.ts';

const CPT = /^\d{4}[0-9FTU]$/;

function answer(check: CodeCheck): CodeAnswer {
  const first = check.problems.find((p) => p.severity === 'error') ?? check.problems[0];
  return {
    loaded: !check.problems.some((p) => p.code === 'NO_RELEASE'),
    valid: check.valid,
    message: check.valid ? 'valid' : (first?.why ?? 'not valid'),
  };
}

/** The scrubber's view of the imported code sets. */
export function codeCheckerFor(tables: CodeTables): CodeChecker {
  const check = (system: CodeSystem, code: string, dos: string) =>
    answer(validateCode(system, code, dos, tables));
  return {
    diagnosis: (code, dos) => check('ICD-10-CM', code, dos),
    procedure: (code, dos) => check(CPT.test(code) ? 'CPT' : 'HCPCS', code, dos),
    modifier: (code, dos) => check('HCPCS', code, dos),
    diagnosisEdits: (diagnoses, patient, dos) => {
      const sex = patient.sex === 'M' || patient.sex === 'F' ? patient.sex : 'U';
      const ageYears = patient.dateOfBirth ? ageOn(patient.dateOfBirth, dos) : -1;
      return editClaimDiagnoses({ diagnoses, dos, patient: { sex, ageYears } }, tables.icd10cm)
        .filter((p) => p.severity === 'error')
        .map((p) => ({ code: p.where.code ?? diagnoses[0] ?? '', message: p.why }));
    },
    placeOfService: (code) => {
      const list = newestList(tables.lists ?? [], 'POS');
      return list ? list.codes.has(code) : /^\d{2}$/.test(code);
    },
  };
}
