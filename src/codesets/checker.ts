import type { CodeChecker, CodeAnswer } from '../scrubber/context.ts';
import { ageOn } from '../shared/dates.ts';
import { editClaimDiagnoses } from './edits/claimEdits.ts';
import { selectRelease, type CodeSystem } from './release/release.ts';
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
    message: check.valid ? 'valid' : (first?.message ?? 'not valid'),
  };
}

const CACHE_LIMIT = 200_000;

/**
 * The scrubber's view of the imported code sets. Answers are remembered per code and date of
 * service: a day's claims repeat the same codes, and the tables never change under a checker.
 */
export function codeCheckerFor(tables: CodeTables): CodeChecker {
  const cache = new Map<string, CodeAnswer>();
  const edits = new Map<string, (ReturnType<CodeChecker['diagnosisEdits']>[number] & { kind: string })[]>();
  const check = (system: CodeSystem, code: string, dos: string) => {
    const key = `${system}|${code}|${dos}`;
    let hit = cache.get(key);
    if (!hit) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      hit = answer(validateCode(system, code, dos, tables));
      cache.set(key, hit);
    }
    return hit;
  };
  return {
    diagnosis: (code, dos) => check('ICD-10-CM', code, dos),
    procedure: (code, dos) => check(CPT.test(code) ? 'CPT' : 'HCPCS', code, dos),
    modifier: (code, dos) => check('HCPCS', code, dos),
    diagnosisEdits: (diagnoses, patient, dos) => {
      const sex = patient.sex === 'M' || patient.sex === 'F' ? patient.sex : 'U';
      const ageYears = patient.dateOfBirth ? ageOn(patient.dateOfBirth, dos) : -1;
      const run = (codes: string[]) => {
        const key = `${codes.join(',')}|${sex}|${ageYears}|${dos}`;
        let hit = edits.get(key);
        if (!hit) {
          if (edits.size >= CACHE_LIMIT) edits.clear();
          hit = editClaimDiagnoses({ diagnoses: codes, dos, patient: { sex, ageYears } }, tables.icd10cm)
            .filter((p) => p.severity !== 'info')
            .map((p) => ({
              code: p.medicalCode ?? codes[0] ?? '',
              message: p.message,
              kind: p.code,
              severity: p.severity === 'error' ? ('error' as const) : ('warning' as const),
            }));
          edits.set(key, hit);
        }
        return hit;
      };
      // Without tabular notes no edit looks at two codes together: check each code once and
      // remember it (a day's claims repeat codes far more than combinations).
      if (selectRelease(tables.icd10cm, dos)?.tabular) return run(diagnoses).map(({ kind: _k, ...e }) => e);
      return diagnoses.flatMap((code, i) =>
        run([code])
          .filter((e) => i === 0 || e.kind !== 'MANIFESTATION_FIRST')
          .map(({ kind: _k, ...e }) => e),
      );
    },
    placeOfService: (code) => {
      const list = newestList(tables.lists ?? [], 'POS');
      return list ? list.codes.has(code) : /^\d{2}$/.test(code);
    },
    typeOfBill: (code) => {
      const list = newestList(tables.lists ?? [], 'TYPE-OF-BILL');
      return list ? list.codes.has(code) : true;
    },
    inpatientProcedure: (code, date) => check('ICD-10-PCS', code, date),
    poaExempt: (code, dos) => selectRelease(tables.icd10cm, dos)?.poaExempt?.has(code.replace('.', '')),
  };
}
