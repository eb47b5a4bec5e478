// An appeal letter from its template: pure, given the claim, patient, provider, payer, denial,
// the documents the biller chose and today. A placeholder the filler does not know is reported,
// never printed blank; one with no value on file is marked in the letter for the biller.
import type { ClaimForLetter } from '../claims/index.ts';
import { formatUsd } from '../shared/money.ts';
import { appealProblem, type AppealProblem } from './appeal-problems.ts';

export interface LetterAddress {
  address1: string | null;
  address2?: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export interface AppealLetterInput {
  today: string;
  /** 1 first-level appeal (reconsideration), 2 second-level … */
  level: number;
  practice: LetterAddress & { name: string; phone: string | null; npi: string; tin: string };
  provider: { name: string; npi: string };
  payer: LetterAddress & { name: string };
  patient: { name: string; dateOfBirth: string; memberId: string | null };
  claim: {
    patientControlNumber: string;
    /** CLP07 of the 835 that denied it (the claim's own REF*F8 when it has one). */
    payerClaimNumber: string | null;
    priorAuthorization: string | null;
    diagnoses: string[];
    totalChargeCents: number;
    lines: ClaimForLetter['lines'];
  };
  /** The denial appealed; null for an appeal of the claim as a whole. */
  denial: {
    groupCode: string;
    reasonCode: string;
    /** The CARC's words. */
    reasonText: string | null;
    remarks: { code: string; text: string | null }[];
    /** The plain explanation of the denial mapping. */
    explanation: string | null;
    amountCents: number;
    remittanceDate: string | null;
  } | null;
  documents: string[];
}

/** A date as a letter shows it: MM/DD/YYYY. */
export const letterDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

const addressText = (a: LetterAddress) =>
  [a.address1, a.address2, [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')]
    .filter((s): s is string => Boolean(s && s.trim()))
    .join('\n') || null;

const LEVEL_WORDS = ['', 'first-level', 'second-level', 'third-level'];

const datesOfService = (lines: AppealLetterInput['claim']['lines']) => {
  const dates = [...new Set(lines.map((l) => l.serviceDate))].sort();
  if (dates.length === 0) return null;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  return first === last ? letterDate(first) : `${letterDate(first)} to ${letterDate(last)}`;
};

const lineText = (l: AppealLetterInput['claim']['lines'][number]) =>
  `${letterDate(l.serviceDate)}  ${l.procedureCode}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}` +
  `  ${l.units} unit${l.units === '1' || l.units === '1.000' ? '' : 's'}  ${formatUsd(l.chargeCents)}`;

/**
 * Every placeholder a template may use, with what it stands for: the template editor lists them
 * and the filler refuses any other. Values are null when not on file.
 */
export const PLACEHOLDERS: Record<string, { means: string; value: (i: AppealLetterInput) => string | null }> =
  {
    today: { means: "today's date", value: (i) => letterDate(i.today) },
    'appeal.level': {
      means: 'first-level or second-level',
      value: (i) => LEVEL_WORDS[i.level] ?? `level ${i.level}`,
    },
    'practice.name': { means: 'the practice', value: (i) => i.practice.name },
    'practice.address': { means: "the practice's address (lines)", value: (i) => addressText(i.practice) },
    'practice.phone': { means: "the practice's phone", value: (i) => i.practice.phone },
    'practice.npi': { means: "the practice's (billing) NPI", value: (i) => i.practice.npi },
    'practice.tin': { means: "the practice's tax ID", value: (i) => i.practice.tin },
    'provider.name': { means: 'the rendering provider', value: (i) => i.provider.name },
    'provider.npi': { means: "the rendering provider's NPI", value: (i) => i.provider.npi },
    'payer.name': { means: 'the payer', value: (i) => i.payer.name },
    'payer.address': { means: "the payer's address (lines)", value: (i) => addressText(i.payer) },
    'patient.name': { means: 'the patient', value: (i) => i.patient.name },
    'patient.dob': { means: "the patient's date of birth", value: (i) => letterDate(i.patient.dateOfBirth) },
    'patient.memberId': { means: "the patient's member ID with the payer", value: (i) => i.patient.memberId },
    'claim.patientControlNumber': {
      means: 'our claim number (CLM01)',
      value: (i) => i.claim.patientControlNumber,
    },
    'claim.payerClaimNumber': {
      means: "the payer's claim number (CLP07 of the 835)",
      value: (i) => i.claim.payerClaimNumber,
    },
    'claim.datesOfService': { means: 'the dates of service', value: (i) => datesOfService(i.claim.lines) },
    'claim.lines': {
      means: 'the service lines: date, code and modifiers, units, charge (one a line)',
      value: (i) => i.claim.lines.map(lineText).join('\n') || null,
    },
    'claim.totalCharge': { means: 'the total charge', value: (i) => formatUsd(i.claim.totalChargeCents) },
    'claim.diagnoses': {
      means: 'the diagnosis codes',
      value: (i) => i.claim.diagnoses.join(', ') || null,
    },
    'claim.priorAuthorization': {
      means: 'the prior authorization number on the claim',
      value: (i) => i.claim.priorAuthorization,
    },
    'denial.code': {
      means: 'the group code and CARC (CO-50)',
      value: (i) => (i.denial ? `${i.denial.groupCode}-${i.denial.reasonCode}` : null),
    },
    'denial.reason': {
      means: "the CARC's words",
      value: (i) => (i.denial ? i.denial.reasonText : null),
    },
    'denial.remarks': {
      means: 'the RARCs with their words (one a line)',
      value: (i) =>
        !i.denial
          ? null
          : i.denial.remarks.map((r) => (r.text ? `${r.code}: ${r.text}` : r.code)).join('\n') || 'none',
    },
    'denial.explanation': {
      means: 'the denial in plain words',
      value: (i) => i.denial?.explanation ?? null,
    },
    'denial.amount': {
      means: 'the amount denied',
      value: (i) => (i.denial ? formatUsd(i.denial.amountCents) : null),
    },
    'denial.date': {
      means: 'the remittance date of the denial',
      value: (i) => (i.denial?.remittanceDate ? letterDate(i.denial.remittanceDate) : null),
    },
    documents: {
      means: 'the documents enclosed (one a line)',
      value: (i) => (i.documents.length ? i.documents.map((d) => `- ${d}`).join('\n') : null),
    },
  };

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** The placeholders a template names that the filler does not know (a template is checked on save). */
export function unknownPlaceholders(body: string): AppealProblem[] {
  const unknown = [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter(
    (name) => !(name in PLACEHOLDERS),
  );
  return unknown.map((name) =>
    appealProblem('APPEAL_PLACEHOLDER_UNKNOWN', `{{${name}}} is not an appeal placeholder`, name),
  );
}

/** The letter with each placeholder filled; problems: unknown placeholders (errors) and values not on file (warnings). */
export function fillAppealLetter(
  body: string,
  input: AppealLetterInput,
): { letter: string; problems: AppealProblem[] } {
  const problems = unknownPlaceholders(body);
  if (problems.length) return { letter: body, problems };
  const missing = new Set<string>();
  const letter = body.replace(PLACEHOLDER, (_all, name: string) => {
    const value = PLACEHOLDERS[name]!.value(input);
    if (value !== null && value.trim() !== '') return value;
    missing.add(name);
    return `[not on file: ${PLACEHOLDERS[name]!.means}]`;
  });
  for (const name of missing)
    problems.push(
      appealProblem(
        'APPEAL_VALUE_MISSING',
        `nothing on file for {{${name}}} (${PLACEHOLDERS[name]!.means})`,
        name,
      ),
    );
  return { letter, problems };
}
