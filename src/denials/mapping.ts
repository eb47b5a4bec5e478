// The denial mapping: a CARC (with its group code and a RARC when they change the meaning) read as
// a category, plain words and a next step. Pure: the rows are data (a practice's mapping version),
// the seed is built from the CARC list read elsewhere; nothing here touches a file or the database.

export const DENIAL_CATEGORIES = [
  'eligibility',
  'authorization',
  'coding',
  'medical-necessity',
  'bundling',
  'timely-filing',
  'duplicate',
  'non-covered',
  'coordination-of-benefits',
  'missing-information',
  'contractual',
] as const;
export type DenialCategory = (typeof DENIAL_CATEGORIES)[number];

export const DENIAL_ACTIONS = [
  'correct-resubmit',
  'appeal',
  'write-off',
  'bill-patient',
  'bill-secondary',
  'send-records',
  'none',
] as const;
export type DenialAction = (typeof DENIAL_ACTIONS)[number];

export const GROUP_CODES = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;

/** One row of a mapping version; null group or remark: any. */
export interface MappingRow {
  groupCode: string | null;
  reasonCode: string;
  remarkCode: string | null;
  category: string;
  explanation: string;
  action: string;
}

export interface DenialReading {
  category: string;
  explanation: string;
  action: string;
  /** The row used; null when no row matched (the code is unmapped). */
  row: MappingRow | null;
}

export interface DenialCodes {
  groupCode: string;
  reasonCode: string;
  remarkCodes: readonly string[];
}

/** How specific a row is: group+CARC+RARC beats CARC+RARC beats group+CARC beats CARC. */
function specificity(r: MappingRow): number {
  return (r.remarkCode ? 2 : 0) + (r.groupCode ? 1 : 0);
}

/** The fallback for a CARC the mapping does not know: said honestly, left for a person to read. */
export function unmappedReading(codes: DenialCodes): DenialReading {
  return {
    category: 'non-covered',
    explanation: `Unmapped: the denial mapping has no row for ${codes.groupCode ? `${codes.groupCode}-` : ''}${codes.reasonCode}. Read the payer's reason code and remarks, then decide whether to appeal; a manager can add a row for it.`,
    action: 'appeal',
    row: null,
  };
}

/** Reads a denial's codes with the most specific matching row; unknown codes fall back to unmapped. */
export function mapDenial(rows: readonly MappingRow[], codes: DenialCodes): DenialReading {
  const group = codes.groupCode.trim().toUpperCase();
  const carc = codes.reasonCode.trim().toUpperCase();
  const remarks = new Set(codes.remarkCodes.map((r) => r.trim().toUpperCase()));
  let best: MappingRow | undefined;
  for (const r of rows) {
    if (r.reasonCode.toUpperCase() !== carc) continue;
    if (r.groupCode && r.groupCode.toUpperCase() !== group) continue;
    if (r.remarkCode && !remarks.has(r.remarkCode.toUpperCase())) continue;
    if (!best || specificity(r) > specificity(best)) best = r;
  }
  if (!best) return unmappedReading(codes);
  return { category: best.category, explanation: best.explanation, action: best.action, row: best };
}

/** A rule of the seed: the CARCs it covers, the category, our own plain words and the next step. */
interface SeedRule {
  codes: readonly string[];
  category: DenialCategory;
  action: DenialAction;
  explanation: string;
}

const range = (from: number, to: number, prefix = ''): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/**
 * The seed rules by category, in our words (the CARC's own text is shown beside them, read from
 * the code list). A code in no list falls to SEED_DEFAULT, so the seed covers every CARC in the list.
 */
export const SEED_RULES: readonly SeedRule[] = [
  {
    category: 'contractual',
    action: 'none',
    codes: [
      '24',
      '41',
      '42',
      '43',
      '44',
      '45',
      '59',
      '69',
      '70',
      '74',
      '75',
      '76',
      '87',
      '89',
      '90',
      '91',
      '94',
      '102',
      '103',
      '104',
      '105',
      '118',
      '121',
      '122',
      '130',
      '131',
      '132',
      '134',
      '137',
      '139',
      '142',
      '143',
      '144',
      '145',
      '161',
      '186',
      '205',
      '209',
      '217',
      '222',
      '223',
      '225',
      '232',
      '237',
      '253',
      '256',
      '259',
      '260',
      '262',
      '263',
      '264',
      '265',
      '266',
      '271',
      '281',
      '295',
      '307',
      '308',
      'A2',
      'A4',
      'A5',
      'A7',
      'P5',
      'P12',
      'P24',
      'P25',
      'P26',
      'P29',
      'W1',
      'Y3',
      'P23',
    ],
    explanation:
      'A contractual or regulatory adjustment: the amount the contract, fee schedule or law takes off. Nothing to collect from anyone; no action unless the rate looks wrong.',
  },
  {
    category: 'contractual',
    action: 'bill-patient',
    codes: ['1', '2', '3', '36', '37', '66', '126', '127', '187', '201', '275', '303'],
    explanation:
      "The patient's share under their plan (deductible, coinsurance or co-pay). Bill the patient, or their secondary plan if they have one.",
  },
  {
    category: 'eligibility',
    action: 'correct-resubmit',
    codes: [
      '26',
      '27',
      '28',
      '30',
      '31',
      '32',
      '33',
      '34',
      '140',
      '141',
      '166',
      '177',
      '178',
      '179',
      '180',
      '200',
      '218',
      '224',
      '257',
      '277',
      'P6',
    ],
    explanation:
      "The payer could not match the patient to active coverage on the date of service. Check the patient's insurance (ID, name, birth date, dates of coverage), fix the registration and resubmit, or bill the right payer or the patient.",
  },
  {
    category: 'authorization',
    action: 'appeal',
    codes: [
      '15',
      '38',
      '39',
      '61',
      '62',
      '165',
      '197',
      '198',
      '210',
      '243',
      '284',
      '287',
      '288',
      '296',
      '302',
      'P17',
      'W6',
    ],
    explanation:
      'The service needed a prior authorization or referral that was missing, expired, exceeded or did not match. Find the authorization; if it existed, appeal with its number, otherwise ask for a retro-authorization.',
  },
  {
    category: 'coding',
    action: 'correct-resubmit',
    codes: [
      ...range(4, 12),
      '13',
      '14',
      '47',
      '52',
      '54',
      '58',
      '110',
      '146',
      '170',
      '171',
      '172',
      '181',
      '182',
      '183',
      '184',
      '185',
      '189',
      '199',
      '206',
      '207',
      '208',
      '220',
      '230',
      '261',
      '268',
      '282',
      '283',
      '299',
      '306',
      'B6',
      'B7',
      'B14',
      'B16',
      'B18',
      'B23',
      'D17',
      'D18',
      'D21',
      'P7',
      'P9',
      'P16',
      'P18',
      'P19',
      'W5',
      'W7',
      'W8',
      'A8',
    ],
    explanation:
      'The codes on the claim do not fit together (procedure, modifier, diagnosis, place of service, provider or NPI). Check the coding against the chart, correct it and resubmit as a corrected claim (frequency 7).',
  },
  {
    category: 'medical-necessity',
    action: 'send-records',
    codes: [
      '50',
      '55',
      '56',
      '57',
      '60',
      '108',
      '114',
      '150',
      '151',
      '152',
      '153',
      '154',
      '167',
      '188',
      '193',
      '216',
      'B5',
      'B8',
      'B12',
      'B19',
      'B22',
      '272',
      '273',
      'P15',
      'W4',
      'P30',
      'P31',
    ],
    explanation:
      'The payer does not think the service was medically necessary as billed (level, frequency, length or diagnosis). Appeal with the medical records and a letter of medical necessity.',
  },
  {
    category: 'bundling',
    action: 'correct-resubmit',
    codes: ['97', '231', '234', 'B10', 'B15', 'B20', 'B21', 'P14', 'W3', '194'],
    explanation:
      'Paid as part of another service on the same claim or day (bundled). If the services were separate and distinct, add the right modifier (such as 59 or XS) and resubmit as a corrected claim; otherwise nothing more is due.',
  },
  {
    category: 'timely-filing',
    action: 'appeal',
    codes: ['29', 'B4', '138', '285', '286'],
    explanation:
      "The payer says the claim (or the appeal) came in after its filing limit. Appeal with proof of timely filing (the clearinghouse acceptance report or an earlier payer's response); without proof, write it off.",
  },
  {
    category: 'duplicate',
    action: 'none',
    codes: ['18', 'B13'],
    explanation:
      'The payer sees this as a duplicate of a claim or service it already processed. Check the original claim was paid; if this one was truly a separate service, resubmit it as a corrected claim with the right modifier.',
  },
  {
    category: 'non-covered',
    action: 'write-off',
    codes: [
      '35',
      '40',
      '46',
      '48',
      '49',
      '51',
      '53',
      '78',
      '95',
      '96',
      '106',
      '107',
      '111',
      '112',
      '113',
      '115',
      '116',
      '117',
      '119',
      '128',
      '135',
      '149',
      '155',
      '157',
      '158',
      '159',
      '160',
      '168',
      '169',
      '173',
      '174',
      '175',
      '176',
      '190',
      '202',
      '203',
      '204',
      '211',
      '212',
      '213',
      '233',
      '235',
      '236',
      '238',
      '239',
      '240',
      '242',
      '244',
      '245',
      '246',
      '247',
      '248',
      '249',
      '250',
      '251',
      '258',
      '269',
      '274',
      '278',
      '279',
      'A6',
      'B1',
      'B9',
      'B17',
      'P21',
      'P27',
      'Y1',
      'W9',
      'P20',
      'D13',
    ],
    explanation:
      "Not covered under the patient's plan. If the patient signed an advance notice (ABN) or the plan makes them liable, bill the patient; otherwise write it off with this reason.",
  },
  {
    category: 'coordination-of-benefits',
    action: 'correct-resubmit',
    codes: [
      '19',
      '20',
      '21',
      '22',
      '71',
      '109',
      '129',
      '136',
      '191',
      '195',
      '196',
      '214',
      '215',
      '254',
      '270',
      '276',
      '280',
      '289',
      '290',
      '291',
      '292',
      '297',
      '298',
      '300',
      '301',
      '304',
      '305',
      'B11',
      'D16',
      'D23',
      'P2',
      'P3',
      'P4',
      'P13',
      'P28',
      'P32',
      'W2',
      'Y2',
      'P22',
      '219',
      '255',
      'P11',
      'P10',
      'P1',
      '162',
      'D22',
    ],
    explanation:
      'Another payer (another plan, workers’ compensation, auto or liability) pays first, or the prior payer’s information is missing. Bill the payer that is primary, or resubmit with the primary’s payment.',
  },
  {
    category: 'coordination-of-benefits',
    action: 'bill-secondary',
    codes: ['23'],
    explanation:
      'Another payer has already paid part of this. Send the remainder to the next payer (the secondary), then bill the patient what is left.',
  },
  {
    category: 'missing-information',
    action: 'correct-resubmit',
    codes: [
      '16',
      '125',
      '133',
      '221',
      '229',
      '267',
      'A1',
      'D2',
      'D4',
      'D5',
      'D7',
      'D8',
      'D14',
      'D15',
      'D20',
      'P8',
    ],
    explanation:
      'The claim is missing or has wrong information the payer needs. Read the remark codes for what is missing, add it and resubmit as a corrected claim.',
  },
  {
    category: 'missing-information',
    action: 'send-records',
    codes: [
      '17',
      '148',
      '163',
      '164',
      '226',
      '227',
      '228',
      '252',
      'D1',
      'D3',
      'D6',
      'D9',
      'D10',
      'D11',
      'D12',
      'D19',
    ],
    explanation:
      'The payer asked for records or documents it did not get. Send the requested records (or the attachment) and ask the payer to reprocess.',
  },
];

/** For a code in none of the lists: said plainly, an appeal if the biller disagrees. */
export const SEED_DEFAULT: Omit<SeedRule, 'codes'> = {
  category: 'non-covered',
  action: 'appeal',
  explanation:
    "The payer did not pay this for the reason shown beside it; our rules do not read this code more finely. Read the payer's reason; appeal if you disagree, or write it off.",
};

/** Rows refined by group code or remark, where they change the next step. */
const SEED_REFINEMENTS: readonly MappingRow[] = [
  ...['1', '2', '3'].map((reasonCode) => ({
    groupCode: 'PR',
    reasonCode,
    remarkCode: null,
    category: 'contractual',
    action: 'bill-patient',
    explanation:
      "The patient's share under their plan (deductible, coinsurance or co-pay). Bill the patient, or their secondary plan if they have one.",
  })),
  {
    groupCode: 'PR',
    reasonCode: '96',
    remarkCode: null,
    category: 'non-covered',
    action: 'bill-patient',
    explanation:
      'Not covered, and the payer puts it on the patient (patient responsibility). Bill the patient.',
  },
  {
    groupCode: 'PR',
    reasonCode: '204',
    remarkCode: null,
    category: 'non-covered',
    action: 'bill-patient',
    explanation:
      "Not covered under the patient's plan, and the payer puts it on the patient. Bill the patient.",
  },
  {
    groupCode: null,
    reasonCode: '16',
    remarkCode: 'N290',
    category: 'missing-information',
    action: 'correct-resubmit',
    explanation:
      'The rendering provider is missing or invalid on the claim. Add the rendering provider and NPI and resubmit as a corrected claim.',
  },
  {
    groupCode: null,
    reasonCode: '16',
    remarkCode: 'MA130',
    category: 'missing-information',
    action: 'correct-resubmit',
    explanation:
      'The claim is incomplete or has invalid information and has no appeal rights: correct it and submit it again as a new claim.',
  },
  {
    groupCode: 'CO',
    reasonCode: '50',
    remarkCode: 'N115',
    category: 'medical-necessity',
    action: 'send-records',
    explanation:
      'Denied under a local coverage determination (LCD): the diagnosis does not support the service. Check the diagnosis coding; if it is right, appeal with the records.',
  },
  {
    groupCode: 'CO',
    reasonCode: '29',
    remarkCode: null,
    category: 'timely-filing',
    action: 'appeal',
    explanation:
      "Past the payer's filing limit and the practice cannot bill the patient for it. Appeal with proof of timely filing (the clearinghouse acceptance report); without proof, write it off.",
  },
];

/**
 * Builds version 1 of a practice's mapping from the CARC list (codes as read from the code-set
 * file): one row per CARC by our rules, plus the group and remark refinements.
 */
export function seedMappingRows(carcs: readonly { code: string }[]): MappingRow[] {
  const byCode = new Map<string, SeedRule>();
  for (const rule of SEED_RULES) for (const c of rule.codes) if (!byCode.has(c)) byCode.set(c, rule);
  const rows: MappingRow[] = carcs.map(({ code }) => {
    const rule = byCode.get(code) ?? SEED_DEFAULT;
    return {
      groupCode: null,
      reasonCode: code,
      remarkCode: null,
      category: rule.category,
      explanation: rule.explanation,
      action: rule.action,
    };
  });
  const known = new Set(carcs.map((c) => c.code));
  return [...rows, ...SEED_REFINEMENTS.filter((r) => known.has(r.reasonCode))];
}

/** A row a manager wrote: checked before it is stored (codes upper case, known category and action). */
export function checkMappingRow(r: MappingRow): string | undefined {
  if (!/^[A-Z0-9]{1,5}$/i.test(r.reasonCode)) return `reason code ${r.reasonCode} is not a CARC`;
  if (r.groupCode && !(GROUP_CODES as readonly string[]).includes(r.groupCode.toUpperCase()))
    return `group code ${r.groupCode} is not one of ${GROUP_CODES.join(', ')}`;
  if (r.remarkCode && !/^[A-Z]{1,2}\d{1,4}$/i.test(r.remarkCode))
    return `remark code ${r.remarkCode} is not a RARC`;
  if (!(DENIAL_CATEGORIES as readonly string[]).includes(r.category))
    return `category ${r.category} is not one of ${DENIAL_CATEGORIES.join(', ')}`;
  if (!(DENIAL_ACTIONS as readonly string[]).includes(r.action))
    return `action ${r.action} is not one of ${DENIAL_ACTIONS.join(', ')}`;
  if (!r.explanation.trim()) return 'the explanation is empty';
  return undefined;
}

/**
 * A claim the payer's front end rejected (277CA or 277): never adjudicated, so nothing to appeal;
 * the category is read from the status words, the next step is always to correct and resend.
 */
export function rejectionReading(statusCode: string, text: string): Omit<DenialReading, 'row'> {
  const category: DenialCategory = /subscriber|insured|patient|member|eligib|coverage|policy/i.test(text)
    ? 'eligibility'
    : /procedure|diagnosis|modifier|revenue code|place of service|\bcode\b/i.test(text)
      ? 'coding'
      : /duplicate/i.test(text)
        ? 'duplicate'
        : 'missing-information';
  return {
    category,
    action: 'correct-resubmit',
    explanation: `Rejected before the payer looked at it (${statusCode}${text ? `: ${text}` : ''}). The claim was never received for payment: correct it and send it again soon, as the filing limit keeps running.`,
  };
}
