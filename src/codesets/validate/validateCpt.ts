/**
 * CPT: the AMA licenses CPT content, so nothing of it is shipped. Without an imported CPT data
 * file in force on the date of service a code is checked by its shape only; with one, the code
 * must be in that year's file (CARC 181: procedure code invalid on the date of service).
 */
import { problem } from '../problems.ts';
import { CPT_CODE } from '../cpt/cptFile.ts';
import { selectRelease } from '../release/release.ts';
import type { CodeListTable } from '../tables/codeListTable.ts';
import type { CodeCheck } from './codeCheck.ts';

export function validateCpt(
  code: string,
  rawCode: string,
  dos: string,
  lists: readonly CodeListTable[],
): CodeCheck {
  const base = { system: 'CPT' as const, code };
  if (!CPT_CODE.test(code))
    return {
      ...base,
      valid: false,
      problems: [
        problem(
          'CODE_FORMAT',
          { medicalCode: code },
          `"${rawCode}" is not a CPT code (5 digits, or 4 digits then F, T or U)`,
          'error',
          '181',
        ),
      ],
    };
  const file = selectRelease(
    lists.filter((l) => l.release.system === 'CPT'),
    dos,
  );
  if (!file)
    return {
      ...base,
      valid: true,
      problems: [
        problem(
          'CPT_FORMAT_ONLY',
          { medicalCode: code },
          'valid by format, no description (licensed file not imported): CPT existence and dates are not verified',
          'info',
        ),
      ],
    };
  const release = file.release.version;
  const description = file.codes.get(code);
  if (description === undefined)
    return {
      ...base,
      valid: false,
      release,
      problems: [
        problem(
          'CODE_UNKNOWN',
          { medicalCode: code },
          `${code} is not in the CPT ${release} data file imported`,
          'error',
          '181',
        ),
      ],
    };
  return { ...base, valid: true, billable: true, description, release, problems: [] };
}
