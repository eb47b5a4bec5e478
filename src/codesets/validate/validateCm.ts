/**
 * ICD-10-CM: only codes flagged billable in the order file of the fiscal year covering the date
 * of service are reportable (HIPAA code set rule; Official Guidelines I.B.1 "code to the highest
 * level of specificity"). Headers get the billable codes beneath them; codes lacking a required
 * 7th character (I.A.5) or placeholder X (I.A.4) say so.
 */
import { problem } from '../problems.ts';
import type { CmTable } from '../tables/cmTable.ts';
import { codesUnder, parentOf } from '../tables/cmTable.ts';
import { selectRelease } from '../release/release.ts';
import { CM_FORMAT, dottedCm } from '../icd10cm/code.ts';
import { seventhCharactersFor } from '../icd10cm/tabularNotes.ts';
import type { CodeCheck, Completion } from './codeCheck.ts';
import { MAX_COMPLETIONS } from './codeCheck.ts';

export function validateCm(code: string, dos: string, releases: readonly CmTable[]): CodeCheck {
  const base = { system: 'ICD-10-CM' as const, code };
  const where = { medicalCode: dottedCm(code) };
  if (!CM_FORMAT.test(code)) {
    return {
      ...base,
      valid: false,
      problems: [
        problem(
          'CODE_FORMAT',
          where,
          `"${code}" is not an ICD-10-CM code (a letter, then 2 to 6 letters or digits)`,
          'error',
          '146',
        ),
      ],
    };
  }
  const table = selectRelease(releases, dos);
  if (!table) {
    return {
      ...base,
      valid: false,
      problems: [
        problem('NO_RELEASE', where, `no ICD-10-CM release loaded covers the date of service ${dos}`),
      ],
    };
  }
  const release = table.release.version;
  const entry = table.codes.get(code);
  if (entry?.billable)
    return {
      ...base,
      valid: true,
      billable: true,
      description: entry.longDescription,
      release,
      problems: [],
    };

  const beneath = codesUnder(table, code).filter((c) => table.codes.get(c)?.billable);
  if (entry) {
    const completions = beneath.slice(0, MAX_COMPLETIONS).map((c): Completion => ({
      code: dottedCm(c),
      description: table.codes.get(c)?.longDescription ?? '',
    }));
    const needs7th = beneath.length > 0 && beneath.every((c) => c.length === 7) && code.length === 6;
    const result = {
      ...base,
      valid: false,
      billable: false,
      description: entry.longDescription,
      release,
      completions,
      completionCount: beneath.length,
    };
    if (needs7th) {
      const chars = beneath.map((c) => c[6]).join(', ');
      const defs = table.tabular ? seventhCharactersFor(table.tabular, code) : undefined;
      const meaning = defs
        ? ` (${defs
            .filter((d) => beneath.some((c) => c[6] === d.char))
            .map((d) => `${d.char} ${d.description}`)
            .join('; ')})`
        : '';
      return {
        ...result,
        problems: [
          problem(
            'CODE_NEEDS_7TH',
            where,
            `${dottedCm(code)} needs a 7th character: ${chars}${meaning}`,
            'error',
            '146',
          ),
        ],
      };
    }
    return {
      ...result,
      problems: [
        problem(
          'CODE_HEADER',
          where,
          `${dottedCm(code)} is a header, not billable; report one of the ${beneath.length} codes beneath it`,
          'error',
          '146',
        ),
      ],
    };
  }
  const withX = placeholderFix(code, table);
  if (withX) {
    return {
      ...base,
      valid: false,
      release,
      completions: [{ code: dottedCm(withX), description: table.codes.get(withX)?.longDescription ?? '' }],
      completionCount: 1,
      problems: [
        problem(
          'CODE_NEEDS_7TH',
          where,
          `${dottedCm(code)} is missing its placeholder X: did you mean ${dottedCm(withX)}?`,
          'error',
          '146',
        ),
      ],
    };
  }
  const parent = parentOf(table, code);
  const hint = parent ? `; the nearest category is ${dottedCm(parent.code)} ${parent.longDescription}` : '';
  return {
    ...base,
    valid: false,
    release,
    problems: [
      problem(
        'CODE_UNKNOWN',
        where,
        `${dottedCm(code)} is not in ICD-10-CM FY${release}${hint}`,
        'error',
        '146',
      ),
    ],
  };
}

/** Pure: the billable code this one becomes when placeholder X fills the empty positions (T3601A → T360X1A). */
function placeholderFix(code: string, table: CmTable): string | undefined {
  if (code.length < 5 || code.length >= 7) return undefined;
  const missing = 7 - code.length;
  const tries = new Set<string>();
  const insert = (s: string, left: number, from: number) => {
    if (left === 0) return void tries.add(s);
    for (let i = from; i < s.length; i++) insert(`${s.slice(0, i)}X${s.slice(i)}`, left - 1, i + 1);
  };
  insert(code, missing, 4);
  for (const t of tries) if (table.codes.get(t)?.billable) return t;
  return undefined;
}
