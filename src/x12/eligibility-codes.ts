// 270/271 codes in a biller's words: data. Codes not listed are shown as the code itself, never dropped.

/** EB01 Eligibility or Benefit Information Code. 1–5 active, 6–8 inactive. */
export const BENEFIT_CODES: Record<string, string> = {
  '1': 'active coverage',
  '2': 'active: full risk capitation',
  '3': 'active: services capitated',
  '4': 'active: services capitated to primary care physician',
  '5': 'active: pending investigation',
  '6': 'inactive',
  '7': 'inactive: pending eligibility update',
  '8': 'inactive: pending investigation',
  A: 'coinsurance',
  B: 'copay',
  C: 'deductible',
  CB: 'coverage basis',
  D: 'benefit description',
  E: 'exclusions',
  F: 'limitations',
  G: 'out-of-pocket (stop loss)',
  H: 'unlimited',
  I: 'non-covered',
  J: 'cost containment',
  K: 'reserve',
  L: 'primary care provider',
  M: 'pre-existing condition',
  MC: 'managed care coordinator',
  N: 'services restricted to the following provider',
  O: 'not deemed a medical necessity',
  P: 'benefit disclaimer',
  Q: 'second surgical opinion required',
  R: 'other or additional payer',
  S: 'prior year history',
  T: 'card reported lost or stolen',
  U: 'contact the following entity for eligibility or benefits',
  V: 'cannot process',
  W: 'other source of data',
  X: 'health care facility',
  Y: 'spend down',
};

/** EB03/EQ01 Service Type Codes a practice asks about most. */
export const SERVICE_TYPES: Record<string, string> = {
  '1': 'medical care',
  '2': 'surgical',
  '4': 'diagnostic x-ray',
  '5': 'diagnostic lab',
  '12': 'durable medical equipment purchase',
  '30': 'health benefit plan coverage',
  '33': 'chiropractic',
  '35': 'dental care',
  '42': 'home health care',
  '45': 'hospice',
  '47': 'hospital',
  '48': 'hospital inpatient',
  '50': 'hospital outpatient',
  '51': 'hospital emergency accident',
  '52': 'hospital emergency medical',
  '53': 'hospital ambulatory surgical',
  '73': 'diagnostic medical',
  '86': 'emergency services',
  '88': 'pharmacy',
  '98': 'professional (physician) visit, office',
  A4: 'psychiatric',
  AL: 'vision (optometry)',
  BZ: 'physician visit, office: well',
  MH: 'mental health',
  UC: 'urgent care',
};

/** AAA03 Reject Reason Codes: what the payer says, and what the front desk does about it. */
export const REJECT_REASONS: Record<string, { says: string; todo: string }> = {
  '15': {
    says: 'required application data missing',
    todo: 'Fill in what the request lacked (member id, name, date of birth) and send again.',
  },
  '41': {
    says: 'authorization/access restrictions',
    todo: 'The practice is not allowed to ask this payer: check the enrollment with the payer or clearinghouse.',
  },
  '42': {
    says: 'unable to respond at current time',
    todo: 'The payer cannot answer now: send the check again later.',
  },
  '43': {
    says: 'invalid or missing provider identification',
    todo: 'Check the NPI sent and that this provider is enrolled with the payer.',
  },
  '45': {
    says: 'invalid or missing provider specialty',
    todo: 'Check the provider’s taxonomy with the payer.',
  },
  '47': { says: 'invalid or missing provider state', todo: 'Check the provider’s address on file.' },
  '50': {
    says: 'provider ineligible for inquiries',
    todo: 'The provider cannot ask this payer: check the enrollment.',
  },
  '51': {
    says: 'provider not on file',
    todo: 'Enroll the provider with the payer or ask under the group NPI.',
  },
  '52': {
    says: 'service dates not within provider plan enrollment',
    todo: 'Check the provider’s enrollment dates with the payer.',
  },
  '56': { says: 'inappropriate date', todo: 'Check the date of service asked about.' },
  '57': { says: 'invalid or missing date(s) of service', todo: 'Check the date of service asked about.' },
  '58': {
    says: 'invalid or missing date of birth',
    todo: 'Check the patient’s date of birth against the card and send again.',
  },
  '60': {
    says: 'date of birth follows date(s) of service',
    todo: 'The date of birth or date of service is wrong: correct it.',
  },
  '61': {
    says: 'date of death precedes date(s) of service',
    todo: 'The payer has a date of death on file: confirm with the patient or family.',
  },
  '62': {
    says: 'date of service not within allowable inquiry period',
    todo: 'Ask about a date the payer accepts (usually not too far back or ahead).',
  },
  '63': { says: 'date of service in future', todo: 'Ask again closer to the visit, or for today’s date.' },
  '64': { says: 'invalid or missing patient id', todo: 'Check the patient’s id on the card and send again.' },
  '65': {
    says: 'invalid or missing patient name',
    todo: 'Spell the name exactly as on the card and send again.',
  },
  '66': { says: 'invalid or missing patient gender', todo: 'Check the patient’s sex on file.' },
  '67': {
    says: 'patient not found',
    todo: 'Confirm name, date of birth and member id with the patient; ask for the current card.',
  },
  '68': { says: 'duplicate patient id number', todo: 'Call the payer: more than one member has this id.' },
  '71': {
    says: 'patient birth date does not match the payer’s record',
    todo: 'Check the date of birth with the patient and the card.',
  },
  '72': {
    says: 'invalid or missing subscriber/insured id',
    todo: 'Check the member id on the card (prefix, suffix, dependent code) and send again.',
  },
  '73': {
    says: 'invalid or missing subscriber/insured name',
    todo: 'Spell the subscriber’s name exactly as on the card and send again.',
  },
  '74': { says: 'invalid or missing subscriber/insured gender', todo: 'Check the subscriber’s sex on file.' },
  '75': {
    says: 'subscriber/insured not found',
    todo: 'Confirm the payer, member id, name and date of birth; the patient may have other coverage or none: ask for the current card.',
  },
  '76': {
    says: 'duplicate subscriber/insured id number',
    todo: 'Call the payer: more than one member has this id.',
  },
  '77': {
    says: 'subscriber found, patient not found',
    todo: 'Check the dependent’s name and date of birth, or ask as the subscriber if the patient has their own id.',
  },
  '78': {
    says: 'subscriber/insured not in group/plan identified',
    todo: 'Check the group number, or ask without it.',
  },
  '79': { says: 'invalid participant identification', todo: 'Check the payer id the request was sent to.' },
  '80': { says: 'no response received: transaction terminated', todo: 'Send the check again later.' },
  '97': { says: 'invalid or missing provider address', todo: 'Check the provider’s address on file.' },
  T4: { says: 'payer name or identifier missing', todo: 'Pick the payer on the coverage and send again.' },
};

/** AAA04 Follow-up Action Codes. */
export const FOLLOW_UP: Record<string, string> = {
  C: 'correct and resubmit',
  N: 'resubmission not allowed',
  P: 'resubmit the original transaction',
  R: 'resubmission allowed',
  S: 'do not resubmit: inquiry started to a third party',
  W: 'wait 30 days and resubmit',
  X: 'wait 10 days and resubmit',
  Y: 'do not resubmit: the payer will answer by other means',
};
