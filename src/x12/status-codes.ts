// Claim status codes in a biller's words (277CA and 277 STC): data, looked up by readers and the
// claims domain alike. Codes not listed are shown as the code itself, so a new code is never hidden.

/** STC01-1 claim status category codes (code source 507), by family: A acknowledgment, P pending, F finalized, R request, E error. */
export const STATUS_CATEGORIES: Record<string, string> = {
  A0: 'forwarded to another entity',
  A1: 'received',
  A2: 'accepted into adjudication',
  A3: 'returned as unprocessable',
  A4: 'not found',
  A5: 'split',
  A6: 'rejected for missing information',
  A7: 'rejected for invalid information',
  A8: 'rejected for relational field error',
  P0: 'pending: adjudication details on file',
  P1: 'pending in process',
  P2: 'pending in adjudication',
  P3: 'pending: waiting for information the provider was asked for',
  P4: 'pending: waiting for information the patient was asked for',
  P5: 'pending: payer administrative or system hold',
  F0: 'finalized',
  F1: 'finalized and paid',
  F2: 'finalized and denied',
  F3: 'finalized: revised',
  F3F: 'finalized: forwarded to another payer',
  F3N: 'finalized: not forwarded',
  F4: 'finalized: adjudication complete, no payment forthcoming',
  R0: 'more information requested',
  R1: 'more information requested about an entity',
  R3: 'more information requested about the claim or a line',
  R4: 'documentation requested',
  R5: 'more specific detail requested',
  E0: 'no answer possible: the request has errors',
  E1: 'no answer possible: payer system status',
  E2: 'no answer possible: the payer is not responding',
  E3: 'correction required: related fields in error',
  E4: 'trading partner agreement requirement not met',
  D0: 'search unsuccessful',
};

/** STC01-2 claim status codes (code source 508): front-end rejections and the common 277 answers. */
export const STATUS_CODES: Record<string, string> = {
  '0': 'cannot provide further status electronically',
  '1': 'see the remittance advice for details',
  '2': 'details in a letter',
  '3': 'adjudicated, awaiting the payment cycle',
  '6': 'balance due from the subscriber',
  '16': 'forwarded to another entity',
  '19': 'entity acknowledges receipt of the claim',
  '20': 'accepted for processing',
  '21': 'missing or invalid information',
  '23': 'returned to the entity',
  '26': 'entity not found',
  '27': 'policy canceled',
  '33': 'subscriber and subscriber id not found',
  '35': 'claim or encounter not found',
  '41': 'special handling required at the payer',
  '54': 'duplicate of a previously processed claim',
  '65': 'claim or line has been paid',
  '78': 'duplicate of an existing claim awaiting processing',
  '84': 'service not authorized',
  '85': 'entity not primary',
  '88': 'entity not eligible for benefits on the dates of service',
  '97': 'patient eligibility not found with entity',
  '101': 'processed as an adjustment to a previous claim',
  '107': 'processed according to the contract or plan',
  '109': 'entity not eligible',
  '116': 'submitted to the wrong payer',
  '145': 'entity’s specialty/taxonomy code',
  '164': 'entity’s contract/member number',
  '187': 'date(s) of service',
  '254': 'principal diagnosis code',
  '255': 'diagnosis code',
  '454': 'procedure code for services rendered',
  '456': 'procedure code modifier(s)',
  '484': 'the claim was submitted to the wrong payer',
  '562': 'entity’s national provider identifier (NPI)',
  '673': 'patient control number',
};

/** STC01-3 entity codes most statuses name. */
export const STATUS_ENTITIES: Record<string, string> = {
  '1P': 'provider',
  '40': 'receiver',
  '41': 'submitter',
  '82': 'rendering provider',
  '85': 'billing provider',
  DN: 'referring provider',
  IL: 'subscriber',
  PR: 'payer',
  QC: 'patient',
};

/** A code's words, or "<fallback> <code>" when the list does not have it. */
export const words = (list: Record<string, string>, code: string, fallback: string): string =>
  list[code] ?? `${fallback} ${code}`;

/** The family of a category code: what a biller does next depends on it. */
export type StatusFamily = 'acknowledged' | 'pending' | 'finalized' | 'request' | 'error' | 'other';

export function familyOf(category: string): StatusFamily {
  const f = category.charAt(0);
  if (f === 'A') return 'acknowledged';
  if (f === 'P') return 'pending';
  if (f === 'F') return 'finalized';
  if (f === 'R') return 'request';
  if (f === 'E' || f === 'D') return 'error';
  return 'other';
}

/** One STC in words: "finalized and denied: entity not eligible… (patient); …". */
export function statusInWords(s: {
  category: string;
  code: string;
  entity?: string;
  additional?: readonly { code: string }[];
  message?: string;
}): string {
  const entity = s.entity ? ` (${words(STATUS_ENTITIES, s.entity, 'entity')})` : '';
  const extra = (s.additional ?? []).map((a) => `; ${words(STATUS_CODES, a.code, 'status')}`).join('');
  const message = s.message ? ` — ${s.message}` : '';
  return `${words(STATUS_CATEGORIES, s.category, 'category')}: ${words(STATUS_CODES, s.code, 'status')}${entity}${extra}${message}`;
}
