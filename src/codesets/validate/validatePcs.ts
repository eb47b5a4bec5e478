/**
 * ICD-10-PCS: a code is valid only when one row of its table allows its axis values together
 * (ICD-10-PCS Official Guidelines A.4-A.6: all seven characters from the same row). Without
 * imported tables the order file of the fiscal year decides.
 */
import { problem } from '../problems.ts';
import { selectRelease } from '../release/release.ts';
import type { PcsCodeTable } from '../tables/pcsTable.ts';
import { pcsRowCheck } from '../tables/pcsTable.ts';
import { PCS_FORMAT } from '../icd10cm/code.ts';
import type { CodeCheck } from './codeCheck.ts';

export function validatePcs(code: string, dos: string, releases: readonly PcsCodeTable[]): CodeCheck {
  const base = { system: 'ICD-10-PCS' as const, code };
  const where = { medicalCode: code };
  if (!PCS_FORMAT.test(code)) {
    return {
      ...base,
      valid: false,
      problems: [
        problem(
          'CODE_FORMAT',
          where,
          `"${code}" is not an ICD-10-PCS code (7 characters, digits and letters except I and O)`,
        ),
      ],
    };
  }
  const table = selectRelease(releases, dos);
  if (!table)
    return {
      ...base,
      valid: false,
      problems: [
        problem('NO_RELEASE', where, `no ICD-10-PCS release loaded covers the date of service ${dos}`),
      ],
    };
  const release = table.release.version;
  const entry = table.codes.get(code);
  const description = entry?.longDescription;
  const why = table.tables
    ? pcsRowCheck(table.tables, code)
    : entry?.billable
      ? undefined
      : `${code} is not in the ICD-10-PCS FY${release} order file`;
  if (why) return { ...base, valid: false, release, problems: [problem('PCS_AXIS_INVALID', where, why)] };
  return description === undefined
    ? { ...base, valid: true, billable: true, release, problems: [] }
    : { ...base, valid: true, billable: true, description, release, problems: [] };
}
