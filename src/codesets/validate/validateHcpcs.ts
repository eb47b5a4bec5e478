/**
 * HCPCS Level II: the code must exist in the quarterly file in force on the date of service and
 * be active then (added on or before it, terminated on or after it). A 2-character code is
 * checked as a modifier. When no loaded file is that old, the earliest file's dates are used
 * and the answer carries a warning.
 */
import { problem } from '../problems.ts';
import type { CodesetProblem } from '../problems.ts';
import { selectRelease } from '../release/release.ts';
import type { HcpcsTable } from '../tables/hcpcsTable.ts';
import { hcpcsActiveOn } from '../tables/hcpcsTable.ts';
import type { CodeCheck } from './codeCheck.ts';

export function validateHcpcs(code: string, dos: string, releases: readonly HcpcsTable[]): CodeCheck {
  const base = { system: 'HCPCS' as const, code };
  const where = { medicalCode: code };
  const modifier = /^[0-9A-Z]{2}$/.test(code);
  if (!modifier && !/^[A-V]\d{4}$/.test(code)) {
    return {
      ...base,
      valid: false,
      problems: [
        problem(
          'CODE_FORMAT',
          where,
          `"${code}" is not a HCPCS Level II code (letter A-V and 4 digits) or modifier (2 characters)`,
          'error',
          '181',
        ),
      ],
    };
  }
  const problems: CodesetProblem[] = [];
  let table = selectRelease(releases, dos);
  if (!table) {
    table = [...releases].sort((a, b) => a.release.effectiveFrom.localeCompare(b.release.effectiveFrom))[0];
    if (!table)
      return {
        ...base,
        valid: false,
        problems: [problem('NO_RELEASE', where, 'no HCPCS release is loaded')],
      };
    problems.push(
      problem(
        'NO_RELEASE',
        where,
        `no HCPCS file loaded for ${dos}; checked against the dates in the ${table.release.version} file`,
        'warning',
      ),
    );
  }
  const release = table.release.version;
  const r = (modifier ? table.modifiers : table.procedures).get(code);
  if (!r) {
    problems.push(
      problem(
        'CODE_UNKNOWN',
        where,
        `${code} is not a HCPCS ${modifier ? 'modifier' : 'code'} in the ${release} file`,
        'error',
        modifier ? '4' : '181',
      ),
    );
    return { ...base, valid: false, release, problems };
  }
  if (!hcpcsActiveOn(r, dos)) {
    const span = `added ${r.addedDate ?? 'unknown'}${r.terminationDate ? `, terminated ${r.terminationDate}` : ''}`;
    problems.push(
      problem('CODE_NOT_ACTIVE', where, `${code} is not active on ${dos} (${span})`, 'error', '181'),
    );
    return { ...base, valid: false, description: r.longDescription, release, problems };
  }
  return {
    ...base,
    valid: problems.every((p) => p.severity !== 'error'),
    billable: true,
    description: r.longDescription,
    release,
    problems,
  };
}
