/**
 * Never code from the index alone (ICD-10-CM Official Guidelines I.A.1, I.B.1; ICD-10-PCS
 * Guidelines A.4): every code the index gives is checked against the tabular (order file and
 * tables) of the date of service. ICD-10-CM codes go through validateCode, which answers headers
 * with the billable codes beneath and missing 7th characters with their choices. An ICD-10-PCS
 * code prefix or table is answered with the valid codes of the table that begin with it. Pure.
 */
import { dottedCm } from '../icd10cm/code.ts';
import { problem } from '../problems.ts';
import { selectRelease } from '../release/release.ts';
import { codesUnder } from '../tables/cmTable.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import type { CodeCheck } from '../validate/codeCheck.ts';
import { MAX_COMPLETIONS } from '../validate/codeCheck.ts';
import { validateCode } from '../validate/validateCode.ts';
import type { IndexBook, IndexCodeRef } from './indexBook.ts';

export interface VerifiedCode extends IndexCodeRef {
  /** as a coder writes it; a trailing "-" when it must be completed (J45.21, T39.1X1-, 0DTJ-) */
  display: string;
  /** not reportable as given: a header, a missing 7th character, or a PCS prefix */
  needsCompletion: boolean;
  check: CodeCheck;
}

function verifyPcsPrefix(prefix: string, dos: string, tables: CodeTables): CodeCheck {
  const base = { system: 'ICD-10-PCS' as const, code: prefix, valid: false };
  const pcs = selectRelease(tables.icd10pcs, dos);
  if (!pcs)
    return {
      ...base,
      problems: [problem('NO_RELEASE', { medicalCode: prefix }, `no ICD-10-PCS release covers ${dos}`)],
    };
  const valid = codesUnder(pcs, prefix).filter((c) => pcs.codes.get(c)?.billable);
  const table = pcs.tables?.get(prefix.slice(0, 3));
  const release = pcs.release.version;
  if (valid.length === 0)
    return {
      ...base,
      release,
      problems: [
        problem(
          'CODE_UNKNOWN',
          { medicalCode: prefix },
          `no ICD-10-PCS FY${release} code begins with ${prefix}: the index entry is older than the tables`,
        ),
      ],
    };
  return {
    ...base,
    release,
    ...(table ? { description: `Table ${prefix.slice(0, 3)}: ${table.header.join(', ')}` } : {}),
    completions: valid.slice(0, MAX_COMPLETIONS).map((code) => ({
      code,
      description: pcs.codes.get(code)?.longDescription ?? '',
    })),
    completionCount: valid.length,
    problems: [
      problem(
        'CODE_PARTIAL',
        { medicalCode: prefix },
        `${prefix} is the start of a code: build the remaining ${7 - prefix.length} characters from table ${prefix.slice(0, 3)} (${valid.length} valid codes)`,
      ),
    ],
  };
}

export function verifyIndexCode(
  book: Pick<IndexBook, 'system'>,
  ref: IndexCodeRef,
  dos: string,
  tables: CodeTables,
): VerifiedCode {
  const isPcsPrefix = book.system === 'ICD-10-PCS' && ref.code.length < 7;
  const check = isPcsPrefix
    ? verifyPcsPrefix(ref.code, dos, tables)
    : validateCode(book.system, ref.code, dos, tables);
  const needsCompletion =
    ref.partial || check.problems.some((p) => p.code === 'CODE_HEADER' || p.code === 'CODE_NEEDS_7TH');
  const written = book.system === 'ICD-10-CM' ? dottedCm(ref.code) : ref.code;
  return { ...ref, display: needsCompletion ? `${written}-` : written, needsCompletion, check };
}
