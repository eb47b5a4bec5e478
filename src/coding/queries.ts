/**
 * Physician queries (CDI): the checks that keep a query compliant and the addendum its answer
 * becomes. Pure. The rules follow the AHIMA/ACDIS "Guidelines for Achieving a Compliant Query
 * Practice" (2022 update): a multiple-choice query states the clinical indicators from the record,
 * offers the clinically reasonable options and always "other" and "clinically undetermined", and
 * never leads the provider or mentions payment or quality scores.
 */
import type { FieldError } from '../shared/field-error.ts';

/** The two answers every multiple-choice query offers (the guidelines require both). */
export const OTHER = 'Other (please specify)';
export const UNDETERMINED = 'Clinically undetermined';

export interface QueryDraft {
  /** The question, open-ended: "Based on the clinical indicators, please clarify the type of anemia." */
  question: string;
  /** What the record shows (labs, vitals, medications, findings), with where each is. */
  clinicalIndicators: string;
  /** The clinically reasonable options the provider picks from; OTHER and UNDETERMINED are added. */
  options: string[];
}

/** Wording that puts an answer in the provider's mouth (a yes/no "agree" or an instruction to document). */
const LEADING = [
  /\bplease (document|add|chart|write|record)\b/i,
  /\b(would|do|can|could) you (agree|confirm)\b/i,
  /\b(don't|do not) you (think|agree)\b/i,
  /\bisn'?t (it|this|that)\b/i,
  /\bshould (be|have been) (documented|coded)\b/i,
  /\bsupports? (a|the) diagnosis of\b/i,
];

/** Money and scores: a query may not tell the provider what an answer is worth. */
const FINANCIAL = [
  /\$/,
  /\b(reimburse\w*|payment|paid|revenue|money|dollars?|financial|DRG|MS-DRG|APR-DRG|RVUs?|HCC|risk score|CMI|case mix|quality scores?|SOI|ROM|profit)\b/i,
];

/** Why a query is not compliant, field by field; empty when it may be sent. */
export function checkQuery(draft: QueryDraft): FieldError[] {
  const errors: FieldError[] = [];
  const question = draft.question.trim();
  if (question === '') errors.push({ pointer: '/question', detail: 'the question is blank' });
  if (draft.clinicalIndicators.trim() === '')
    errors.push({
      pointer: '/clinicalIndicators',
      detail: 'state the clinical indicators from the record that prompt the query',
    });
  const options = clinicalOptions(draft.options);
  if (options.length < 2)
    errors.push({
      pointer: '/options',
      detail:
        'offer at least two clinically reasonable options (other and clinically undetermined are added): one option leads',
    });
  const seen = new Set<string>();
  draft.options.forEach((option, i) => {
    const key = option.trim().toLowerCase();
    if (key !== '' && seen.has(key))
      errors.push({ pointer: `/options/${i}`, detail: `"${option}" is offered twice` });
    seen.add(key);
  });
  const texts: [string, string][] = [
    ['/question', draft.question],
    ['/clinicalIndicators', draft.clinicalIndicators],
    ...draft.options.map((o, i): [string, string] => [`/options/${i}`, o]),
  ];
  for (const [pointer, text] of texts) {
    const leading = LEADING.map((r) => r.exec(text)).find(Boolean);
    if (leading && pointer !== '/clinicalIndicators')
      errors.push({ pointer, detail: `"${leading[0]}" leads the provider: ask, do not suggest the answer` });
    const money = FINANCIAL.map((r) => r.exec(text)).find(Boolean);
    if (money)
      errors.push({
        pointer,
        detail: `"${money[0]}" speaks of payment or scores: a query may not state an answer's financial or quality impact`,
      });
  }
  return errors;
}

/** The options as sent: the coder's clinical options, then "other" and "clinically undetermined". */
export function queryOptions(options: string[]): string[] {
  return [...clinicalOptions(options), OTHER, UNDETERMINED];
}

function clinicalOptions(options: string[]): string[] {
  const fixed = new Set(
    [OTHER, UNDETERMINED, 'other', 'clinically undetermined'].map((o) => o.toLowerCase()),
  );
  return options.map((o) => o.trim()).filter((o) => o !== '' && !fixed.has(o.toLowerCase()));
}

export interface QueryAnswer {
  /** One of the query's options (as sent). */
  option: string;
  /** The provider's own words: required for OTHER, allowed with any option. */
  text?: string;
}

/** Why an answer cannot be taken, field by field. */
export function checkAnswer(options: string[], answer: QueryAnswer): FieldError[] {
  if (!options.includes(answer.option))
    return [{ pointer: '/option', detail: `"${answer.option}" is not one of the query's options` }];
  if (answer.option === OTHER && !answer.text?.trim())
    return [{ pointer: '/text', detail: 'say what the other diagnosis or finding is' }];
  return [];
}

/**
 * The addendum the answer becomes: the question, the indicators, the options offered and the
 * provider's answer, signed and dated, so the coder cites a document, not a message.
 */
export function addendumText(
  query: { id: number; question: string; clinicalIndicators: string; options: string[]; sentAt: string },
  answer: QueryAnswer,
  answeredBy: string,
  answeredAt: string,
): string {
  const chosen = answer.option === OTHER ? `Other: ${answer.text?.trim() ?? ''}` : answer.option;
  return [
    `Addendum: response to physician query #${query.id} (sent ${query.sentAt})`,
    '',
    `Question: ${query.question.trim()}`,
    `Clinical indicators: ${query.clinicalIndicators.trim()}`,
    `Options offered: ${query.options.join('; ')}`,
    '',
    `Provider's answer: ${chosen}`,
    ...(answer.text?.trim() && answer.option !== OTHER ? [`Comment: ${answer.text.trim()}`] : []),
    '',
    `Answered by ${answeredBy} on ${answeredAt}`,
  ].join('\n');
}
