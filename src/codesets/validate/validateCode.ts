/**
 * validateCode(system, code, dos, tables): is this code reportable on this date of service?
 * Pure: the tables and the date are passed in. Each system's rule lives in its own file.
 */
import { problem } from '../problems.ts';
import type { CodeSystem } from '../release/release.ts';
import { isIsoDate } from '../release/release.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import type { CodeCheck } from './codeCheck.ts';
import { validateCm } from './validateCm.ts';
import { validatePcs } from './validatePcs.ts';
import { validateHcpcs } from './validateHcpcs.ts';
import { validateCpt } from './validateCpt.ts';
import { normalizeCode } from '../icd10cm/code.ts';
import { newestList } from '../tables/codeListTable.ts';
import type { CodeListTable } from '../tables/codeListTable.ts';

export function validateCode(
  system: CodeSystem,
  rawCode: string,
  dos: string,
  tables: CodeTables,
): CodeCheck {
  const code = normalizeCode(rawCode);
  if (!isIsoDate(dos)) throw new Error(`validateCode: date of service "${dos}" is not YYYY-MM-DD`);
  switch (system) {
    case 'ICD-10-CM':
      return validateCm(code, dos, tables.icd10cm);
    case 'ICD-10-PCS':
      return validatePcs(code, dos, tables.icd10pcs);
    case 'HCPCS':
      return validateHcpcs(code, dos, tables.hcpcs);
    case 'CPT':
      return validateCpt(code, rawCode, dos, tables.lists ?? []);
    default:
      return validateListCode(system, code, tables.lists ?? []);
  }
}

function validateListCode(system: CodeSystem, code: string, lists: readonly CodeListTable[]): CodeCheck {
  const table = newestList(lists, system);
  if (!table)
    return {
      system,
      code,
      valid: false,
      problems: [problem('NO_RELEASE', { medicalCode: code }, `no ${system} code list is loaded`)],
    };
  const description = table.codes.get(code);
  if (description === undefined) {
    return {
      system,
      code,
      valid: false,
      release: table.release.version,
      problems: [
        problem(
          'CODE_UNKNOWN',
          { medicalCode: code },
          `${code} is not an assigned ${system} code in list ${table.release.version}`,
        ),
      ],
    };
  }
  return { system, code, valid: true, description, release: table.release.version, problems: [] };
}
