/**
 * Claim-level ICD-10-CM edits the scrubber calls with a claim's diagnoses (in claim order) and
 * the patient: Excludes1 pairs (Official Guidelines I.A.12.a), manifestation codes listed first
 * (I.A.13 "in diseases classified elsewhere" / "code first"), and sex- and age-specific codes
 * (demographicRules.ts). Pure: tables and patient data are passed in. Where the tabular notes
 * were not imported, the result says so instead of implying there are none.
 */
import { problem } from '../problems.ts';
import type { CodesetProblem } from '../problems.ts';
import { normalizeCode, dottedCm } from '../icd10cm/code.ts';
import { codeRefs, notesFor, refMatches } from '../icd10cm/tabularNotes.ts';
import type { TabularNotes } from '../icd10cm/tabularNotes.ts';
import { selectRelease } from '../release/release.ts';
import type { CmTable } from '../tables/cmTable.ts';
import { DEMOGRAPHIC_RULES, rulesFor } from './demographicRules.ts';
import type { DemographicRule } from './demographicRules.ts';

export interface Patient {
  sex: 'F' | 'M' | 'U';
  /** whole years at the date of service */
  ageYears: number;
}

export interface ClaimDiagnoses {
  /** ICD-10-CM codes in claim order; the first is the principal / first-listed diagnosis */
  diagnoses: string[];
  dos: string;
  patient: Patient;
}

export function editClaimDiagnoses(
  claim: ClaimDiagnoses,
  releases: readonly CmTable[],
  rules: readonly DemographicRule[] = DEMOGRAPHIC_RULES,
): CodesetProblem[] {
  const codes = claim.diagnoses.map(normalizeCode);
  const table = selectRelease(releases, claim.dos);
  const out: CodesetProblem[] = [];
  out.push(...demographicEdits(codes, claim.patient, rules));
  const first = codes[0];
  const firstEntry = first ? table?.codes.get(first) : undefined;
  if (first && firstEntry && /in diseases classified elsewhere/i.test(firstEntry.longDescription)) {
    out.push(
      problem(
        'MANIFESTATION_FIRST',
        { medicalCode: dottedCm(first), diagnosisPosition: 1 },
        `${dottedCm(first)} "${firstEntry.longDescription}" is a manifestation code and may not be first-listed; code the underlying condition first`,
        'error',
        '16',
      ),
    );
  }
  if (!table?.tabular) {
    out.push(
      problem(
        'TABULAR_NOT_IMPORTED',
        {},
        `Excludes1 and "code first" notes were not checked: tabular notes are not imported for ICD-10-CM${table ? ` FY${table.release.version}` : ''}`,
        'info',
      ),
    );
    return out;
  }
  out.push(...excludes1Edits(codes, table.tabular));
  if (first && !out.some((p) => p.code === 'MANIFESTATION_FIRST'))
    out.push(...codeFirstEdit(first, codes, table.tabular));
  return out;
}

function demographicEdits(
  codes: string[],
  patient: Patient,
  rules: readonly DemographicRule[],
): CodesetProblem[] {
  const out: CodesetProblem[] = [];
  codes.forEach((code, i) => {
    const where = { medicalCode: dottedCm(code), diagnosisPosition: i + 1 };
    for (const r of rulesFor(code, rules)) {
      if (r.sex && patient.sex !== 'U' && patient.sex !== r.sex) {
        out.push(
          problem(
            'SEX_CONFLICT',
            where,
            `${dottedCm(code)} is a ${r.sex === 'F' ? 'female' : 'male'}-only diagnosis (${r.label}; ${r.source}) but the patient is ${patient.sex === 'F' ? 'female' : 'male'}`,
            'warning',
            '10',
          ),
        );
      }
      if (
        (r.minAge !== undefined && patient.ageYears < r.minAge) ||
        (r.maxAge !== undefined && patient.ageYears > r.maxAge)
      ) {
        out.push(
          problem(
            'AGE_CONFLICT',
            where,
            `${dottedCm(code)} is for ages ${r.minAge ?? 0}-${r.maxAge ?? 124} (${r.label}; ${r.source}) but the patient is ${patient.ageYears}`,
            'warning',
            '9',
          ),
        );
      }
    }
  });
  return out;
}

function excludes1Edits(codes: string[], tab: TabularNotes): CodesetProblem[] {
  const out: CodesetProblem[] = [];
  codes.forEach((a, i) => {
    for (const note of notesFor(tab, a, 'excludes1')) {
      for (const ref of codeRefs(note.text)) {
        codes.forEach((b, j) => {
          if (i === j || !refMatches(ref, b)) return;
          if (
            out.some(
              (p) =>
                p.code === 'EXCLUDES1' && p.medicalCode === dottedCm(b) && p.message.includes(dottedCm(a)),
            )
          )
            return;
          out.push(
            problem(
              'EXCLUDES1',
              { medicalCode: dottedCm(a), diagnosisPosition: i + 1 },
              `${dottedCm(a)} and ${dottedCm(b)} are an Excludes1 pair (${note.source} excludes "${note.text}"): report only one`,
              'error',
              '16',
            ),
          );
        });
      }
    }
  });
  return out;
}

function codeFirstEdit(first: string, codes: string[], tab: TabularNotes): CodesetProblem[] {
  const notes = notesFor(tab, first, 'codeFirst');
  const refs = notes.flatMap((n) => codeRefs(n.text));
  if (refs.length === 0) return [];
  if (codes.slice(1).some((c) => refs.some((r) => refMatches(r, c)))) {
    return [
      problem(
        'MANIFESTATION_FIRST',
        { medicalCode: dottedCm(first), diagnosisPosition: 1 },
        `${dottedCm(first)} has a "code first" note and the underlying condition is on the claim: list it before ${dottedCm(first)}`,
        'warning',
        '16',
      ),
    ];
  }
  return [];
}
