// Which 277 statuses put a claim on the follow-up queue, and what the biller does about each. Pure.
import { statusInWords, type StatusDetail } from '../../x12/index.ts';

/** What to do, by STC01-1 category; a category not listed needs no one (received, pending, paid). */
const TODO: [RegExp, string][] = [
  [/^F2$/, 'denied: correct and resubmit, or appeal'],
  [/^F4$/, 'no payment coming: check the remittance, then bill the patient or appeal'],
  [/^R\d$/, 'the payer asks for information: send it'],
  [/^A[3678]$/, 'rejected: correct the claim and resubmit'],
  [/^A4$/, 'the payer has no record of the claim: resubmit it'],
  [/^E[0-4]$/, 'the payer could not answer: check the inquiry, ask again or call the payer'],
  [/^D0$/, 'the payer could not find the claim: check the patient and claim numbers'],
];

export interface NeededAction {
  /** The STC category and status code, e.g. F2:88 (the follow-up item's reasonCode). */
  reasonCode: string;
  /** The status in words and what to do. */
  reason: string;
}

/** What a biller does about a status of this category, or undefined when nothing is needed. */
export const todoFor = (category: string): string | undefined => TODO.find(([re]) => re.test(category))?.[1];

/** The first status (claim level first, as given) that needs someone, or undefined. */
export function actionNeeded(statuses: readonly StatusDetail[]): NeededAction | undefined {
  for (const s of statuses) {
    const todo = todoFor(s.category);
    if (todo) return { reasonCode: `${s.category}:${s.code}`, reason: `${statusInWords(s)} — ${todo}` };
  }
  return undefined;
}
